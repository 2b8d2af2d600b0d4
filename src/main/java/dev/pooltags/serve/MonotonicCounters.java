package dev.pooltags.serve;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotDelta;
import dev.pooltags.snapshot.TagCounters;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the raw allocation and free counters of each row into counters that only go up, as Prometheus expects
 * of a counter.
 *
 * <p>Windows keeps both as 32-bit values that wrap; between two samples a counter that went down is read as
 * having wrapped once ({@link SnapshotDelta#counterChange}), so the exported value is the raw value plus 2^32 for
 * every wrap seen since pooltags started following the row. Sampling every few seconds, a second wrap between two
 * samples would need billions of allocations a second, so one wrap is the only reading.
 *
 * <p>A counter wider than 32 bits that goes down (a source that restarted counting) is a reset: the exported
 * value restarts at the raw value, which Prometheus' {@code rate()} handles as a counter reset. A row that
 * vanishes is forgotten; if it comes back it starts again from its raw value.
 *
 * <p>Not thread-safe: one sampler feeds it, in time order.
 */
public final class MonotonicCounters {
    /** Exported allocation and free totals of one row. */
    public record Totals(long allocs, long frees) {}

    private static final class State {
        long rawAllocs;
        long rawFrees;
        long allocs;
        long frees;
    }

    private Map<TagCounters.RowKey, State> states = new HashMap<>();

    /** Advances to the next sample and returns the monotonic totals of each of its rows. */
    public Map<TagCounters.RowKey, Totals> advance(Snapshot s) {
        Map<TagCounters.RowKey, State> next = new HashMap<>(s.rows().size() * 2);
        Map<TagCounters.RowKey, Totals> out = new HashMap<>(s.rows().size() * 2);
        for (TagCounters r : s.rows()) {
            TagCounters.RowKey key = r.key();
            State st = next.get(key);
            if (st != null) {
                // a source listed the same row twice: count both (the exposition must not repeat a series)
                st.allocs += r.allocs();
                st.frees += r.frees();
                out.put(key, new Totals(st.allocs, st.frees));
                continue;
            }
            st = states.get(key);
            if (st == null) {
                st = new State();
                st.allocs = r.allocs();
                st.frees = r.frees();
            } else {
                st.allocs = advance(st.allocs, st.rawAllocs, r.allocs());
                st.frees = advance(st.frees, st.rawFrees, r.frees());
            }
            st.rawAllocs = r.allocs();
            st.rawFrees = r.frees();
            next.put(key, st);
            out.put(key, new Totals(st.allocs, st.frees));
        }
        states = next;
        return out;
    }

    private static long advance(long total, long rawBefore, long rawNow) {
        long change = SnapshotDelta.counterChange(rawBefore, rawNow);
        return change >= 0 ? total + change : rawNow; // negative: the source reset a wide counter
    }
}
