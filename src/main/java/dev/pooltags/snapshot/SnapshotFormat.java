package dev.pooltags.snapshot;

import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import dev.pooltags.source.TextFiles;
import dev.pooltags.tag.PoolTag;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Every snapshot file format pooltags reads, how each is recognised, and which it writes. A file's format is
 * found from its content (magic bytes, header lines), so names and extensions do not matter.
 */
public enum SnapshotFormat {
    /** pooltags' JSON Lines ({@link SnapshotJsonLines}). */
    JSON("json", true, false),
    /** pooltags' CSV ({@link SnapshotCsv}). */
    CSV("csv", true, false),
    /** PoolMonX's CSV ({@link PoolMonXCsv}): one snapshot. */
    POOLMONX("poolmonx", true, false),
    /** PoolMon's screen and /n log ({@link PoolMonText}). */
    POOLMON("poolmon", true, false),
    /** WinDbg's !poolused ({@link PoolUsedText}). */
    POOLUSED("poolused", true, true),
    /** The recording ({@link RecordingWriter}, {@link RecordingReader}). */
    RECORDING("rec", true, false),
    /** A saved /proc/slabinfo ({@link SlabInfo}). */
    SLABINFO("slabinfo", false, true),
    /** A Windows kernel crash dump: its confirmed pool blocks per tag ({@link DumpSnapshots}). */
    DUMP("dump", false, true);

    private final String id;
    private final boolean writable;
    private final boolean outstandingOnly;

    SnapshotFormat(String id, boolean writable, boolean outstandingOnly) {
        this.id = id;
        this.writable = writable;
        this.outstandingOnly = outstandingOnly;
    }

    /** The name used by {@code --format}. */
    public String id() {
        return id;
    }

    /** What the format is called in messages. */
    public String title() {
        return switch (this) {
            case JSON -> "pooltags JSON Lines";
            case CSV -> "pooltags CSV";
            case POOLMONX -> "a PoolMonX CSV";
            case POOLMON -> "a PoolMon screen or log";
            case POOLUSED -> "!poolused output";
            case RECORDING -> "a pooltags recording";
            case SLABINFO -> "a saved /proc/slabinfo";
            case DUMP -> "a Windows kernel crash dump";
        };
    }

    /** True when the format stores the time of each sample (the others are stamped from outside). */
    public boolean hasTime() {
        return this == JSON || this == CSV || this == RECORDING || this == DUMP;
    }

    public boolean writable() {
        return writable;
    }

    /**
     * True for formats that carry only outstanding counts, not allocation and free counters; their rows read as
     * allocs = outstanding, frees = 0.
     */
    public boolean outstandingOnly() {
        return outstandingOnly;
    }

    /** The format named by {@code --format}. */
    public static SnapshotFormat byId(String id) {
        for (SnapshotFormat f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown snapshot format '" + id + "'");
    }

    /** The format of a file, from its first bytes; an unrecognised file is an input error naming it. */
    public static SnapshotFormat detect(Path file, byte[] bytes) {
        if (RecordingReader.looksLike(bytes)) {
            return RECORDING;
        }
        if (bytes.length > 0 && bytes.length < RecordingFrames.MAGIC.length && (bytes[0] & 0xFF) == 0x89) {
            return RECORDING; // a recording killed before its header was complete: the reader reports the torn tail
        }
        if (DumpSnapshots.looksLike(bytes)) {
            return DUMP;
        }
        if (TextFiles.looksBinary(bytes)) {
            throw new InputException(file, "is a binary file but not a pooltags recording or a kernel dump");
        }
        String text = new String(bytes, 0, Math.min(bytes.length, 1 << 16), StandardCharsets.ISO_8859_1);
        String first = firstLine(text);
        if (first.startsWith("{")) {
            return JSON;
        }
        if (SlabInfo.looksLike(first)) {
            return SLABINFO;
        }
        if (PoolMonXCsv.looksLike(first)) {
            return POOLMONX;
        }
        if (SnapshotCsv.looksLike(first)) {
            return CSV;
        }
        if (PoolUsedText.looksLike(text)) {
            return POOLUSED;
        }
        if (PoolMonText.looksLike(text)) {
            return POOLMON;
        }
        throw new InputException(file, "not a snapshot file pooltags knows: expected pooltags JSON Lines or CSV, a recording, "
                + "PoolMon or PoolMonX output, !poolused output or /proc/slabinfo");
    }

    private static String firstLine(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.stripLeading();
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).replace("\r", "");
    }

    /** Reads every snapshot of a text format (not {@link #RECORDING}); {@code fileTime} stands in for missing times. */
    public List<Snapshot> readText(String name, byte[] bytes, Instant fileTime) {
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        return switch (this) {
            case JSON -> {
                try {
                    yield SnapshotJsonLines.read(name, new BufferedReader(new StringReader(new String(bytes, StandardCharsets.UTF_8))));
                } catch (UncheckedIOException e) {
                    throw new InputException(name, 0, "cannot be read: " + Reasons.of(e));
                }
            }
            case CSV -> SnapshotCsv.read(name, new String(bytes, StandardCharsets.UTF_8));
            case POOLMONX -> PoolMonXCsv.read(name, latin1, fileTime);
            case POOLMON -> PoolMonText.read(name, latin1, fileTime);
            case POOLUSED -> PoolUsedText.read(name, latin1, fileTime);
            case SLABINFO -> List.of(SlabInfo.snapshot(name, latin1, fileTime));
            case RECORDING -> throw new IllegalStateException("a recording is read with RecordingReader");
            case DUMP -> throw new IllegalStateException("a dump is read with DumpSnapshots");
        };
    }

    /**
     * Writes a series in a text format. {@code owner} gives a tag's owning binary and description for the formats
     * that show them (PoolMonX, !poolused, and pooltags' JSON Lines and CSV, which carry it beside each tag row); it
     * may be null.
     *
     * @throws IllegalArgumentException when the format cannot hold the series (PoolMonX holds one snapshot;
     *         PoolMon, PoolMonX and !poolused hold pool tags, not named rows)
     */
    public void writeText(PrintWriter out, List<Snapshot> series, Function<PoolTag, String[]> owner) {
        checkWritable(series);
        switch (this) {
            case JSON -> {
                try {
                    for (Snapshot s : series) {
                        SnapshotJsonLines.write(out, s, owner);
                    }
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case CSV -> SnapshotCsv.write(out, series, owner);
            case POOLMONX -> PoolMonXCsv.write(out, series.get(0), owner);
            case POOLMON -> PoolMonText.write(out, series);
            case POOLUSED -> PoolUsedText.write(out, series, owner == null ? null : t -> {
                String[] o = owner.apply(t);
                return o == null ? null : o[1] + (o[0] == null || o[0].isEmpty() ? "" : " , Binary: " + o[0]);
            });
            default -> throw new IllegalArgumentException("pooltags does not write " + id + " as text");
        }
    }

    /**
     * Checks that this format can hold the series, before anything is written (so a refusal leaves no partial
     * output): PoolMonX holds one snapshot; PoolMon, PoolMonX and !poolused hold pool tags, not named rows (Linux
     * slab caches).
     *
     * @throws IllegalArgumentException naming what does not fit, and what to write instead
     */
    public void checkWritable(List<Snapshot> series) {
        if (!writable || this == RECORDING) {
            if (this != RECORDING) {
                throw new IllegalArgumentException("pooltags does not write " + id);
            }
            return;
        }
        if (this == POOLMONX && series.size() != 1) {
            throw new IllegalArgumentException("PoolMonX's CSV holds one snapshot and there are " + series.size()
                    + ": pick one with --sample, or write json, csv or rec");
        }
        if (this == POOLMON || this == POOLMONX || this == POOLUSED) {
            String name = switch (this) {
                case POOLMON -> "PoolMon's format";
                case POOLMONX -> "PoolMonX's CSV";
                default -> "!poolused";
            };
            for (Snapshot s : series) {
                for (TagCounters r : s.rows()) {
                    if (r.tag() == null) {
                        throw new IllegalArgumentException(name + " holds pool tags; '" + r.name()
                                + "' is a named row (write json, csv or rec for Linux slab caches)");
                    }
                }
            }
        }
    }

    /** The modification time of a file, standing in for the time of formats that have none. */
    static Instant fileTime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (java.io.IOException e) {
            return Instant.EPOCH;
        }
    }
}
