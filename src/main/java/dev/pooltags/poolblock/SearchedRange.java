package dev.pooltags.poolblock;

import java.util.Objects;

/**
 * One range a tag search went through: {@code !poolfind}'s {@code Scanning large pool allocation table ... (START : END)}
 * or {@code Searching NonPaged pool (START : END)}; a dump reader's captured memory block.
 *
 * @param bigPoolTable true for the big pool table (its range is the table's own address range, not the pool's)
 * @param region       the pool searched ({@link PoolRegion#UNKNOWN} for the big pool table and captured memory)
 * @param start        first address
 * @param end          the end address as the source printed it
 * @param origin       where the range was named
 */
public record SearchedRange(boolean bigPoolTable, PoolRegion region, long start, long end, Origin origin) {
    public SearchedRange {
        Objects.requireNonNull(region);
        Objects.requireNonNull(origin);
    }
}
