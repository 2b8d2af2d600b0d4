package dev.pooltags.leak;

import java.util.Arrays;

/**
 * Growth after a level (a step or bend from flat into growth): the tag held a level, then began to grow. A leak when
 * the level really held (the growth stands out from how the level wandered and is unlike anything it did before), the
 * growth is sustained and the evidence gates allow it; a warm-up ({@link WarmUpPattern}) is only "growing".
 */
final class GrowthAfterLevelPattern {
    private GrowthAfterLevelPattern() {}

    /** The judgement, given the phase after the break grows at least weakly and the one before did not. */
    static Judgement judge(TrendWindow w, FinalPhase p) {
        LeakOptions o = w.options();
        double[] y = w.y();
        int j = p.j();
        int m = w.m();
        // "held a level" must be true: the growth since must stand out from how much the level wandered
        double levelSpread = 1.4826 * RobustStatistics.mad(Arrays.copyOfRange(y, 0, j), j);
        // and it must be unlike anything the level did before: a tag that wanders rose as much before,
        // or has been this high before
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < j; i++) {
            highest = Math.max(highest, y[i]);
        }
        double phaseGrowth = p.phaseGrowth();
        boolean heldLevel = phaseGrowth >= o.noiseMultiple() * levelSpread
                && phaseGrowth > RobustStatistics.largestRise(y, 0, j, m - j) && w.endLevel() > highest;
        SaturationFit.Result saturation = SaturationFit.fit(w.tt(), y, j, m);
        Evidence evidence = WarmUpPattern.evidence(w, p.phaseStart(), p.phaseSamples(), saturation, p.firstSample(w),
                p.after().ts().slope());
        Verdict verdict = !heldLevel || !p.sustained() ? Verdict.GROWING : WarmUpPattern.gate(p.strong(), evidence, o);
        int[] tenths = p.phaseTenths();
        return WarmUpPattern.unlessWarmingUp(new Judgement(Pattern.GROWTH_AFTER_LEVEL, verdict, p.phaseStart(),
                phaseGrowth, evidence, saturation, p.phaseStart(), p.after().mk(), p.after().ts(), p.phaseSamples(),
                tenths[0], tenths[1]));
    }
}
