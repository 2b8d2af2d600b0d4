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
 * @param next         the stronger verdict the growth is on its way to (likely leak when too early, leak when a
 *                     likely leak), or null
 * @param secondsToNext about how many more seconds of the same growth {@code next} needs (NaN without next)
 * @param missing      what {@code next} still needs, in words
 */
public record TagVerdict(TagCounters.RowKey key, Verdict verdict, double score, Metric primary, MetricTrend count,
        MetricTrend bytes, Instant since, boolean vanished, long allocsChange, long freesChange, String explanation,
        Verdict next, double secondsToNext, java.util.List<String> missing) {

    /** The statistics of one metric. */
    public MetricTrend trend(Metric m) {
        return m == Metric.COUNT ? count : bytes;
    }

    /** The deciding metric's statistics. */
    public MetricTrend decisive() {
        return trend(primary);
    }

    /**
     * Evidence times size, what tags are ranked by: the score (0 to 100) as a share, times how fast bytes grow per
     * hour in the growth phase (never below zero; outstanding allocations when the source reports no bytes).
     */
    public double weight() {
        MetricTrend size = bytes.pattern() == Pattern.CONSTANT && bytes.first() == 0 ? count : bytes;
        return score / 100 * Math.max(0, size.ratePerHour());
    }
}
