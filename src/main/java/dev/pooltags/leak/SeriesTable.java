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

        /** The row's counters; {@code countsFrees}: the source counts frees apart (see {@link #countsFrees()}). */
        public Counts counts(boolean countsFrees) {
            return new Counts(count, bytes, freesSoFar, countsFrees);
        }
    }

    /**
     * What the counters of one row say about any stretch of it: how much of what was allocated was freed, and how far
     * the number in use wanders by chance.
     *
     * @param count       outstanding allocations per sample
     * @param bytes       bytes outstanding per sample
     * @param freesSoFar  frees since the row's first sample, per sample (for a source that only knows what is
     *                    outstanding, the falls of the count: a lower bound)
     * @param countsFrees the source counts allocations and frees apart, so a share of frees means something
     */
    public record Counts(long[] count, long[] bytes, long[] freesSoFar, boolean countsFrees) {
        /** Lifetimes (at most N in use over the allocation rate) after which chance variation no longer applies. */
        static final double RENEWALS = 3;
        /** Share of the allocations freed within a stretch above which they are turnover, not accumulation. */
        static final double TURNOVER = 0.5;
        /** ... and when there were this many allocations and frees: fewer events say too little to pair them up. */
        static final long MANY_EVENTS = 1000;

        /** {allocations, frees} between samples a and b (never negative). */
        public long[] allocsAndFrees(int a, int b) {
            long freed = Math.max(0, freesSoFar[b] - freesSoFar[a]);
            long allocated = Math.max(0, count[b] - count[a] + freed);
            return new long[] {allocated, freed};
        }

        /** Share of the allocations made between samples a and b that were freed; NaN when unknown or none were made. */
        public double freedShare(int a, int b) {
            if (!countsFrees) {
                return Double.NaN;
            }
            long[] af = allocsAndFrees(a, b);
            return af[0] <= 0 ? Double.NaN : (double) af[1] / af[0];
        }

        /**
         * How far the number in use moves by chance between samples a and b, in the metric's unit: when allocations
         * and frees come independently, the count after A allocations and F frees is off its expected course by
         * about sqrt(A + F). Bytes scale it by the bytes per allocation. A leak must outgrow this: a tag that made
         * 23 allocations and 5 frees while it rose by 19 has not shown a leak, only the start of its working set.
         * When half of the allocations or more were freed again within the stretch, and there were a thousand
         * allocations and frees or more, they pair up and cancel, and how far the count strays from its trend
         * measures chance better (the amplitude test does that): 0. This bound is for the few-events case: a slow
         * tag warming up, much of what it allocated in the last minutes still in use. Likewise once the stretch is three times as long as an allocation lives at most (Little's
         * law: N in use over allocations per sample): the tag has renewed everything it holds.
         */
        public double chanceVariation(Metric m, int a, int b) {
            long[] af = allocsAndFrees(a, b);
            if (af[1] >= TURNOVER * af[0] && af[0] + af[1] >= MANY_EVENTS) {
                return 0;
            }
            double n = Math.max(0, count[a]);
            double perSample = b > a ? (double) af[0] / (b - a) : 0;
            if (countsFrees && perSample > 0 && b - a >= RENEWALS * Math.max(n, 1) / perSample) {
                return 0;
            }
            double sd = Math.sqrt(Math.max(1, af[0] + af[1]));
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
            // a row that allocated and freed within one interval, or that arrived with frees since boot (a source
            // that only knows what is outstanding starts every row at none)
            countsFrees |= b.churned || b.firstFrees > 0;
        }
        return new SeriesTable(Collections.unmodifiableList(instants), seconds, Collections.unmodifiableList(out),
                countsFrees);
    }

    /**
     * True when the source counts allocations and frees apart, as Windows does: some row allocated and freed within
     * one interval, or arrived with frees counted since boot. Sources that only know what is outstanding (Linux slab
     * caches, {@code !poolused}) get counters that start at no frees and move one way per interval, and say nothing
     * about whether a growing tag frees anything.
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
        long firstFrees = -1;
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
            if (firstFrees < 0) {
                firstFrees = r.frees();
            }
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
