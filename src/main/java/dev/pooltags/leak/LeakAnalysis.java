package dev.pooltags.leak;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** Strongest verdict first; then faster byte growth, faster count growth, then tag order. */
    public static final Comparator<TagVerdict> RANKING = Comparator.comparing(TagVerdict::verdict)
            .thenComparing(Comparator.comparingDouble((TagVerdict v) -> v.bytes().ratePerHour()).reversed())
            .thenComparing(Comparator.comparingDouble((TagVerdict v) -> v.count().ratePerHour()).reversed())
            .thenComparing(TagVerdict::key);

    private LeakAnalysis() {}

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
     * order). With fewer than two samples every tag is "stable" with a "too few samples" explanation.
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
        MetricTrend count = TrendAnalysis.analyze(Metric.COUNT, t, s.count(), s.first(), to, o);
        MetricTrend bytes = TrendAnalysis.analyze(Metric.BYTES, t, s.bytes(), s.first(), to, o);
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
        return new TagVerdict(s.key(), d.verdict(), d.score(), d.metric(), count, bytes, since, vanished, allocs, frees,
                words);
    }
}
