package dev.pooltags.leak;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The entry points of leak detection: a series of snapshots in, a verdict for every tag and pool type out. Pure
 * functions, safe to call from any thread; {@code top} calls {@link #verdicts} over its running history every
 * refresh.
 *
 * <p>Each tag is judged on outstanding allocations and on bytes separately ({@link TrendAnalysis}); the stronger
 * verdict wins and its metric explains it. Tags are judged in parallel when there are many; the result does not
 * depend on it.
 */
public final class LeakAnalysis {
    /** Below this many tags the work is not split across threads. */
    private static final int PARALLEL_FROM = 256;

    /**
     * Evidence times size first ({@link TagVerdict#weight()}: a 3 MB/min leak before a 2 KB/min wobble, whatever
     * their verdicts); then the stronger verdict, the higher score, faster count growth, then tag order.
     */
    public static final Comparator<TagVerdict> RANKING = Comparator.comparingDouble(TagVerdict::weight).reversed()
            .thenComparing(TagVerdict::verdict)
            .thenComparing(Comparator.comparingDouble(TagVerdict::score).reversed())
            .thenComparing(Comparator.comparingDouble((TagVerdict v) -> v.count().ratePerHour()).reversed())
            .thenComparing(TagVerdict::key);

    /**
     * Checkpoints whose verdicts make a tag's state ({@link #settled}): a state changes when two checkpoints in a row
     * say so.
     */
    public static final int CHECKPOINTS = 4;
    /** Samples between checkpoints, by default. */
    public static final int EVERY = 5;

    private LeakAnalysis() {}

    /**
     * Samples between checkpoints when a sample has this many rows: {@code every}, or rows/100 when that is more (a
     * pass over 3,000 noisy tags costs about a second, so 3,000 tags are judged every 30 samples).
     */
    public static int spacing(Snapshot sample, int every) {
        return Math.max(every, sample.rows().size() / 100);
    }

    /** True when the {@code seen}-th sample of a live view (counting from 1) is a checkpoint. */
    static boolean checkpoint(long seen, Snapshot sample, int every) {
        return seen >= 3 && seen % spacing(sample, every) == 0;
    }

    /**
     * The state shown for a tag, from its verdicts at consecutive checkpoints (oldest first): the latest verdict that
     * two checkpoints in a row agreed on; when no two in a row agree (a tag on the edge between two verdicts), the
     * middle one, of two middles the weaker, so an edge never flickers and one odd checkpoint changes nothing. Of the checkpoints with that verdict, the latest is returned (its
     * explanation and numbers are shown).
     */
    static TagVerdict settled(List<TagVerdict> raw) {
        Verdict state = null;
        for (int i = raw.size() - 1; i >= 1 && state == null; i--) {
            if (raw.get(i).verdict() == raw.get(i - 1).verdict()) {
                state = raw.get(i).verdict();
            }
        }
        if (state == null) {
            // no two in a row agree: the middle one, of two middles the weaker (weaker verdicts come later)
            List<Verdict> sorted = new ArrayList<>(raw.size());
            for (TagVerdict v : raw) {
                sorted.add(v.verdict());
            }
            sorted.sort(Comparator.comparingInt(Verdict::ordinal));
            state = sorted.get(sorted.size() / 2);
        }
        for (int i = raw.size() - 1; i >= 0; i--) {
            if (raw.get(i).verdict() == state) {
                return raw.get(i);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * The state of every tag after the samples of {@code history} (in time order, distinct times), exactly as a live
     * view that saw them shows it ({@link LiveLeaks}): {@link #settled} over the verdicts at the last
     * {@value #CHECKPOINTS} checkpoints (this sample, and {@code every} and twice that many samples before), each over the last
     * {@code window} samples. {@code leaks} reports this over a whole series, so its answer after N samples is the
     * answer {@code top} and {@code serve} show after N samples.
     */
    public static LeakResult state(List<Snapshot> history, int window, int every, LeakOptions options,
            List<String> notes) {
        int n = history.size();
        if (n < 2) {
            throw new IllegalArgumentException("a trend needs at least two samples, got " + n);
        }
        int spacing = spacing(history.get(n - 1), every);
        List<Map<TagCounters.RowKey, TagVerdict>> checkpoints = new ArrayList<>();
        SeriesTable last = null;
        for (int k = CHECKPOINTS - 1; k >= 0; k--) {
            int c = n - k * spacing;
            if (c < 3 && !(k == 0 && c >= 2)) {
                continue;
            }
            List<Snapshot> w = history.subList(Math.max(0, c - window), c);
            SeriesTable table = SeriesTable.of(w);
            if (k == 0) {
                last = table;
            }
            checkpoints.add(analyze(table, options, List.of()).byKey());
        }
        Map<TagCounters.RowKey, TagVerdict> latest = checkpoints.get(checkpoints.size() - 1);
        List<TagVerdict> shown = new ArrayList<>(latest.size());
        Map<TagCounters.RowKey, TagVerdict> byKey = new LinkedHashMap<>(latest.size() * 2);
        for (TagCounters.RowKey k : latest.keySet()) {
            // the row's verdicts at the checkpoints it was judged at without a break, oldest first (as a live view
            // forgets a row that drops out of its window)
            ArrayDeque<TagVerdict> run = new ArrayDeque<>(CHECKPOINTS);
            for (int i = checkpoints.size() - 1; i >= 0 && checkpoints.get(i).containsKey(k); i--) {
                run.addFirst(checkpoints.get(i).get(k));
            }
            TagVerdict v = settled(List.copyOf(run));
            shown.add(v);
            byKey.put(k, v);
        }
        shown.sort(RANKING);
        return new LeakResult(last, options, List.copyOf(shown), Collections.unmodifiableMap(byKey), List.copyOf(notes));
    }

    /** Every tag's verdict over snapshots in time order (at least two, with distinct times). */
    public static LeakResult analyze(List<Snapshot> snapshots, LeakOptions options) {
        return analyze(SeriesTable.of(snapshots), options, List.of());
    }

    /** Every tag's verdict over the columns; {@code notes} are carried into the result. */
    public static LeakResult analyze(SeriesTable table, LeakOptions options, List<String> notes) {
        if (table.samples() < 2) {
            throw new IllegalArgumentException("a trend needs at least two samples, got " + table.samples());
        }
        List<SeriesTable.TagSeries> all = table.series();
        TagVerdict[] out = new TagVerdict[all.size()];
        IntStream range = IntStream.range(0, all.size());
        if (all.size() >= PARALLEL_FROM) {
            range = range.parallel();
        }
        range.forEach(i -> out[i] = judge(table, all.get(i), options));
        List<TagVerdict> ranked = new ArrayList<>(Arrays.asList(out));
        ranked.sort(RANKING);
        Map<TagCounters.RowKey, TagVerdict> byKey = new LinkedHashMap<>(out.length * 2);
        for (TagVerdict v : out) {
            byKey.put(v.key(), v);
        }
        return new LeakResult(table, options, List.copyOf(ranked), java.util.Collections.unmodifiableMap(byKey),
                List.copyOf(notes));
    }

    /**
     * The cheap entry point for a live view: the verdict of every tag over its running history (snapshots in time
     * order). With fewer than two samples every tag is "too early" with a "too few samples" explanation.
     */
    public static Map<TagCounters.RowKey, TagVerdict> verdicts(List<Snapshot> history, LeakOptions options) {
        SeriesTable table = SeriesTable.of(history);
        if (table.samples() < 2) {
            Map<TagCounters.RowKey, TagVerdict> m = new LinkedHashMap<>();
            for (SeriesTable.TagSeries s : table.series()) {
                m.put(s.key(), judge(table, s, options));
            }
            return m;
        }
        return analyze(table, options, List.of()).byKey();
    }

    private static boolean informative(MetricTrend t) {
        return t.pattern() != Pattern.CONSTANT && t.pattern() != Pattern.TOO_SHORT;
    }

    /** One tag's verdict. */
    public static TagVerdict judge(SeriesTable table, SeriesTable.TagSeries s, LeakOptions o) {
        double[] t = table.seconds();
        int to = table.samples();
        SeriesTable.Counts freeCounts = s.counts(table.countsFrees());
        MetricTrend count = TrendAnalysis.analyze(Metric.COUNT, t, s.count(), freeCounts, s.first(), to, o);
        MetricTrend bytes = TrendAnalysis.analyze(Metric.BYTES, t, s.bytes(), freeCounts, s.first(), to, o);
        MetricTrend d;
        if (count.verdict() != bytes.verdict()) {
            d = count.verdict().ordinal() < bytes.verdict().ordinal() ? count : bytes;
        } else if (count.score() != bytes.score()) {
            d = count.score() > bytes.score() ? count : bytes;
        } else {
            // equal: explain with the metric that moved (a source may report only counts or only bytes)
            d = informative(bytes) || !informative(count) ? bytes : count;
        }
        MetricTrend other = d == count ? bytes : count;
        Instant start = table.instants().isEmpty() ? Instant.EPOCH : table.instants().get(0);
        Instant since = Double.isNaN(d.sinceSeconds()) ? null : start.plusMillis(Math.round(d.sinceSeconds() * 1000));
        boolean vanished = s.vanished();
        // allocations and frees are only worth quoting when they agree with the outstanding count: a source whose
        // "allocations" are a level (a slab's active objects) rather than a counter since boot does not
        long allocs = s.allocsChange();
        long frees = s.freesChange();
        if (allocs - frees != s.count()[s.lastPresent()] - s.count()[s.first()]) {
            allocs = -1;
            frees = -1;
        }
        String words = Explanation.of(d, other, start, vanished, allocs, frees, o);
        Verdict verdict = d.verdict();
        double score = d.score();
        if (d == bytes && verdict.atLeast(Verdict.LIKELY_LEAK) && informative(count)
                && (count.verdict() == Verdict.GROWING || count.verdict() == Verdict.STABLE)) {
            // A leak is allocations that are never freed: the number in use must grow too (a count that grows like a
            // leak but is too early to call lets the bytes decide). Bytes alone move by chance more than the count
            // does (sizes vary), and bigger allocations are not lost ones.
            verdict = Verdict.GROWING;
            score = Math.min(score, 49.9);
            words += " Not called a leak: the number of allocations in use did not grow beyond chance ("
                    + count.pattern().words() + ", " + count.verdict().label() + "); bytes alone do not make a leak.";
        }
        Verdict next = null;
        double toNext = Double.NaN;
        List<String> missing = List.of();
        if (verdict == Verdict.EARLY || verdict == Verdict.LIKELY_LEAK) {
            next = verdict == Verdict.EARLY ? Verdict.LIKELY_LEAK : Verdict.LEAK;
            Evidence e = d.evidence();
            toNext = e.secondsTo(next, o.gates());
            missing = List.copyOf(e.missing(next, o.gates()));
            if (!missing.isEmpty()) {
                words += (verdict == Verdict.EARLY ? " Too early to call it a leak: a likely leak needs "
                        : " A leak verdict needs ") + String.join(", ", missing)
                        + (toNext > 0 && Double.isFinite(toNext) ? "; about " + Quantity.duration(toNext) + " more." : ".");
            } else if (verdict == Verdict.LIKELY_LEAK) {
                words += " Not called a leak: the growth is not yet significant at the leak level (Mann-Kendall "
                        + Quantity.p(d.phaseTrend().pIncreasing()) + ", needs below " + o.alpha() + ", and "
                        + o.noiseMultiple() + " times the noise).";
            }
        }
        return new TagVerdict(s.key(), verdict, score, d.metric(), count, bytes, since, vanished, allocs, frees, words,
                next, toNext, missing);
    }
}
