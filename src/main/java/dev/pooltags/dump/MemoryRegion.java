package dev.pooltags.dump;

/**
 * Memory the dump holds: {@code length} bytes at {@code address} are at {@code fileOffset} in the file.
 *
 * @param kind       what it is
 * @param address    the first address (virtual for small dumps, physical for the others)
 * @param fileOffset where its bytes are
 * @param length     how many bytes
 */
public record MemoryRegion(Kind kind, long address, long fileOffset, long length) {
    /** What a region is. */
    public enum Kind {
        /** A data block a small dump captured (memory around the crash's pointers). */
        DATA_BLOCK(true),
        /** The crashing thread's stack, from a small dump. */
        STACK(true),
        /** The page a small dump's data page entry holds. */
        DATA_PAGE(true),
        /** Physical pages of a complete or kernel dump. */
        PHYSICAL(false);

        private final boolean virtual;

        Kind(boolean virtual) {
            this.virtual = virtual;
        }

        /** True when addresses are virtual. */
        public boolean virtual() {
            return virtual;
        }
    }

    /** True when the region holds {@code address}. */
    public boolean contains(long a) {
        return Long.compareUnsigned(a, address) >= 0 && Long.compareUnsigned(a - address, length) < 0;
    }
}
