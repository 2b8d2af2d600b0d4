package dev.pooltags.serve;

import dev.pooltags.snapshot.TagCounters;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The recent history the dashboard charts: bytes outstanding of every row for the last {@code capacity} samples,
 * in a ring. Memory is bounded: rows times capacity longs; a row that has been absent for a whole ring is dropped.
 *
 * <p>Written by the sampler thread, read by web threads: every method is synchronized and readers get copies.
 */
public final class History {
    private static final long MISSING = -1;

    /** One row's recent values: times (epoch milliseconds) and bytes, oldest first; null where absent. */
    public record Series(long[] times, Long[] bytes) {}

    /** Change of a row's bytes over the history: from its oldest recorded value to now. */
    public record Growth(long bytes, double seconds) {
        /** Bytes per hour, 0 when the history spans no time. */
        public double perHour() {
            return seconds > 0 ? bytes * 3600.0 / seconds : 0;
        }
    }

    private static final class Row {
        final long[] bytes;
        long lastSeen;

        Row(int capacity) {
            bytes = new long[capacity];
            java.util.Arrays.fill(bytes, MISSING);
        }
    }

    private final int capacity;
    private final long[] times;
    private final Map<TagCounters.RowKey, Row> rows = new HashMap<>();
    private long count; // samples recorded so far

    public History(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("history must hold at least 2 samples");
        }
        this.capacity = capacity;
        this.times = new long[capacity];
    }

    public int capacity() {
        return capacity;
    }

    /** Records the rows of one sample taken at {@code epochMillis}. */
    public synchronized void record(long epochMillis, Iterable<PoolRow> sample) {
        int slot = (int) (count % capacity);
        times[slot] = epochMillis;
        for (Iterator<Row> it = rows.values().iterator(); it.hasNext(); ) {
            Row r = it.next();
            r.bytes[slot] = MISSING;
            if (count - r.lastSeen >= capacity) {
                it.remove();
            }
        }
        for (PoolRow p : sample) {
            Row r = rows.computeIfAbsent(p.key(), k -> new Row(capacity));
            r.bytes[slot] = p.bytes();
            r.lastSeen = count;
        }
        count++;
    }

    /** Number of samples held (at most the capacity). */
    public synchronized int size() {
        return (int) Math.min(count, capacity);
    }

    /** Seconds from the oldest to the newest sample held (sample time, which is simulated for replays). */
    public synchronized double spanSeconds() {
        int n = size();
        return n < 2 ? 0 : (times[slotOf(n - 1)] - times[slotOf(0)]) / 1000.0;
    }

    /** Rows currently held (for tests of the memory bound). */
    public synchronized int rowCount() {
        return rows.size();
    }

    /** The row's values, oldest first; null when the row is unknown. */
    public synchronized Series series(TagCounters.RowKey key) {
        Row r = rows.get(key);
        if (r == null) {
            return null;
        }
        int n = size();
        long[] t = new long[n];
        Long[] b = new Long[n];
        for (int i = 0; i < n; i++) {
            int slot = slotOf(i);
            t[i] = times[slot];
            b[i] = r.bytes[slot] == MISSING ? null : r.bytes[slot];
        }
        return new Series(t, b);
    }

    /** Growth of every row present in the newest sample, from its oldest value in the history. */
    public synchronized Map<TagCounters.RowKey, Growth> growth() {
        Map<TagCounters.RowKey, Growth> out = new HashMap<>();
        int n = size();
        if (n == 0) {
            return out;
        }
        int newest = slotOf(n - 1);
        for (Map.Entry<TagCounters.RowKey, Row> e : rows.entrySet()) {
            long[] b = e.getValue().bytes;
            if (b[newest] == MISSING) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                int slot = slotOf(i);
                if (b[slot] != MISSING) {
                    out.put(e.getKey(), new Growth(b[newest] - b[slot], (times[newest] - times[slot]) / 1000.0));
                    break;
                }
            }
        }
        return out;
    }

    /** The ring slot of the i-th oldest sample held. */
    private int slotOf(int i) {
        long first = count <= capacity ? 0 : count - capacity;
        return (int) ((first + i) % capacity);
    }
}
