package dev.pooltags.scan;

import dev.pooltags.pe.Machine;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagMatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers "who uses this tag?" from three kinds of evidence, strongest first: the tag files' owners, the
 * drivers whose code passes the tag to a pool routine, and files that merely contain its four bytes. Pure: the
 * database and the file scans are given.
 */
public final class WhoAnalysis {
    /** A driver calling a pool routine with the tag. */
    public record Call(String file, Machine machine, long imageBase, TagUse use) {
        public long functionVa() {
            return imageBase + Integer.toUnsignedLong(use.function());
        }

        public long siteVa() {
            return imageBase + Integer.toUnsignedLong(use.site());
        }
    }

    /** A file that contains the tag's bytes without a call site using it; {@code note} says why it is weak. */
    public record Bytes(String file, ByteMatch match, String note) {
    }

    /**
     * Everything known about one tag: owners, calls passing it, calls whose tag comes from writable data that
     * starts as it ({@code initially}: the driver may change the value), and files holding only its bytes.
     */
    public record Answer(PoolTag tag, List<TagMatch> owners, List<Call> calls, List<Call> initially, List<Bytes> bytes) {
        public Answer {
            owners = List.copyOf(owners);
            calls = List.copyOf(calls);
            initially = List.copyOf(initially);
            bytes = List.copyOf(bytes);
        }

        /** True when a tag file or a driver's code names a user of the tag. */
        public boolean found() {
            return !owners.isEmpty() || !calls.isEmpty() || !initially.isEmpty();
        }
    }

    private WhoAnalysis() {}

    /** The tags to search for as bytes: each tag, and its protected form. */
    public static List<PoolTag> byteForms(List<PoolTag> tags) {
        List<PoolTag> out = new ArrayList<>();
        for (PoolTag t : tags) {
            out.add(t.unprotected());
            out.add(PoolTag.ofValue(t.unprotected().value() | PoolTag.PROTECTED_BIT));
        }
        return out;
    }

    /** Answers each tag, in the order given. */
    public static List<Answer> answer(List<PoolTag> tags, TagDatabase db, List<FileScan> scans) {
        List<Answer> out = new ArrayList<>();
        for (PoolTag tag : tags) {
            int want = tag.unprotected().value();
            List<Call> calls = new ArrayList<>();
            List<Call> initially = new ArrayList<>();
            Set<String> filesWithCalls = new HashSet<>();
            for (FileScan f : scans) {
                for (TagUse u : f.uses()) {
                    if (u.tag() != null && u.tag().unprotected().value() == want) {
                        calls.add(new Call(f.file(), f.image().machine(), f.image().imageBase(), u));
                        filesWithCalls.add(f.file());
                    } else if (u.initial() != null && u.initial().unprotected().value() == want) {
                        initially.add(new Call(f.file(), f.image().machine(), f.image().imageBase(), u));
                        filesWithCalls.add(f.file());
                    }
                }
            }
            List<Bytes> bytes = new ArrayList<>();
            for (FileScan f : scans) {
                if (filesWithCalls.contains(f.file())) {
                    continue;
                }
                for (ByteMatch m : f.bytes()) {
                    if (m.tag().unprotected().value() == want) {
                        bytes.add(new Bytes(f.file(), m, note(f)));
                        break;
                    }
                }
            }
            out.add(new Answer(tag, db.lookup(tag), calls, initially, bytes));
        }
        return out;
    }

    private static String note(FileScan f) {
        return switch (f.status()) {
            case SCANNED -> {
                long unknown = f.uses().stream().filter(u -> u.status() == TagUse.Status.UNKNOWN).count();
                if (f.uses().isEmpty()) {
                    yield "no pool call found in its code";
                }
                yield unknown == 0 ? "its pool calls use other tags"
                        : unknown + (unknown == 1 ? " pool call" : " pool calls")
                                + " in it pass a tag the scan could not recover: the bytes may be that tag";
            }
            case UNDECODABLE -> "code not decoded: " + f.image().undecodable();
            case NOT_PE -> "not a PE file";
            case ERROR, FAILED -> "could not be read: " + f.problem();
        };
    }
}
