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
    private final boolean countsFrees;

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
     * @param freesSoFar   frees since the row's first sample, at every sample (wrap-aware; held while absent)
     */
    public record TagSeries(TagCounters.RowKey key, int first, long[] count, long[] bytes, boolean[] present,
            long allocsChange, long freesChange, long[] freesSoFar) {
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

        /** The row's allocation counts, with its frees when the source counts them apart. */
        public Counts counts(boolean countsFrees) {
            return new Counts(count, bytes, countsFrees ? freesSoFar : null);
        }
    }

    /**
     * What the counters of one row say about any stretch of it: how much of what was allocated was freed, and how far
     * the number in use wanders by chance.
     *
     * @param count      outstanding allocations per sample
     * @param bytes      bytes outstanding per sample
     * @param freesSoFar frees since the row's first sample, per sample; null when the source does not count frees
     */
    public record Counts(long[] count, long[] bytes, long[] freesSoFar) {
        /** Lifetimes (at most N in use over the allocation rate) after which chance variation no longer applies. */
        static final double RENEWALS = 3;

        /** Share of the allocations made between samples a and b that were freed; NaN when unknown or none were made. */
        public double freedShare(int a, int b) {
            if (freesSoFar == null) {
                return Double.NaN;
            }
            long freed = freesSoFar[b] - freesSoFar[a];
            long allocated = count[b] - count[a] + freed;
            return allocated <= 0 ? Double.NaN : (double) freed / allocated;
        }

        /**
         * How far the number in use moves by chance between samples a and b, in the metric's unit: a tag whose
         * allocations come and go independently holds a Poisson number of them, so two looks differ by about
         * sqrt(2N) for N in use at the start, and never by more than the allocations and frees in between allow,
         * sqrt(allocs + frees). Bytes scale it by the bytes per allocation. A leak must outgrow this; a tag with 300
         * allocations in use drifting up by 20 has not. Once the stretch is three times as long as an allocation
         * lives at most (Little's law: N in use over allocations per sample, counted as samples), the tag has
         * renewed everything it holds and the trend statistics alone judge it: 0.
         */
        public double chanceVariation(Metric m, int a, int b) {
            double n = Math.max(0, count[a]);
            double var = 2 * n;
            if (freesSoFar != null) {
                long freed = freesSoFar[b] - freesSoFar[a];
                long allocated = count[b] - count[a] + freed;
                if (allocated >= 0 && freed >= 0) {
                    var = Math.min(var, allocated + freed);
                }
                double perSample = b > a ? (double) allocated / (b - a) : 0;
                if (perSample > 0 && b - a >= RENEWALS * Math.max(n, 1) / perSample) {
                    return 0;
                }
            }
            double sd = Math.sqrt(Math.max(1, var));
            if (m == Metric.BYTES) {
                long c = Math.max(count[a], count[b]);
                long by = Math.max(bytes[a], bytes[b]);
                sd *= c > 0 ? (double) by / c : 0;
            }
            return sd;
        }
    }

    private SeriesTable(List<Instant> instants, double[] seconds, List<TagSeries> series, boolean countsFrees) {
        this.instants = instants;
        this.countsFrees = countsFrees;
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
        boolean countsFrees = false;
        for (Builder b : order) {
            countsFrees |= b.churned;
        }
        return new SeriesTable(Collections.unmodifiableList(instants), seconds, Collections.unmodifiableList(out),
                countsFrees);
    }

    /**
     * True when the source counts allocations and frees apart, as Windows does: some row allocated and freed within
     * one interval. Sources that only know what is outstanding (Linux slab caches, {@code !poolused}) get counters
     * that move one way per interval, and say nothing about whether a growing tag frees anything.
     */
    public boolean countsFrees() {
        return countsFrees;
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
        final long[] freesSoFar;
        boolean churned;
        TagCounters prev;
        int prevAt;

        Builder(TagCounters.RowKey key, int first, int n) {
            this.key = key;
            this.first = first;
            this.count = new long[n];
            this.bytes = new long[n];
            this.present = new boolean[n];
            this.freesSoFar = new long[n];
        }

        void add(int i, TagCounters r) {
            count[i] = r.outstanding();
            bytes[i] = r.bytes();
            present[i] = true;
            if (prev != null) {
                long a = SnapshotDelta.counterChange(prev.allocs(), r.allocs());
                long f = SnapshotDelta.counterChange(prev.frees(), r.frees());
                allocsChange += a;
                freesChange += f;
                churned |= a > 0 && f > 0;
                for (int k = prevAt + 1; k < i; k++) {
                    freesSoFar[k] = freesSoFar[prevAt]; // absent in between: nothing seen
                }
                freesSoFar[i] = freesSoFar[prevAt] + f;
            }
            prev = r;
            prevAt = i;
        }

        TagSeries build() {
            for (int k = prevAt + 1; k < freesSoFar.length; k++) {
                freesSoFar[k] = freesSoFar[prevAt];
            }
            return new TagSeries(key, first, count, bytes, present, allocsChange, freesChange, freesSoFar);
        }
    }
}
