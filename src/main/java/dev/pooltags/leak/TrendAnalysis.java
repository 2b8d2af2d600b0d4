package dev.pooltags.leak;

import java.util.Arrays;

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
 */
public final class TrendAnalysis {
    /** A bend whose later slope is under this share of the earlier one is "slowing", not a leak. */
    static final double SLOWING_RATIO = 0.5;
    /** Cycles (troughs) needed before a rising floor under releases is believed (five all rising: p = 1/120). */
    static final int MIN_CYCLES = 5;
    /** Below this many points noise is not estimated from the changes between them. */
    static final int SHORT = 8;
    /**
     * The Mann–Kendall p-value the troughs of a sawtooth must reach for "leak": there are few troughs (one per
     * cycle), so their test is exact and coarse; five troughs all rising give 0.0083.
     */
    static final double FLOOR_ALPHA = 0.01;
    /** A rising floor must rise by at least this share of the largest release. */
    static final double FLOOR_SHARE = 0.1;
    /**
     * Growth must exceed this many noise multiples of the chance variation of the number in use
     * ({@link SeriesTable.Counts#chanceVariation}) and of how far single samples stray from the trend: 1.5 × 4 = 6
     * standard deviations, as a count that wanders slowly strays about 4 of them over a long look and a warm-up adds
     * its own rise on top.
     */
    static final double CHANCE_MULTIPLE = 1.5;
    /** Allocations each half of a growth phase needs before its share of frees is compared with the other's. */
    static final int MIN_HALF_ALLOCS = 20;
    /** One-sided z (p < 0.01) and size of the rise in the share of frees that says frees are catching up. */
    static final double CATCH_UP_Z = 2.326;
    static final double CATCH_UP_SHARE = 0.05;
    /** The allocation rates of the two halves may differ by this share for their frees to be compared. */
    static final double STEADY_ALLOCATIONS = 0.2;
    /** ... and the second half must keep at most this share of what the first kept. */
    static final double KEPT_FALL = 0.75;
    /** ... by at least this many times the count's own noise (sqrt 2 for a difference, times 3). */
    static final double CATCH_UP_NOISE = 3 * Math.sqrt(2);

    private TrendAnalysis() {}

    /** Growth is sustained when it rose in at least two thirds of the steps between tenths of its phase. */
    static boolean sustained(int rises, int steps) {
        return 3 * rises >= 2 * steps;
    }

    /**
     * How many of the steps between the medians of consecutive tenths of y[lo..hi) rose, and how many steps there
     * were (fewer than ten parts when there are fewer points).
     */
    static int[] rises(double[] y, int lo, int hi) {
        int m = hi - lo;
        int parts = Math.min(10, m);
        int up = 0;
        double prev = Double.NaN;
        for (int s = 0; s < parts; s++) {
            double med = TheilSen.median(y, lo + s * m / parts, lo + (s + 1) * m / parts);
            if (s > 0 && med > prev) {
                up++;
            }
            prev = med;
        }
        return new int[] {up, Math.max(0, parts - 1)};
    }

    /** The largest rise within y[lo..hi) over at most {@code span} points: how far the tag climbed before. */
    static double largestRise(double[] y, int lo, int hi, int span) {
        double best = 0;
        for (int i = lo; i < hi; i++) {
            for (int k = i + 1; k < hi && k - i <= span; k++) {
                best = Math.max(best, y[k] - y[i]);
            }
        }
        return best;
    }

    /** One phase's trend test and slope. */
    private record Phase(MannKendall.Result mk, TheilSen.Fit ts, double factor) {}

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
        if (n < 2 || end <= start) {
            return trivial(metric, n, start, end, first, last, min, max, Pattern.TOO_SHORT, Verdict.EARLY);
        }
        if (min == max) {
            return trivial(metric, n, start, end, first, last, min, max, Pattern.CONSTANT, Verdict.STABLE);
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
            y[b] = medianInPlace(buf, len);
            tt[b] = (t[lo] + t[hi - 1]) / 2;
        }

        int tenth = Math.max(1, m / 10);
        double startLevel = TheilSen.median(y, 0, tenth);
        double endLevel = TheilSen.median(y, m - tenth, m);
        Phase whole = phase(tt, y, 0, m, o);

        // with a handful of points the changes between them are the signal, not an estimate of noise
        double stepNoise = m >= SHORT ? stepNoise(y, m) : 0;
        int[] tenths = rises(y, 0, m);
        int rises = tenths[0];
        int segments = tenths[1] + 1;
        long minGrowth = o.minGrowth(metric);

        // --- releases (sawtooth, cleanup): the state machine follows each rise from its trough to its peak
        double minDrop = Math.max(o.releaseNoise() * stepNoise, minGrowth / 2.0);
        double[] lagNoise = new double[m]; // per lag, computed when first needed
        int[] peaks = new int[m];
        int releases = 0;
        double largestRelease = 0;
        double trough = y[0];
        double peak = y[0];
        int peakAt = 0;
        for (int i = 1; i < m; i++) {
            if (y[i] > peak) {
                peak = y[i];
                peakAt = i;
            }
            double rise = peak - trough;
            double drop = peak - y[i];
            if (rise >= minDrop && drop >= Math.max(o.releaseShare() * rise, minDrop)
                    && (m < SHORT || drop >= o.releaseNoise() * lagNoise(y, m, i - peakAt, lagNoise))) {
                peaks[releases++] = peakAt;
                largestRelease = Math.max(largestRelease, drop);
                trough = y[i];
                peak = y[i];
                peakAt = i;
            } else if (y[i] < trough) {
                trough = y[i];
                peak = y[i];
                peakAt = i;
            }
        }
        // Releases only decide when they gave back at least the release share of what the series gained
        // overall; smaller drops inside a growing series are noise (or a partial cleanup) on top of the growth.
        if (releases > 0 && largestRelease >= o.releaseShare() * Math.max(0, endLevel - startLevel)) {
            return released(metric, n, start, end, first, last, min, max, startLevel, endLevel, whole, tt, y, m,
                    stepNoise, rises, segments - 1, peaks, releases, largestRelease, from, t, interval, o);
        }

        // --- shape: line, step or bend
        int minSegment = Math.max(3, m / 10);
        ShapeFit.Result shape = ShapeFit.fit(tt, y, m, minSegment, o.shapeEvidence());
        int j = shape.kind() == ShapeFit.Kind.LINE ? 0 : shape.index();
        Phase before = j > 0 ? phase(tt, y, 0, j, o) : null;
        Phase after = j > 0 ? phase(tt, y, j, m, o) : whole;
        double noise = residualNoise(tt, y, m, j, before, after);
        // the phase starts at the first sample of the block after the break
        double phaseStart = j > 0 ? t[from + j * block] : start;
        int phaseSamples = j > 0 ? to - (from + j * block) : n;
        double phaseGrowth = after.ts().slope() * (end - phaseStart);
        double phaseShare = (end - phaseStart) / (end - start);

        // a leak grows through its phase; a few jumps in a long level are not sustained growth
        int[] phaseTenths = rises(y, j, m);
        boolean sustained = sustained(phaseTenths[0], phaseTenths[1]);
        // growth must outgrow what the number in use does by chance, for leak and likely leak alike
        double chance = CHANCE_MULTIPLE * o.noiseMultiple()
                * (counts == null ? 0 : counts.chanceVariation(metric, from + j * block, to - 1));
        boolean weak = growing(after, o.likelyAlpha()) && phaseGrowth >= minGrowth
                && phaseGrowth >= o.noiseMultiple() / 2 * noise && phaseGrowth >= chance;
        if (weak) {
            // and the growth must stand out from how far single samples stray from the trend (the block medians
            // smooth that away) and from how far it wanders over a quarter of the phase: a tag that wanders by ±10
            // has not leaked when it rose by 30
            weak = phaseGrowth >= o.noiseMultiple() * amplitude(t, values, from + j * block, to, after.ts());
        }
        boolean strong = weak && growing(after, o.alpha()) && phaseGrowth >= o.noiseMultiple() * noise;
        boolean beforeGrowing = before != null && growing(before, o.likelyAlpha());

        boolean slowed = shape.kind() == ShapeFit.Kind.BEND && beforeGrowing
                && after.ts().slope() < SLOWING_RATIO * before.ts().slope();
        Pattern pattern;
        Verdict verdict;
        double since;
        double sinceGrowth;
        Evidence evidence = Evidence.NONE;
        SaturationFit.Result saturation = SaturationFit.Result.NONE;
        if (slowed && shrinking(after, o.likelyAlpha())) {
            // grew, then fell: the growth is being given back
            pattern = Pattern.SHRINKING;
            verdict = Verdict.STABLE;
            since = phaseStart;
            sinceGrowth = phaseGrowth;
        } else if (slowed && !growing(after, o.likelyAlpha())) {
            // grew, then stopped. A short pause after growth that was a leak by itself keeps that verdict (and its
            // rate): a leak that pauses for a few samples has not become a cache.
            int growthEnd = from + j * block;
            MetricTrend growth = growthEnd - from >= 3
                    ? analyze(metric, t, values, counts, from, growthEnd, o) : null;
            double pause = end - phaseStart;
            if (growth != null && growth.verdict().atLeast(Verdict.LIKELY_LEAK)
                    && (growth.pattern() == Pattern.STEADY_GROWTH || growth.pattern() == Pattern.GROWTH_AFTER_LEVEL)
                    && pause <= pauseLimit(growth, o)) {
                return paused(growth, n, start, end, first, last, min, max, startLevel, endLevel, whole, shape, phaseStart,
                        noise, stepNoise);
            }
            pattern = Pattern.LEVELLED_OFF;
            verdict = phaseShare >= o.levelShare() ? Verdict.STABLE : Verdict.GROWING;
            since = phaseStart;
            sinceGrowth = phaseGrowth;
        } else if (slowed) {
            // still rising, but at under half the earlier rate: caches fill this way; never a leak
            pattern = Pattern.SLOWING;
            verdict = Verdict.GROWING;
            since = phaseStart;
            sinceGrowth = phaseGrowth;
        } else if (strong || weak) {
            if (j > 0 && !beforeGrowing) {
                pattern = Pattern.GROWTH_AFTER_LEVEL;
                // "held a level" must be true: the growth since must stand out from how much the level wandered
                double levelSpread = 1.4826 * mad(Arrays.copyOfRange(y, 0, j), j);
                // and it must be unlike anything the level did before: a tag that wanders rose as much before,
                // or has been this high before
                double highest = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < j; i++) {
                    highest = Math.max(highest, y[i]);
                }
                boolean heldLevel = phaseGrowth >= o.noiseMultiple() * levelSpread
                        && phaseGrowth > largestRise(y, 0, j, m - j) && endLevel > highest;
                saturation = SaturationFit.fit(tt, y, j, m);
                evidence = evidence(end - phaseStart, phaseSamples, saturation, counts, from + j * block, to, interval,
                        fast(metric, after.ts().slope(), o), countNoise(metric, counts, t, from + j * block, to));
                if (saturation.saturating() || evidence.catchingUp()) {
                    pattern = Pattern.SATURATING;
                    verdict = Verdict.GROWING;
                } else {
                    verdict = !heldLevel || !sustained ? Verdict.GROWING : gate(strong, evidence, o);
                }
                since = phaseStart;
                sinceGrowth = phaseGrowth;
            } else {
                pattern = Pattern.STEADY_GROWTH;
                since = start;
                if (j > 0) { // grew before and after a bend or step that did not slow it: one growth phase
                    phaseStart = start;
                    after = whole;
                    phaseSamples = n;
                    phaseTenths = tenths;
                    sustained = sustained(tenths[0], tenths[1]);
                    double wholeGrowth = whole.ts().slope() * (end - start);
                    double wholeChance = CHANCE_MULTIPLE * o.noiseMultiple()
                            * (counts == null ? 0 : counts.chanceVariation(metric, from, to - 1));
                    strong = growing(whole, o.alpha()) && wholeGrowth >= minGrowth
                            && wholeGrowth >= o.noiseMultiple() * noise && wholeGrowth >= wholeChance
                            && wholeGrowth >= o.noiseMultiple() * amplitude(t, values, from, to, whole.ts());
                }
                saturation = SaturationFit.fit(tt, y, 0, m);
                evidence = evidence(end - start, n, saturation, counts, from, to, interval,
                        fast(metric, after.ts().slope(), o), countNoise(metric, counts, t, from, to));
                if (saturation.saturating() || evidence.catchingUp()) {
                    pattern = Pattern.SATURATING;
                    verdict = Verdict.GROWING;
                } else {
                    verdict = !sustained ? Verdict.GROWING : gate(strong, evidence, o);
                }
                sinceGrowth = after.ts().slope() * (end - start);
            }
        } else if (shape.kind() == ShapeFit.Kind.STEP) {
            // one jump and no significant growth after it: level since the step (a step down is stable at once)
            pattern = Pattern.STEP;
            boolean up = TheilSen.median(y, j, m) > TheilSen.median(y, 0, j);
            verdict = !up || phaseShare >= o.levelShare() ? Verdict.STABLE : Verdict.GROWING;
            since = phaseStart;
            sinceGrowth = phaseGrowth;
        } else if (shape.kind() == ShapeFit.Kind.BEND && beforeGrowing && !growing(after, o.likelyAlpha())) {
            pattern = Pattern.LEVELLED_OFF;
            verdict = phaseShare >= o.levelShare() ? Verdict.STABLE : Verdict.GROWING;
            since = phaseStart;
            sinceGrowth = phaseGrowth;
        } else if (shrinking(whole, o.likelyAlpha())) {
            pattern = Pattern.SHRINKING;
            verdict = Verdict.STABLE;
            since = Double.NaN;
            sinceGrowth = endLevel - startLevel;
        } else if (growing(whole, o.alpha()) && endLevel - startLevel >= Math.max(1, minGrowth)) {
            // clearly significant, but small, or too little above the noise: worth showing, not a leak (weaker
            // evidence is the ordinary jitter of a busy tag, and showing it would only make the column flicker)
            pattern = Pattern.STEADY_GROWTH;
            verdict = Verdict.GROWING;
            since = start;
            phaseStart = start;
            after = whole;
            phaseSamples = n;
            sinceGrowth = whole.ts().slope() * (end - start);
        } else if (n < 4 && last - first >= Math.max(1, minGrowth)) {
            // two or three samples: no test can tell a leak from a cache yet
            pattern = Pattern.TOO_SHORT;
            verdict = Verdict.EARLY;
            since = start;
            sinceGrowth = last - first;
            evidence = new Evidence(end - start, n, 0, false, interval, false);
        } else {
            pattern = Pattern.FLAT;
            verdict = Verdict.STABLE;
            since = Double.NaN;
            sinceGrowth = endLevel - startLevel;
        }
        if (verdict == Verdict.GROWING) {
            // "growing" is worth a user's look only when the tag grew by more than it strays on its own
            double grew = Math.max(endLevel - startLevel, sinceGrowth);
            if (grew < Math.max(1, minGrowth) || grew < o.noiseMultiple() * amplitude(t, values, from, to, whole.ts())) {
                verdict = Verdict.STABLE;
            }
        }
        return new MetricTrend(metric, n, m, start, end, first, last, min, max, startLevel, endLevel, whole.mk(),
                whole.ts(), whole.factor(), noise, stepNoise, phaseTenths[0], phaseTenths[1], shape, pattern, phaseStart,
                after.mk(), after.ts(), phaseSamples, since, sinceGrowth, 0, 0, verdict,
                score(verdict, after.mk(), whole.mk()), evidence, saturation, Double.NaN);
    }

    /** The verdict growth earns: leak when strong, else likely leak, capped by what the evidence allows. */
    private static Verdict gate(boolean strong, Evidence evidence, LeakOptions o) {
        Verdict wanted = strong ? Verdict.LEAK : Verdict.LIKELY_LEAK;
        Verdict allowed = evidence.allows(o.gates());
        return wanted.ordinal() >= allowed.ordinal() ? wanted : allowed;
    }

    /** The evidence of a growth phase over samples [lo, hi). */
    /** How far single samples of the count stray from its straight trend over [lo, hi), for the catch-up test. */
    private static double countNoise(Metric m, SeriesTable.Counts counts, double[] t, int lo, int hi) {
        if (counts == null || hi - lo < 3) {
            return 0;
        }
        double[] y = new double[hi - lo];
        for (int i = lo; i < hi; i++) {
            y[i - lo] = counts.count()[i];
        }
        double[] tt = java.util.Arrays.copyOfRange(t, lo, hi);
        TheilSen.Fit f = TheilSen.slopes(tt, y, 0, y.length).fit(0.95, 1);
        return amplitude(t, counts.count(), lo, hi, new TheilSen.Fit(f.slope(), f.intercept() - f.slope() * 0, 0, 0, 0.95,
                0));
    }

    /** Growth at least as fast as the gates' fast rates (per second for allocations, per minute for bytes). */
    private static boolean fast(Metric m, double slopePerSecond, LeakOptions o) {
        return m == Metric.COUNT ? slopePerSecond >= o.gates().fastAllocations()
                : slopePerSecond * 60 >= o.gates().fastBytes();
    }

    private static Evidence evidence(double seconds, int samples, SaturationFit.Result saturation, SeriesTable.Counts counts,
            int lo, int hi, double interval, boolean fast, double noise) {
        if (counts == null || !counts.countsFrees()) {
            return new Evidence(seconds, samples, saturation.tauLower(), false, interval, fast);
        }
        boolean fill = counts.freedShare(lo, hi - 1) <= Evidence.FILL_FREE_SHARE;
        // frees against allocations in each half of the phase: at a steady allocation rate a warm-up frees a growing
        // share and keeps less and less; a leak frees the same share and keeps the same amount
        int mid = lo + (hi - lo) / 2;
        long[] first = counts.allocsAndFrees(lo, mid);
        long[] second = counts.allocsAndFrees(mid, hi - 1);
        double r1 = first[0] > 0 ? (double) first[1] / first[0] : Double.NaN;
        double r2 = second[0] > 0 ? (double) second[1] / second[0] : Double.NaN;
        boolean catchingUp = false;
        double steady = first[0] > 0 ? (double) second[0] / first[0] * (mid - lo) / Math.max(1, hi - 1 - mid) : 0;
        long kept1 = first[0] - first[1];
        long kept2 = second[0] - second[1];
        if (first[0] >= MIN_HALF_ALLOCS && second[0] >= MIN_HALF_ALLOCS && r2 > r1
                && Math.abs(steady - 1) <= STEADY_ALLOCATIONS && kept2 <= KEPT_FALL * kept1
                && kept1 - kept2 >= CATCH_UP_NOISE * noise) {
            double pooled = (double) (first[1] + second[1]) / (first[0] + second[0]);
            double se = Math.sqrt(Math.max(1e-12, pooled * (1 - pooled) * (1.0 / first[0] + 1.0 / second[0])));
            catchingUp = (r2 - r1) / se >= CATCH_UP_Z && r2 - r1 >= CATCH_UP_SHARE;
        }
        return new Evidence(seconds, samples, saturation.tauLower(), fill, interval, Math.min(1, r1), Math.min(1, r2),
                catchingUp, fast);
    }



    /**
     * How long growth may pause and keep its verdict: a quarter of its own length, and never less than the time a
     * likely leak needs (so one quiet stretch of a fast leak is not mistaken for a full cache).
     */
    static double pauseLimit(MetricTrend growth, LeakOptions o) {
        double growthSpan = growth.endSeconds() - growth.phaseStartSeconds();
        return Math.max(o.gates().likelySeconds(), 0.25 * growthSpan);
    }

    /** A leak whose growth paused: the growth phase's verdict, rate and evidence, over the whole window. */
    private static MetricTrend paused(MetricTrend g, int n, double start, double end, double first, double last,
            double min, double max, double startLevel, double endLevel, Phase whole, ShapeFit.Result shape,
            double pauseStart, double noise, double stepNoise) {
        return new MetricTrend(g.metric(), n, g.points(), start, end, first, last, min, max, startLevel, endLevel,
                whole.mk(), whole.ts(), whole.factor(), noise, stepNoise, g.monotoneRises(), g.monotoneSteps(), shape,
                Pattern.GROWTH_PAUSED, g.phaseStartSeconds(), g.phaseTrend(), g.phaseSlope(), g.phaseSamples(),
                g.sinceSeconds(), g.growthSinceLastLevel(), 0, 0, g.verdict(), g.score(), g.evidence(), g.saturation(),
                pauseStart);
    }

    /** The sawtooth case: memory is given back; the troughs of the cycles tell whether a floor still rises. */
    private static MetricTrend released(Metric metric, int n, double start, double end, double first, double last,
            double min, double max, double startLevel, double endLevel, Phase whole, double[] tt, double[] y, int m,
            double stepNoise, int rises, int steps, int[] peaks, int releases, double largestRelease, int from,
            double[] t, double interval, LeakOptions o) {
        int cycles = releases + 1;
        double[] troughT = new double[cycles];
        double[] troughY = new double[cycles];
        double highestPeak = Double.NEGATIVE_INFINITY;
        int lo = 0;
        for (int c = 0; c < cycles; c++) {
            int hi = c < releases ? peaks[c] + 1 : m;
            int at = lo;
            for (int i = lo; i < hi; i++) {
                if (y[i] < y[at]) {
                    at = i;
                }
            }
            troughT[c] = tt[at];
            troughY[c] = y[at];
            if (c < releases) {
                highestPeak = Math.max(highestPeak, y[peaks[c]]);
                lo = peaks[c] + 1;
            }
        }
        long minGrowth = o.minGrowth(metric);
        int lastPeak = peaks[releases - 1];
        // the final cycle: from the lowest point after the last release
        int lastTroughAt = lastPeak + 1;
        for (int i = lastPeak + 1; i < m; i++) {
            if (y[i] < y[lastTroughAt]) {
                lastTroughAt = i;
            }
        }
        if (lastTroughAt >= m) {
            lastTroughAt = m - 1;
        }
        Phase finalCycle = phase(tt, y, lastTroughAt, m, o);
        double noise = residualNoise(tt, y, m, 0, null, whole);

        double floorRise = troughY[cycles - 1] - troughY[0];
        // the floor must rise by more than a working set misses its floor by: a tenth of what a cycle gives back
        boolean floorMatters = floorRise >= minGrowth && floorRise >= CHANCE_MULTIPLE * o.noiseMultiple() * stepNoise
                && floorRise >= FLOOR_SHARE * largestRelease;
        MannKendall.Result floorTrend = MannKendall.test(troughY, 0, cycles, 1.0);
        Pattern pattern;
        Verdict verdict;
        double since;
        double sinceGrowth;
        MannKendall.Result phaseMk = finalCycle.mk();
        TheilSen.Fit phaseTs = finalCycle.ts();
        double phaseStart = tt[lastTroughAt];
        Evidence evidence = Evidence.NONE;
        if (cycles >= MIN_CYCLES && floorMatters && floorTrend.pIncreasing() < o.likelyAlpha()) {
            pattern = Pattern.RISING_FLOOR;
            // the cycles themselves rule out a warm-up of the floor as well as a line can: the floor rose in every
            // one of them; what remains is the time and the samples the rise took
            evidence = new Evidence(troughT[cycles - 1] - troughT[0], n, Double.POSITIVE_INFINITY, false, interval, false);
            verdict = gate(floorTrend.pIncreasing() < FLOOR_ALPHA, evidence, o);
            phaseMk = floorTrend;
            phaseTs = TheilSen.fit(troughT, troughY, 0, cycles, o.confidence(), floorTrend.variance());
            phaseStart = start;
            since = start;
            sinceGrowth = floorRise;
        } else {
            pattern = Pattern.RELEASED;
            boolean pastPeaks = endLevel > highestPeak + o.noiseMultiple() * stepNoise && growing(finalCycle, o.likelyAlpha());
            verdict = pastPeaks ? Verdict.GROWING : Verdict.STABLE;
            since = tt[lastTroughAt];
            sinceGrowth = endLevel - y[lastTroughAt];
        }
        int phaseSamples = countFrom(t, from, from + n, phaseStart);
        ShapeFit.Result none = new ShapeFit.Result(ShapeFit.Kind.LINE, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
        return new MetricTrend(metric, n, m, start, end, first, last, min, max, startLevel, endLevel, whole.mk(),
                whole.ts(), whole.factor(), noise, stepNoise, rises, steps, none, pattern, phaseStart, phaseMk, phaseTs,
                phaseSamples, since, sinceGrowth, releases, largestRelease, verdict, score(verdict, phaseMk, whole.mk()),
                evidence, SaturationFit.Result.NONE, Double.NaN);
    }

    private static MetricTrend trivial(Metric metric, int n, double start, double end, double first, double last,
            double min, double max, Pattern pattern, Verdict verdict) {
        MannKendall.Result mk = MannKendall.Result.NONE;
        double slope = n >= 2 && end > start ? (last - first) / (end - start) : 0;
        if (pattern == Pattern.CONSTANT) {
            slope = 0;
        }
        TheilSen.Fit ts = new TheilSen.Fit(slope, first, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, n >= 2 ? 1 : 0);
        if (pattern == Pattern.CONSTANT) {
            ts = new TheilSen.Fit(0, first, 0, 0, 0, (long) n * (n - 1) / 2);
        }
        ShapeFit.Result none = new ShapeFit.Result(ShapeFit.Kind.LINE, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
        return new MetricTrend(metric, n, n, start, end, first, last, n > 0 ? min : 0, n > 0 ? max : 0, first, last, mk, ts,
                1, 0, 0, 0, 0, none, pattern, start, mk, ts, n, Double.NaN, last - first, 0, 0, verdict,
                verdict == Verdict.EARLY ? 10 : 0, verdict == Verdict.EARLY ? new Evidence(Math.max(0, end - start), n, 0,
                        false, 0, false) : Evidence.NONE, SaturationFit.Result.NONE, Double.NaN);
    }

    /** Trend test and slope of y[lo..hi), the test widened for serial correlation when the options say so. */
    private static Phase phase(double[] t, double[] y, int lo, int hi, LeakOptions o) {
        MannKendall.Result plain = MannKendall.test(y, lo, hi, 1.0);
        TheilSen.Slopes slopes = TheilSen.slopes(t, y, lo, hi);
        if (!o.serialCorrelation() || hi - lo < 8) {
            return new Phase(plain, slopes.fit(o.confidence(), plain.variance()), 1.0);
        }
        // detrend with Sen's line (Hamed and Rao), then widen the test by the serial correlation left over
        double b = slopes.slope();
        double a = slopes.intercept();
        double[] r = new double[hi - lo];
        for (int i = lo; i < hi; i++) {
            r[i - lo] = y[i] - (a + b * t[i]);
        }
        double f = MannKendall.serialCorrelationFactor(r, 0, r.length);
        if (f <= 1.0) {
            return new Phase(plain, slopes.fit(o.confidence(), plain.variance()), 1.0);
        }
        MannKendall.Result mk = MannKendall.test(y, lo, hi, f);
        return new Phase(mk, slopes.fit(o.confidence(), mk.variance()), f);
    }

    private static boolean growing(Phase p, double alpha) {
        return p.mk().s() > 0 && p.mk().pIncreasing() < alpha && p.ts().lower() > 0;
    }

    private static boolean shrinking(Phase p, double alpha) {
        return p.mk().s() < 0 && p.mk().pTwoSided() < 2 * alpha && p.ts().upper() < 0;
    }

    /**
     * How far the samples values[lo..hi) stray from a fitted line: the larger of 1.4826 MAD of the residuals and of
     * the changes of the residuals over a quarter of the stretch (over sqrt 2). Independent noise gives the same from
     * both; a count that wanders slowly (a small working set whose allocations live a minute) strays further over a
     * quarter of the stretch than from one sample to the next, and that is the scale a leak must outgrow.
     */
    static double amplitude(double[] t, long[] values, int lo, int hi, TheilSen.Fit fit) {
        int n = hi - lo;
        if (n < 3) {
            return 0;
        }
        double[] r = new double[n];
        for (int i = lo; i < hi; i++) {
            r[i - lo] = values[i] - fit.at(t[i]);
        }
        int lag = Math.max(1, n / 4);
        double[] d = new double[n - lag];
        for (int i = 0; i + lag < n; i++) {
            d[i] = r[i + lag] - r[i];
        }
        double wander = n - lag >= 3 ? 1.4826 * mad(d, n - lag) / Math.sqrt(2) : 0;
        return Math.max(1.4826 * mad(r, n), wander);
    }

    /** 1.4826 MAD of the residuals about the before and after fits (the whole fit when j is 0). */
    private static double residualNoise(double[] t, double[] y, int m, int j, Phase before, Phase after) {
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            TheilSen.Fit f = i < j ? before.ts() : after.ts();
            r[i] = y[i] - f.at(t[i]);
        }
        return 1.4826 * mad(r, m);
    }

    /**
     * The noise between neighbouring points: 1.4826 MAD of the first differences over sqrt(2). Zero for a clean
     * staircase; then half the smallest non-zero change, so a single unit is never "noise-free" infinity.
     */
    private static double stepNoise(double[] y, int m) {
        double[] d = new double[m - 1];
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m - 1; i++) {
            d[i] = y[i + 1] - y[i];
            double a = Math.abs(d[i]);
            if (a > 0) {
                smallest = Math.min(smallest, a);
            }
        }
        double s = 1.4826 * mad(d, m - 1) / Math.sqrt(2);
        if (s <= 0) {
            s = Double.isFinite(smallest) ? smallest / 2 : 0;
        }
        return s;
    }

    /**
     * The typical change over {@code lag} points: 1.4826 MAD of the lag differences over sqrt(2). A release must be
     * unusual for how long it took: correlated noise wanders far over many points, a release falls in few.
     */
    private static double lagNoise(double[] y, int m, int lag, double[] cache) {
        if (lag <= 0 || lag >= m) {
            return 0;
        }
        if (cache[lag] == 0) {
            double[] d = new double[m - lag];
            for (int i = 0; i + lag < m; i++) {
                d[i] = y[i + lag] - y[i];
            }
            cache[lag] = Math.max(Double.MIN_VALUE, 1.4826 * mad(d, m - lag) / Math.sqrt(2));
        }
        return cache[lag];
    }

    private static double mad(double[] v, int n) {
        if (n == 0) {
            return 0;
        }
        double med = TheilSen.median(v, 0, n);
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(v[i] - med);
        }
        return TheilSen.median(dev, 0, n);
    }

    private static int countFrom(double[] t, int from, int to, double since) {
        int c = 0;
        for (int i = to - 1; i >= from && t[i] >= since; i--) {
            c++;
        }
        return c;
    }

    private static double medianInPlace(double[] buf, int len) {
        if (len == 1) {
            return buf[0];
        }
        Arrays.sort(buf, 0, len);
        return len % 2 == 1 ? buf[len / 2] : (buf[len / 2 - 1] + buf[len / 2]) / 2;
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
