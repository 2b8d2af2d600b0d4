package dev.pooltags.leak;

import dev.pooltags.threshold.Threshold;
import dev.pooltags.threshold.Threshold.Unit;
import java.util.Arrays;

/**
 * Warm-up (saturating growth): a working set or cache filling toward a level. Told from a leak by the saturation fit
 * (a curve toward a level fits better than the line) or by frees catching up with allocations. This class also
 * measures the evidence a growth phase holds ({@link Evidence}) and caps a growth verdict by it.
 */
final class WarmUpPattern {
    /** Allocations each half of a growth phase needs before its share of frees is compared with the other's. */
    static final Threshold<Integer> MIN_HALF_ALLOCS = Threshold.constant("min-half-allocations", Unit.COUNT, 20,
            "Allocations each half of a growth phase needs before its share of frees is compared with the other's.");
    /** One-sided z (p < 0.01) of the rise in the share of frees that says frees are catching up. */
    static final Threshold<Double> CATCH_UP_Z = Threshold.constant("catch-up-z", Unit.MULTIPLE, 2.326,
            "One-sided z (p < 0.01) of the rise in the share of frees that says frees are catching up.");
    /** Size of that rise. */
    static final Threshold<Double> CATCH_UP_SHARE = Threshold.constant("catch-up-share", Unit.SHARE, 0.05,
            "Rise in the share of frees that says frees are catching up.");
    /** The allocation rates of the two halves may differ by this share for their frees to be compared. */
    static final Threshold<Double> STEADY_ALLOCATIONS = Threshold.constant("steady-allocations", Unit.SHARE, 0.2,
            "The allocation rates of the two halves may differ by this share for their frees to be compared.");
    /** ... and the second half must keep at most this share of what the first kept. */
    static final Threshold<Double> KEPT_FALL = Threshold.constant("kept-fall", Unit.SHARE, 0.75,
            "The second half must keep at most this share of what the first kept.");
    /** ... by at least this many times the count's own noise (sqrt 2 for a difference, times 3). */
    static final Threshold<Double> CATCH_UP_NOISE = Threshold.constant("catch-up-noise", Unit.MULTIPLE,
            3 * Math.sqrt(2), "What is kept must fall by at least this many times the count's own noise.");

    private WarmUpPattern() {}

    /**
     * A judgement of growth, or "approaching a level" (growing, never a leak) when the growth bends toward a level
     * (its saturation fit) or its frees catch up (its evidence).
     */
    static Judgement unlessWarmingUp(Judgement growth) {
        if (!growth.saturation().saturating() && !growth.evidence().catchingUp()) {
            return growth;
        }
        return new Judgement(Pattern.SATURATING, Verdict.GROWING, growth.since(), growth.sinceGrowth(), growth.evidence(),
                growth.saturation(), growth.phaseStart(), growth.phaseTrend(), growth.phaseSlope(), growth.phaseSamples(),
                growth.phaseRises(), growth.phaseSteps());
    }

    /** The verdict growth earns: leak when strong, else likely leak, capped by what the evidence allows. */
    static Verdict gate(boolean strong, Evidence evidence, LeakOptions o) {
        Verdict wanted = strong ? Verdict.LEAK : Verdict.LIKELY_LEAK;
        Verdict allowed = evidence.allows(o.gates());
        return wanted.ordinal() >= allowed.ordinal() ? wanted : allowed;
    }

    /** The evidence of the growth phase over samples [lo, hi) of the window, starting at {@code phaseStart}. */
    static Evidence evidence(TrendWindow w, double phaseStart, int samples, SaturationFit.Result saturation, int lo,
            double slope) {
        return evidence(w.end() - phaseStart, samples, saturation, w.counts(), lo, w.to(), w.interval(),
                fast(w.metric(), slope, w.options()), countNoise(w.counts(), w.t(), lo, w.to()));
    }

    private static Evidence evidence(double seconds, int samples, SaturationFit.Result saturation,
            SeriesTable.Counts counts, int lo, int hi, double interval, boolean fast, double noise) {
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
        int minHalf = MIN_HALF_ALLOCS.defaultValue();
        if (first[0] >= minHalf && second[0] >= minHalf && r2 > r1
                && Math.abs(steady - 1) <= STEADY_ALLOCATIONS.defaultValue()
                && kept2 <= KEPT_FALL.defaultValue() * kept1
                && kept1 - kept2 >= CATCH_UP_NOISE.defaultValue() * noise) {
            double pooled = (double) (first[1] + second[1]) / (first[0] + second[0]);
            double se = Math.sqrt(Math.max(1e-12, pooled * (1 - pooled) * (1.0 / first[0] + 1.0 / second[0])));
            catchingUp = (r2 - r1) / se >= CATCH_UP_Z.defaultValue() && r2 - r1 >= CATCH_UP_SHARE.defaultValue();
        }
        return new Evidence(seconds, samples, saturation.tauLower(), fill, interval, Math.min(1, r1), Math.min(1, r2),
                catchingUp, fast);
    }

    /** How far single samples of the count stray from its straight trend over [lo, hi), for the catch-up test. */
    private static double countNoise(SeriesTable.Counts counts, double[] t, int lo, int hi) {
        if (counts == null || hi - lo < 3) {
            return 0;
        }
        double[] y = new double[hi - lo];
        for (int i = lo; i < hi; i++) {
            y[i - lo] = counts.count()[i];
        }
        double[] tt = Arrays.copyOfRange(t, lo, hi);
        TheilSen.Fit f = TheilSen.slopes(tt, y, 0, y.length).fit(0.95, 1);
        return RobustStatistics.amplitude(t, counts.count(), lo, hi,
                new TheilSen.Fit(f.slope(), f.intercept() - f.slope() * 0, 0, 0, 0.95, 0));
    }

    /** Growth at least as fast as the gates' fast rates (per second for allocations, per minute for bytes). */
    private static boolean fast(Metric m, double slopePerSecond, LeakOptions o) {
        return m == Metric.COUNT ? slopePerSecond >= o.gates().fastAllocations()
                : slopePerSecond * 60 >= o.gates().fastBytes();
    }
}
