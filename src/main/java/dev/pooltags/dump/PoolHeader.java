package dev.pooltags.dump;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;

/**
 * One pool header found in a dump's memory, with what its fields say and how its structure was confirmed.
 *
 * @param address      the header's address (virtual in small dumps, physical in complete and kernel dumps)
 * @param physical     true when {@code address} is physical
 * @param fileOffset   where the header is in the file
 * @param tag          the pool tag
 * @param size         the block's size in bytes, header included (BlockSize times the granularity)
 * @param previousSize the previous block's size in bytes as this header records it (0 in the segment-heap pool)
 * @param poolIndex    the PoolIndex field
 * @param poolTypeBits the raw PoolType field
 * @param allocated    false for a free block (legacy pool: PoolType 0)
 * @param type         paged or nonpaged, from the PoolType field
 * @param link         how the structure around the header confirms it
 */
public record PoolHeader(long address, boolean physical, long fileOffset, PoolTag tag, int size, int previousSize, int poolIndex,
                        int poolTypeBits, boolean allocated, PoolType type, Link link) {
    /** What confirms a header. */
    public enum Link {
        /** The block ends where the next valid header begins (and, in the legacy pool, that header's PreviousSize is this block's size). */
        NEXT_HEADER("the next header follows at its end"),
        /** The block ends where a segment-heap VS chunk header begins, and the next pool header follows it. */
        VS_NEXT_HEADER("a VS chunk header and the next pool header follow at its end"),
        /** The block ends exactly at the end of its page. */
        PAGE_END("it ends at the end of its page"),
        /** The previous block's end is this header. */
        PREVIOUS_HEADER("the previous block ends at this header"),
        /** The header is well formed, but the memory where the block ends was not captured. */
        END_NOT_CAPTURED("well formed, but its end lies outside the captured memory");

        private final String text;

        Link(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** True for every link but {@link #END_NOT_CAPTURED}: the structure around the header was seen and agrees. */
        public boolean confirmed() {
            return this != END_NOT_CAPTURED;
        }
    }

    /** True when the surrounding structure confirms the header. */
    public boolean confirmed() {
        return link.confirmed();
    }

    /** The address of the data after the header. */
    public long dataAddress(int headerSize) {
        return address + headerSize;
    }
}
