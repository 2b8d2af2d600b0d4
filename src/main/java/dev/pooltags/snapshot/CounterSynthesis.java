package dev.pooltags.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns samples that only know what is outstanding (Linux slab caches, {@code !poolused}) into rows with
 * allocation and free counters that behave like the kernel's: they never go down, and allocs minus frees is the
 * outstanding count.
 *
 * <p>The first sample of a row starts at allocs = outstanding, frees = 0. After that, a rise of the outstanding
 * count by n adds n to allocs, a fall by n adds n to frees. The counters are therefore lower bounds of the real
 * number of allocations and frees (an allocation freed between two samples is never seen), and their changes
 * are the net change per interval. Counters are kept modulo 2^32 like Windows' ULONGs, so the wrap-aware
 * arithmetic of {@link TagCounters} and {@link SnapshotDelta} reads them correctly for as long as a recording
 * runs. The input rows' allocs are taken as the outstanding count and their frees are ignored.
 */
public final class CounterSynthesis {
    private final Map<TagCounters.RowKey, long[]> state = new HashMap<>();

    /** The rows of one sample with synthesized counters; call once per sample, in time order. */
    public List<TagCounters> apply(List<TagCounters> outstandingRows) {
        List<TagCounters> out = new ArrayList<>(outstandingRows.size());
        for (TagCounters r : outstandingRows) {
            long outstanding = r.allocs();
            long[] s = state.get(r.key());
            if (s == null) {
                s = new long[] {outstanding % TagCounters.COUNTER_MODULUS, 0, outstanding};
                state.put(r.key(), s);
            } else {
                long change = outstanding - s[2];
                if (change > 0) {
                    s[0] = (s[0] + change) % TagCounters.COUNTER_MODULUS;
                } else if (change < 0) {
                    s[1] = (s[1] - change) % TagCounters.COUNTER_MODULUS;
                }
                s[2] = outstanding;
            }
            out.add(new TagCounters(r.tag(), r.name(), r.type(), s[0], s[1], r.bytes()));
        }
        return out;
    }

    /** Applies {@link #apply} to every snapshot of a time-ordered series. */
    public static List<Snapshot> series(List<Snapshot> outstandingOnly) {
        CounterSynthesis c = new CounterSynthesis();
        List<Snapshot> out = new ArrayList<>(outstandingOnly.size());
        for (Snapshot s : outstandingOnly) {
            out.add(new Snapshot(s.time(), s.host(), s.source(), c.apply(s.rows()), s.totals()));
        }
        return out;
    }
}
