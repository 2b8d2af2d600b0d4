package dev.pooltags.leak;

/**
 * Released memory (a sawtooth, a cleanup): the tag gives back what it takes, and the floor does not rise
 * ({@link RisingFloorPattern}). Stable; growing when it is now above every earlier peak.
 */
final class SawtoothPattern {
    private SawtoothPattern() {}

    static Judgement judge(TrendWindow w, Releases.Cycles c) {
        LeakOptions o = w.options();
        TrendPhase finalCycle = c.finalCycle();
        boolean pastPeaks = w.endLevel() > c.highestPeak() + o.noiseMultiple() * w.stepNoise()
                && finalCycle.growing(o.likelyAlpha());
        Verdict verdict = pastPeaks ? Verdict.GROWING : Verdict.STABLE;
        int at = c.lastTroughAt();
        double phaseStart = w.tt()[at];
        int phaseSamples = RobustStatistics.countFrom(w.t(), w.from(), w.from() + w.n(), phaseStart);
        int[] tenths = w.tenths();
        return new Judgement(Pattern.RELEASED, verdict, phaseStart, w.endLevel() - w.y()[at], Evidence.NONE,
                SaturationFit.Result.NONE, phaseStart, finalCycle.mk(), finalCycle.ts(), phaseSamples, tenths[0],
                tenths[1]);
    }
}
