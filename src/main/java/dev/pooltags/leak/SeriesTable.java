package dev.pooltags.leak;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotDelta;
import dev.pooltags.snapshot.TagCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A series of snapshots turned into one column per row key: outstanding allocations (PoolMon's Diff, wrap-aware)
 * and bytes at every sample time. Built once from the snapshots; every analysis reads it.
 *
 * <p>A row's series starts at the first sample that lists it (the tag appeared: a driver loaded). A row missing
 * from a later sample counts as zero there: the tag vanished, so nothing of it is outstanding (as
 * {@link SnapshotDelta} reads a vanished row).
 */
public final class SeriesTable {
    private final List<Instant> instants;
    private final double[] seconds;
    private final List<TagSeries> series;
    private final Map<TagCounters.RowKey, TagSeries> byKey;

    /**
     * One row's columns.
     *
     * @param key          the row
     * @param first        index of the first sample that lists the row
     * @param count        outstanding allocations per sample (0 before {@code first} and where absent)
     * @param bytes        bytes outstanding per sample
     * @param present      whether each sample lists the row
     * @param allocsChange allocations over the window (sum of wrap-aware steps between samples listing the row)
     * @param freesChange  frees over the window, likewise
     */
    public record TagSeries(TagCounters.RowKey key, int first, long[] count, long[] bytes, boolean[] present,
            long allocsChange, long freesChange) {
        /** True when the last sample does not list the row: it vanished. */
        public boolean vanished() {
            return !present[present.length - 1];
        }

        /** The index of the last sample that lists the row. */
        public int lastPresent() {
            for (int i = present.length - 1; i >= 0; i--) {
                if (present[i]) {
                    return i;
                }
            }
            return first;
        }

        /** The column of one metric. */
        public long[] values(Metric m) {
            return m == Metric.COUNT ? count : bytes;
        }
    }

    private SeriesTable(List<Instant> instants, double[] seconds, List<TagSeries> series) {
        this.instants = instants;
        this.seconds = seconds;
        this.series = series;
        this.byKey = new HashMap<>(series.size() * 2);
        for (TagSeries s : series) {
            byKey.put(s.key(), s);
        }
    }

    /** Columns of the snapshots, which must be in time order. */
    public static SeriesTable of(List<Snapshot> snapshots) {
        int n = snapshots.size();
        List<Instant> instants = new ArrayList<>(n);
        double[] seconds = new double[n];
        Instant start = n == 0 ? Instant.EPOCH : snapshots.get(0).time();
        Map<TagCounters.RowKey, Builder> builders = new HashMap<>();
        List<Builder> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Snapshot s = snapshots.get(i);
            instants.add(s.time());
            seconds[i] = Duration.between(start, s.time()).toNanos() / 1e9;
            for (TagCounters r : s.rows()) {
                TagCounters.RowKey k = r.key();
                Builder b = builders.get(k);
                if (b == null) {
                    b = new Builder(k, i, n);
                    builders.put(k, b);
                    order.add(b);
                }
                b.add(i, r);
            }
        }
        List<TagSeries> out = new ArrayList<>(order.size());
        for (Builder b : order) {
            out.add(b.build());
        }
        out.sort((a, b) -> a.key().compareTo(b.key()));
        return new SeriesTable(Collections.unmodifiableList(instants), seconds, Collections.unmodifiableList(out));
    }

    /** Sample times. */
    public List<Instant> instants() {
        return instants;
    }

    /** Sample times as seconds since the first sample. */
    public double[] seconds() {
        return seconds;
    }

    public int samples() {
        return seconds.length;
    }

    /** Every row, in key order. */
    public List<TagSeries> series() {
        return series;
    }

    /** The row, or null. */
    public TagSeries get(TagCounters.RowKey key) {
        return byKey.get(key);
    }

    private static final class Builder {
        final TagCounters.RowKey key;
        final int first;
        final long[] count;
        final long[] bytes;
        final boolean[] present;
        long allocsChange;
        long freesChange;
        TagCounters prev;

        Builder(TagCounters.RowKey key, int first, int n) {
            this.key = key;
            this.first = first;
            this.count = new long[n];
            this.bytes = new long[n];
            this.present = new boolean[n];
        }

        void add(int i, TagCounters r) {
            count[i] = r.outstanding();
            bytes[i] = r.bytes();
            present[i] = true;
            if (prev != null) {
                allocsChange += SnapshotDelta.counterChange(prev.allocs(), r.allocs());
                freesChange += SnapshotDelta.counterChange(prev.frees(), r.frees());
            }
            prev = r;
        }

        TagSeries build() {
            return new TagSeries(key, first, count, bytes, present, allocsChange, freesChange);
        }
    }
}
