package dev.pooltags.leak;

/**
 * Judges one metric of one tag: the statistics (Mann–Kendall, Theil–Sen, noise, monotone share, levels), the
 * release detector (sawtooth), the step/plateau detector ({@link ShapeFit}), and the verdict they support. A pure
 * function of the samples and the options.
 *
 * <p>The verdict rules, in order (docs/leaks.md explains them with examples):
 * <ol>
 *   <li>Fewer than two samples, or no time between them: too short, stable. The same value throughout: stable.</li>
 *   <li>Releases (drops that give back at least half of the rise before them and exceed the sample noise): the
 *       memory is returned. If the levels it returns to (the troughs) rise in every cycle over four or more
 *       cycles, it is a leak under a working set; otherwise it is stable, or growing when it is now above every
 *       earlier peak.</li>
 *   <li>Otherwise the shape: a straight line, a one-off step, or a bend. The final phase (after the step or bend,
 *       or the whole window) must grow significantly (Mann–Kendall p below alpha and the Theil–Sen interval above
 *       zero), by more than the minimum growth and more than noise-multiple times the noise, over at least
 *       min-samples samples, for a leak. Weaker evidence (p below likely-alpha, half the noise multiple, fewer
 *       samples) gives "likely leak".</li>
 *   <li>Growth that stops (a bend to flat after growing, a step followed by a level) is stable when the level has
 *       held for level-share of the window, growing when it is more recent. Growth that slows to less than half its
 *       earlier rate is "growing", never a leak: caches fill that way.</li>
 * </ol>
 *
 * <p>Each pattern is a class of its own with the thresholds it uses: {@link SawtoothPattern} and
 * {@link RisingFloorPattern} (over {@link Releases}), {@link GrowthPausedPattern}, {@link BendPattern},
 * {@link GrowthAfterLevelPattern}, {@link SteadyGrowthPattern} and {@link WarmUpPattern}, {@link StepPattern},
 * {@link NoGrowthPattern}; they judge a {@link TrendWindow} and its {@link FinalPhase}.
 */
public final class TrendAnalysis {
    private TrendAnalysis() {}

    /** Growth is sustained when it rose in at least two thirds of the steps between tenths of its phase. */
    static boolean sustained(int rises, int steps) {
        return RobustStatistics.sustained(rises, steps);
    }

    /** Analyses {@code values[from..to)} at times {@code t[from..to)} (seconds), without free counts. */
    public static MetricTrend analyze(Metric metric, double[] t, long[] values, int from, int to, LeakOptions o) {
        return analyze(metric, t, values, null, from, to, o);
    }

    /**
     * Analyses {@code values[from..to)} at times {@code t[from..to)} (seconds).
     *
     * @param counts the row's counters (frees, the number in use), or null when only the values are known
     */
    public static MetricTrend analyze(Metric metric, double[] t, long[] values, SeriesTable.Counts counts, int from, int to,
            LeakOptions o) {
        TrendWindow w = TrendWindow.of(metric, t, values, counts, from, to, o);
        if (w.n() < 2 || w.end() <= w.start()) {
            return trivial(w, Pattern.TOO_SHORT, Verdict.EARLY);
        }
        if (w.min() == w.max()) {
            return trivial(w, Pattern.CONSTANT, Verdict.STABLE);
        }
        Releases releases = Releases.find(w);
        if (releases.decide(w)) {
            Releases.Cycles cycles = releases.cycles(w);
            Judgement j = RisingFloorPattern.judge(w, releases, cycles);
            if (j == null) {
                j = SawtoothPattern.judge(w, cycles);
            }
            double noise = RobustStatistics.residualNoise(w.tt(), w.y(), w.m(), 0, null, w.whole());
            return w.trend(noise, noShape(), j, releases.count(), releases.largestRelease());
        }
        FinalPhase p = FinalPhase.of(w);
        MetricTrend paused = GrowthPausedPattern.judge(w, p);
        if (paused != null) {
            return paused;
        }
        Judgement j = judge(w, p);
        if (j.verdict() == Verdict.GROWING) {
            // "growing" is worth a user's look only when the tag grew by more than it strays on its own
            double grew = Math.max(w.endLevel() - w.startLevel(), j.sinceGrowth());
            if (grew < Math.max(1, w.minGrowth())
                    || grew < o.noiseMultiple() * w.amplitude(w.from(), w.to(), w.whole().ts())) {
                j = j.withVerdict(Verdict.STABLE);
            }
        }
        return w.trend(p.noise(), p.shape(), j, 0, 0);
    }

    /** The patterns of a window without releases, in order: the first that applies judges. */
    private static Judgement judge(TrendWindow w, FinalPhase p) {
        if (BendPattern.slowed(p)) {
            return BendPattern.slowedJudgement(w, p);
        }
        if (p.strong() || p.weak()) {
            return p.j() > 0 && !p.beforeGrowing() ? GrowthAfterLevelPattern.judge(w, p)
                    : SteadyGrowthPattern.judge(w, p);
        }
        Judgement j = StepPattern.judge(w, p);
        if (j == null) {
            j = BendPattern.stopped(w, p);
        }
        if (j == null) {
            j = NoGrowthPattern.shrinking(w, p);
        }
        if (j == null) {
            j = SteadyGrowthPattern.small(w, p);
        }
        if (j == null) {
            j = NoGrowthPattern.tooShort(w, p);
        }
        return j != null ? j : NoGrowthPattern.flat(w, p);
    }

    private static ShapeFit.Result noShape() {
        return new ShapeFit.Result(ShapeFit.Kind.LINE, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Too short to judge, or constant: no points, no tests. */
    private static MetricTrend trivial(TrendWindow w, Pattern pattern, Verdict verdict) {
        int n = w.n();
        double start = w.start();
        double end = w.end();
        double first = w.first();
        double last = w.last();
        MannKendall.Result mk = MannKendall.Result.NONE;
        double slope = n >= 2 && end > start ? (last - first) / (end - start) : 0;
        if (pattern == Pattern.CONSTANT) {
            slope = 0;
        }
        TheilSen.Fit ts = new TheilSen.Fit(slope, first, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, n >= 2 ? 1 : 0);
        if (pattern == Pattern.CONSTANT) {
            ts = new TheilSen.Fit(0, first, 0, 0, 0, (long) n * (n - 1) / 2);
        }
        MetricTrend.Span span = new MetricTrend.Span(n, n, start, end, first, last, n > 0 ? w.min() : 0,
                n > 0 ? w.max() : 0, first, last);
        MetricTrend.PhaseFit phase = new MetricTrend.PhaseFit(start, mk, ts, n, 0, 0, Double.NaN, last - first);
        return new MetricTrend(w.metric(), span, new MetricTrend.WindowFit(mk, ts, 1, 0, 0, noShape()), phase, pattern,
                verdict, verdict == Verdict.EARLY ? 10 : 0, verdict == Verdict.EARLY
                        ? new Evidence(Math.max(0, end - start), n, 0, false, 0, false) : Evidence.NONE,
                SaturationFit.Result.NONE, 0, 0, Double.NaN);
    }

    /**
     * The verdict's band plus up to 25 for strength (15 too early, 10 stable): the final phase's Mann–Kendall z, 10 and
     * above counting full.
     */
    static double score(Verdict v, MannKendall.Result phase, MannKendall.Result whole) {
        double z = Math.max(0, v == Verdict.STABLE ? whole.z() : phase.z());
        double strength = Math.min(1, z / 10);
        double base = switch (v) {
            case LEAK -> 75;
            case LIKELY_LEAK -> 50;
            case GROWING -> 25;
            case EARLY -> 10;
            case STABLE -> 0;
        };
        double s = base + (v == Verdict.STABLE ? 10 : v == Verdict.EARLY ? 15 : 25) * strength;
        return Math.round(s * 10) / 10.0;
    }
}
