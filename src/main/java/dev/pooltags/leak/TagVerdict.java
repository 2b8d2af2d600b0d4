package dev.pooltags.leak;

import dev.pooltags.snapshot.TagCounters;
import java.time.Instant;

/**
 * The judgement of one tag in one pool: the verdict, its score, the explanation in words, and the evidence
 * behind it (the statistics of both metrics).
 *
 * @param key          tag (or name) and pool type
 * @param verdict      the stronger of the two metrics' verdicts
 * @param score        0..100, from the deciding metric
 * @param primary      the metric that decided
 * @param count        statistics of outstanding allocations
 * @param bytes        statistics of bytes outstanding
 * @param since        when the current behaviour began (growth start, level start, last release), or null
 * @param vanished     the tag is missing from the last sample (nothing of it outstanding)
 * @param allocsChange allocations over the window, or -1 when the counters do not agree with the outstanding count
 * @param freesChange  frees over the window, or -1 likewise
 * @param explanation  what was found, in words, with the numbers
 */
public record TagVerdict(TagCounters.RowKey key, Verdict verdict, double score, Metric primary, MetricTrend count,
        MetricTrend bytes, Instant since, boolean vanished, long allocsChange, long freesChange, String explanation) {

    /** The statistics of one metric. */
    public MetricTrend trend(Metric m) {
        return m == Metric.COUNT ? count : bytes;
    }

    /** The deciding metric's statistics. */
    public MetricTrend decisive() {
        return trend(primary);
    }
}
