package dev.pooltags.leak;

import dev.pooltags.threshold.Threshold;

/**
 * The window one metric of one tag is judged over: its samples, what they span, and the points the rank statistics
 * run on (block medians of the samples when there are more than the options allow), with the measures every pattern
 * starts from. Built once per metric; the patterns read it and never change it.
 *
 * @param metric     which metric
 * @param t          times of the whole series (seconds)
 * @param values     values of the whole series
 * @param counts     the row's counters (frees, the number in use), or null when only the values are known
 * @param from       first sample of the window
 * @param to         end of the window (exclusive)
 * @param options    the thresholds
 * @param n          samples in the window
 * @param first      first value
 * @param last       last value
 * @param min        smallest value
 * @param max        largest value
 * @param start      time of the first sample
 * @param end        time of the last sample
 * @param interval   typical time between samples
 * @param block      samples per point
 * @param m          points
 * @param tt         time of each point (middle of its block)
 * @param y          value of each point (median of its block)
 * @param startLevel median of the first tenth of the points
 * @param endLevel   median of the last tenth
 * @param whole      trend and slope over all points
 * @param stepNoise  robust scale of the changes between neighbouring points (0 with fewer than {@link #SHORT} points)
 * @param tenths     of the steps between the tenths of the points, how many rose and how many there were
 */
record TrendWindow(Metric metric, double[] t, long[] values, SeriesTable.Counts counts, int from, int to,
        LeakOptions options, int n, double first, double last, double min, double max, double start, double end,
        double interval, int block, int m, double[] tt, double[] y, double startLevel, double endLevel,
        TrendPhase whole, double stepNoise, int[] tenths) {
    /** Below this many points noise is not estimated from the changes between them. */
    static final Threshold<Integer> SHORT_POINTS = Threshold.constant("short-points", Threshold.Unit.COUNT, 8,
            "Below this many points the changes between them are the signal, not an estimate of noise.");
    static final int SHORT = SHORT_POINTS.defaultValue();

    /**
     * The window values[from..to) at times t[from..to). When it is too short (fewer than two samples, no time between
     * them) or constant, only the span is filled in: {@link #judged()} is false.
     */
    static TrendWindow of(Metric metric, double[] t, long[] values, SeriesTable.Counts counts, int from, int to,
            LeakOptions o) {
        int n = to - from;
        double first = n > 0 ? values[from] : 0;
        double last = n > 0 ? values[to - 1] : 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        double start = n > 0 ? t[from] : 0;
        double end = n > 0 ? t[to - 1] : 0;
        if (n < 2 || end <= start || min == max) {
            return new TrendWindow(metric, t, values, counts, from, to, o, n, first, last, min, max, start, end, 0, 0, 0,
                    null, null, 0, 0, null, 0, null);
        }
        double interval = (end - start) / (n - 1);

        // Reduce long series to block medians: the cost of the rank statistics is quadratic in points, and
        // medians of neighbouring samples damp single spikes.
        int points = o.pointsFor(n);
        int block = (n + points - 1) / points;
        int m = (n + block - 1) / block;
        double[] tt = new double[m];
        double[] y = new double[m];
        double[] buf = new double[block];
        for (int b = 0; b < m; b++) {
            int lo = from + b * block;
            int hi = Math.min(to, lo + block);
            int len = hi - lo;
            for (int i = 0; i < len; i++) {
                buf[i] = values[lo + i];
            }
            y[b] = RobustStatistics.medianInPlace(buf, len);
            tt[b] = (t[lo] + t[hi - 1]) / 2;
        }

        int tenth = Math.max(1, m / 10);
        double startLevel = TheilSen.median(y, 0, tenth);
        double endLevel = TheilSen.median(y, m - tenth, m);
        TrendPhase whole = TrendPhase.of(tt, y, 0, m, o);
        // with a handful of points the changes between them are the signal, not an estimate of noise
        double stepNoise = m >= SHORT ? RobustStatistics.stepNoise(y, m) : 0;
        int[] tenths = RobustStatistics.rises(y, 0, m);
        return new TrendWindow(metric, t, values, counts, from, to, o, n, first, last, min, max, start, end, interval,
                block, m, tt, y, startLevel, endLevel, whole, stepNoise, tenths);
    }

    /** Whether the points were built: at least two samples with time between them, not all the same. */
    boolean judged() {
        return y != null;
    }

    /** The smallest growth worth a verdict for this metric. */
    long minGrowth() {
        return options.minGrowth(metric);
    }

    /** The first sample of point {@code j}'s block. */
    int sampleAt(int j) {
        return from + j * block;
    }

    /** Trend test and slope of points [lo, hi). */
    TrendPhase phase(int lo, int hi) {
        return TrendPhase.of(tt, y, lo, hi, options);
    }

    /** How far the samples [lo, hi) stray from {@code fit} ({@link RobustStatistics#amplitude}). */
    double amplitude(int lo, int hi, TheilSen.Fit fit) {
        return RobustStatistics.amplitude(t, values, lo, hi, fit);
    }

    /**
     * How far the number in use varies by chance over samples [lo, hi), times the multiple growth must exceed: 0 when
     * the counters are unknown.
     */
    double chance(int lo, int hi) {
        return FinalPhase.CHANCE_MULTIPLE * options.noiseMultiple()
                * (counts == null ? 0 : counts.chanceVariation(metric, lo, hi - 1));
    }

    /** The trend these measures and a pattern's judgement make. */
    MetricTrend trend(double noise, ShapeFit.Result shape, Judgement j, int releases, double largestRelease) {
        return new MetricTrend(metric, span(m), new MetricTrend.WindowFit(whole.mk(), whole.ts(), whole.factor(), noise,
                stepNoise, shape), j.phase(), j.pattern(), j.verdict(),
                TrendAnalysis.score(j.verdict(), j.phaseTrend(), whole.mk()), j.evidence(), j.saturation(), releases,
                largestRelease, Double.NaN);
    }

    /** The window's span and levels, judged on {@code points} points. */
    MetricTrend.Span span(int points) {
        return new MetricTrend.Span(n, points, start, end, first, last, min, max, startLevel, endLevel);
    }
}
