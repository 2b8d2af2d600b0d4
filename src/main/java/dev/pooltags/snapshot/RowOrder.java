package dev.pooltags.snapshot;

import java.util.Comparator;
import java.util.Locale;

/**
 * PoolMon's sort orders: by tag (ascending) or by a count (largest first), on the value or, in PoolMon's
 * sort-by-change mode, on its change since the previous sample. Ties fall back to tag order, so the order is
 * deterministic.
 */
public enum RowOrder {
    TAG, ALLOCS, FREES, DIFF, BYTES, PER_ALLOC;

    /** The name given on the command line: the constant's, in lower case, run together ({@code peralloc}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace("_", "");
    }

    /** The order named {@code s}, in any case, with or without {@code -} or {@code _} ({@code per-alloc}). */
    public static RowOrder byId(String s) {
        String k = s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (RowOrder o : values()) {
            if (o.id().equals(k)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown sort '" + s + "': use tag, allocs, frees, diff, bytes or peralloc");
    }

    /** The comparator; {@code byChange} sorts by the change column instead of the value (not for tag order). */
    public Comparator<SnapshotDelta.Row> comparator(boolean byChange) {
        Comparator<SnapshotDelta.Row> byKey = Comparator.comparing(SnapshotDelta.Row::key);
        Comparator<SnapshotDelta.Row> c = switch (this) {
            case TAG -> byKey;
            case ALLOCS -> Comparator.comparingLong((SnapshotDelta.Row r) -> byChange ? r.allocsChange() : r.now().allocs());
            case FREES -> Comparator.comparingLong((SnapshotDelta.Row r) -> byChange ? r.freesChange() : r.now().frees());
            case DIFF -> Comparator.comparingLong((SnapshotDelta.Row r) -> byChange ? r.outstandingChange() : r.now().outstanding());
            case BYTES -> Comparator.comparingLong((SnapshotDelta.Row r) -> byChange ? r.bytesChange() : r.now().bytes());
            case PER_ALLOC -> Comparator.comparingLong((SnapshotDelta.Row r) -> r.now().perAlloc());
        };
        return this == TAG ? c : c.reversed().thenComparing(byKey);
    }
}
