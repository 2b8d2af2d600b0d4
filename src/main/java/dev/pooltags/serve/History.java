package dev.pooltags.serve;

import dev.pooltags.leak.SampleWindow;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recent history the dashboard charts: bytes outstanding of every row for the last {@code capacity} samples.
 *
 * <p>Where the samples are: when the server judges leaks, the live leak analysis keeps the samples it judges (a
 * {@link SampleWindow}) and the history reads them there ({@link #over}), so the server keeps one window of samples,
 * not two. Without a leak window the history keeps only what it charts, in a ring: rows times capacity longs, a row
 * absent for a whole ring dropped. Either way memory is bounded by the window.
 *
 * <p>Written by the sampler thread, read by web threads: readers get copies.
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

    private final int capacity;
    private final Ring ring; // null when the samples are read from a leak window
    private final SampleWindow window; // null when the history keeps its own ring
    private volatile Grown grown; // of the window, measured last

    public History(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("history must hold at least 2 samples");
        }
        this.capacity = capacity;
        this.ring = new Ring(capacity);
        this.window = null;
    }

    private History(int capacity, SampleWindow window) {
        this.capacity = capacity;
        this.ring = null;
        this.window = window;
    }

    /**
     * This history read from the samples {@code window} keeps instead of a ring of its own: the last
     * {@link #capacity} of them. Itself when the window holds fewer samples than the history is to chart.
     */
    public History over(SampleWindow window) {
        return window.capacity() < capacity ? this : new History(capacity, window);
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Records the rows of one sample taken at {@code epochMillis}. A history read from a leak window has the sample
     * there already and ignores this.
     */
    public void record(long epochMillis, Iterable<PoolRow> sample) {
        if (ring != null) {
            ring.record(epochMillis, sample);
        }
    }

    /** Number of samples held (at most the capacity). */
    public int size() {
        return ring != null ? ring.size() : Math.min(window.size(), capacity);
    }

    /** Seconds from the oldest to the newest sample held (sample time, which is simulated for replays). */
    public double spanSeconds() {
        if (ring != null) {
            return ring.spanSeconds();
        }
        List<Snapshot> held = window.last(capacity);
        return held.size() < 2 ? 0
                : (held.get(held.size() - 1).time().toEpochMilli() - held.get(0).time().toEpochMilli()) / 1000.0;
    }

    /** Rows currently held (for tests of the memory bound). */
    public int rowCount() {
        if (ring != null) {
            return ring.rowCount();
        }
        Set<TagCounters.RowKey> keys = new HashSet<>();
        for (Snapshot s : window.last(capacity)) {
            s.rows().forEach(r -> keys.add(r.key()));
        }
        return keys.size();
    }

    /** The row's values, oldest first; null when the row is unknown. */
    public Series series(TagCounters.RowKey key) {
        if (ring != null) {
            return ring.series(key);
        }
        List<Snapshot> held = window.last(capacity);
        long[] t = new long[held.size()];
        Long[] b = new Long[held.size()];
        boolean known = false;
        for (int i = 0; i < held.size(); i++) {
            t[i] = held.get(i).time().toEpochMilli();
            for (TagCounters r : held.get(i).rows(key)) {
                b[i] = (b[i] == null ? 0 : b[i]) + r.bytes(); // a repeated row adds to the first, as published
            }
            known |= b[i] != null;
        }
        return known ? new Series(t, b) : null;
    }

    /** Growth of every row present in the newest sample, from its oldest value in the history. */
    public Map<TagCounters.RowKey, Growth> growth() {
        if (ring != null) {
            return ring.growth();
        }
        Map<TagCounters.RowKey, Growth> out = new HashMap<>();
        List<Snapshot> held = window.last(capacity);
        if (held.isEmpty()) {
            return out;
        }
        Snapshot newest = held.get(held.size() - 1);
        Grown last = grown;
        if (last != null && last.newest() == newest && last.samples() == held.size()) {
            return new HashMap<>(last.growth()); // every dashboard asks once a sample: measured once a sample
        }
        Map<TagCounters.RowKey, Long> now = bytes(newest, null);
        Set<TagCounters.RowKey> open = new HashSet<>(now.keySet());
        for (int i = 0; i < held.size() && !open.isEmpty(); i++) {
            Snapshot s = held.get(i);
            double seconds = (newest.time().toEpochMilli() - s.time().toEpochMilli()) / 1000.0;
            Map<TagCounters.RowKey, Long> oldest = bytes(s, open); // the rows first held in this sample
            oldest.forEach((k, b) -> out.put(k, new Growth(now.get(k) - b, seconds)));
            open.removeAll(oldest.keySet());
        }
        grown = new Grown(newest, held.size(), Map.copyOf(out));
        return out;
    }

    /** The growth measured last, with the newest sample and the number of samples it was measured over. */
    private record Grown(Snapshot newest, int samples, Map<TagCounters.RowKey, Growth> growth) {}

    /**
     * Bytes of the rows of {@code s} whose keys are in {@code keys} (all rows when null), a repeated row's bytes added
     * to the first's as the sampler publishes them.
     */
    private static Map<TagCounters.RowKey, Long> bytes(Snapshot s, Set<TagCounters.RowKey> keys) {
        Map<TagCounters.RowKey, Long> out = new HashMap<>();
        for (TagCounters r : s.rows()) {
            if (keys == null || keys.contains(r.key())) {
                out.merge(r.key(), r.bytes(), Long::sum);
            }
        }
        return out;
    }

    /** The samples a history without a leak window keeps: each row's bytes, in a ring of {@code capacity} slots. */
    private static final class Ring {
        private final int capacity;
        private final long[] times;
        private final Map<TagCounters.RowKey, Row> rows = new HashMap<>();
        private long count; // samples recorded so far

        private static final class Row {
            final long[] bytes;
            long lastSeen;

            Row(int capacity) {
                bytes = new long[capacity];
                Arrays.fill(bytes, MISSING);
            }
        }

        Ring(int capacity) {
            this.capacity = capacity;
            this.times = new long[capacity];
        }

        synchronized void record(long epochMillis, Iterable<PoolRow> sample) {
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

        synchronized int size() {
            return (int) Math.min(count, capacity);
        }

        synchronized double spanSeconds() {
            int n = size();
            return n < 2 ? 0 : (times[slotOf(n - 1)] - times[slotOf(0)]) / 1000.0;
        }

        synchronized int rowCount() {
            return rows.size();
        }

        synchronized Series series(TagCounters.RowKey key) {
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

        synchronized Map<TagCounters.RowKey, Growth> growth() {
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
}
