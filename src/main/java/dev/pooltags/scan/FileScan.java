package dev.pooltags.scan;

import java.util.List;

/**
 * The result for one file: what it is, what its code calls, and which searched-for tags its bytes contain.
 *
 * @param file    the file as named to the user (the path given, or found under a folder given)
 * @param size    its size in bytes
 * @param status  what happened
 * @param image   the scan of its code (for {@link Status#SCANNED} and {@link Status#UNDECODABLE}), else null
 * @param problem why it could not be read (for {@link Status#ERROR} and {@link Status#FAILED}), else null
 * @param bytes   tags found by byte search (only those asked for)
 */
public record FileScan(String file, long size, Status status, ImageScan image, String problem, List<ByteMatch> bytes) {
    public FileScan {
        bytes = List.copyOf(bytes);
    }

    /** What happened to a file. */
    public enum Status {
        /** A PE image whose code was decoded. */
        SCANNED("scanned"),
        /** A PE image for a machine (or of a kind) whose code pooltags does not decode. */
        UNDECODABLE("not decoded"),
        /** Not a PE file (no MZ signature): skipped when found in a folder. */
        NOT_PE("not a PE file"),
        /** A PE file that is truncated or malformed, or cannot be read. */
        ERROR("error"),
        /** pooltags failed on it: a bug (the problem names the exception); the command exits 5. */
        FAILED("internal error");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** True when the file could not be read or scanned (damaged, unreadable, or a bug): its problem says why. */
    public boolean unreadable() {
        return status == Status.ERROR || status == Status.FAILED;
    }

    public List<TagUse> uses() {
        return image == null ? List.of() : image.uses();
    }
}
