package dev.pooltags.serve;

import dev.pooltags.snapshot.TagCounters;

/**
 * One row of the latest sample as the server shows it.
 *
 * @param key         the row's identity
 * @param label       the {@code tag} label: the tag's memory-order text ({@code " (Protected)"} appended for a
 *                    protected tag, so the two never collide), or the slab cache's name
 * @param pool        {@code Paged} or {@code Nonp}
 * @param owner       owner binary from the tag files, or empty when unknown
 * @param bytes       bytes outstanding now
 * @param outstanding allocations outstanding now
 * @param allocs      allocations, monotonic (wraps of the 32-bit counter added back)
 * @param frees       frees, monotonic
 * @param exported    true when this row is exported as per-tag series (see {@link CardinalityLimit})
 */
public record PoolRow(TagCounters.RowKey key, String label, String pool, String owner, long bytes, long outstanding,
        long allocs, long frees, boolean exported) {
    /** A stable id for the dashboard and its URLs: {@code Nonp/MyBf}. */
    public String id() {
        return pool + "/" + label;
    }
}
