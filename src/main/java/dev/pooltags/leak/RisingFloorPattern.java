package dev.pooltags.leak;

import dev.pooltags.threshold.Threshold;
import dev.pooltags.threshold.Threshold.Unit;

/**
 * A rising floor under releases: memory is given back in cycles, but the levels it returns to (the troughs) rise in
 * every cycle. A leak under a working set.
 */
final class RisingFloorPattern {
    /** Cycles (troughs) needed before a rising floor under releases is believed (five all rising: p = 1/120). */
    static final Threshold<Integer> MIN_CYCLES = Threshold.constant("min-cycles", Unit.COUNT, 5,
            "Cycles (troughs) needed before a rising floor under releases is believed.");
    /**
     * The Mann–Kendall p-value the troughs of a sawtooth must reach for "leak": there are few troughs (one per
     * cycle), so their test is exact and coarse; five troughs all rising give 0.0083.
     */
    static final Threshold<Double> FLOOR_ALPHA = Threshold.constant("floor-alpha", Unit.PROBABILITY, 0.01,
            "The Mann-Kendall p-value the troughs of a sawtooth must reach for a leak.");
    /** A rising floor must rise by at least this share of the largest release. */
    static final Threshold<Double> FLOOR_SHARE = Threshold.constant("floor-share", Unit.SHARE, 0.1,
            "A rising floor must rise by at least this share of the largest release.");

    private RisingFloorPattern() {}

    /** The judgement when the floor rises beyond chance over enough cycles; else null. */
    static Judgement judge(TrendWindow w, Releases releases, Releases.Cycles c) {
        LeakOptions o = w.options();
        int cycles = c.count();
        double floorRise = c.floorRise();
        // the floor must rise by more than a working set misses its floor by: a tenth of what a cycle gives back
        boolean floorMatters = floorRise >= w.minGrowth()
                && floorRise >= FinalPhase.CHANCE_MULTIPLE * o.noiseMultiple() * w.stepNoise()
                && floorRise >= FLOOR_SHARE.defaultValue() * releases.largestRelease();
        MannKendall.Result floorTrend = MannKendall.test(c.troughY(), 0, cycles, 1.0);
        if (!(cycles >= MIN_CYCLES.defaultValue() && floorMatters && floorTrend.pIncreasing() < o.likelyAlpha())) {
            return null;
        }
        double[] troughT = c.troughT();
        // the cycles themselves rule out a warm-up of the floor as well as a line can: the floor rose in every
        // one of them; what remains is the time and the samples the rise took
        Evidence evidence = new Evidence(troughT[cycles - 1] - troughT[0], w.n(), Double.POSITIVE_INFINITY, false,
                w.interval(), false);
        Verdict verdict = WarmUpPattern.gate(floorTrend.pIncreasing() < FLOOR_ALPHA.defaultValue(), evidence, o);
        TheilSen.Fit slope = TheilSen.fit(troughT, c.troughY(), 0, cycles, o.confidence(), floorTrend.variance());
        double phaseStart = w.start();
        int phaseSamples = RobustStatistics.countFrom(w.t(), w.from(), w.from() + w.n(), phaseStart);
        int[] tenths = w.tenths();
        return new Judgement(Pattern.RISING_FLOOR, verdict, w.start(), floorRise, evidence, SaturationFit.Result.NONE,
                phaseStart, floorTrend, slope, phaseSamples, tenths[0], tenths[1]);
    }
}
