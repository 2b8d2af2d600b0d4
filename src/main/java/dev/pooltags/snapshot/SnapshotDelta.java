package dev.pooltags.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The change of every row between two snapshots (PoolMon's bracketed change columns). Allocation and free
 * counters wrap at 2^32 on Windows, so a counter that went down is read as having wrapped once; a row that is
 * new in the later snapshot changes from zero; a row that vanished changes to zero.
 */
public final class SnapshotDelta {
    /** The change of one row. */
    public record Row(TagCounters.RowKey key, TagCounters now, long allocsChange, long freesChange, long bytesChange) {
        public long outstandingChange() {
            return allocsChange - freesChange;
        }
    }

    private SnapshotDelta() {}

    /** Change of a 32-bit (or wider) counter from {@code before} to {@code after}, wrap-aware. */
    public static long counterChange(long before, long after) {
        long d = after - before;
        if (d < 0 && before < TagCounters.COUNTER_MODULUS && after < TagCounters.COUNTER_MODULUS) {
            d += TagCounters.COUNTER_MODULUS;
        }
        return d;
    }

    /** The rows of one snapshot with no change (what a table shows when there is no earlier sample). */
    public static List<Row> unchanged(Snapshot s) {
        List<Row> out = new ArrayList<>(s.rows().size());
        for (TagCounters r : s.rows()) {
            out.add(new Row(r.key(), r, 0, 0, 0));
        }
        return out;
    }

    /** Rows of {@code after} (and rows that vanished from {@code before}) with their changes, in key order. */
    public static List<Row> between(Snapshot before, Snapshot after) {
        Map<TagCounters.RowKey, TagCounters> old = before.byKey();
        List<Row> out = new ArrayList<>(after.rows().size());
        for (TagCounters r : after.rows()) {
            TagCounters o = old.remove(r.key());
            if (o == null) {
                out.add(new Row(r.key(), r, r.allocs(), r.frees(), r.bytes()));
            } else {
                out.add(new Row(r.key(), r, counterChange(o.allocs(), r.allocs()), counterChange(o.frees(), r.frees()),
                        r.bytes() - o.bytes()));
            }
        }
        for (TagCounters o : old.values()) {
            TagCounters gone = new TagCounters(o.tag(), o.name(), o.type(), o.allocs(), o.frees(), 0);
            out.add(new Row(o.key(), gone, 0, 0, -o.bytes()));
        }
        out.sort((a, b) -> a.key().compareTo(b.key()));
        return out;
    }
}
