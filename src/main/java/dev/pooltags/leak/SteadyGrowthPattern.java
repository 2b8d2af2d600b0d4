package dev.pooltags.leak;

/**
 * Steady growth (a line): the tag grows throughout the window, or before and after a bend or step that did not slow
 * it. A leak when the growth is significant, sustained and large against the noise, and the evidence gates allow
 * it; a warm-up ({@link WarmUpPattern}) is only "growing".
 */
final class SteadyGrowthPattern {
    private SteadyGrowthPattern() {}

    /** The judgement of growth that grew before the break too (or had none), given growth is at least weak. */
    static Judgement judge(TrendWindow w, FinalPhase p) {
        LeakOptions o = w.options();
        TrendPhase after = p.after();
        boolean sustained = p.sustained();
        boolean strong = p.strong();
        double phaseStart = p.phaseStart();
        int phaseSamples = p.phaseSamples();
        int[] phaseTenths = p.phaseTenths();
        if (p.j() > 0) { // grew before and after a bend or step that did not slow it: one growth phase
            TrendPhase whole = w.whole();
            phaseStart = w.start();
            after = whole;
            phaseSamples = w.n();
            phaseTenths = w.tenths();
            sustained = RobustStatistics.sustained(phaseTenths[0], phaseTenths[1]);
            double wholeGrowth = whole.ts().slope() * (w.end() - w.start());
            double wholeChance = w.chance(w.from(), w.to());
            strong = whole.growing(o.alpha()) && wholeGrowth >= w.minGrowth()
                    && wholeGrowth >= o.noiseMultiple() * p.noise() && wholeGrowth >= wholeChance
                    && wholeGrowth >= o.noiseMultiple() * w.amplitude(w.from(), w.to(), whole.ts());
        }
        SaturationFit.Result saturation = SaturationFit.fit(w.tt(), w.y(), 0, w.m());
        Evidence evidence = WarmUpPattern.evidence(w, w.start(), w.n(), saturation, w.from(), after.ts().slope());
        Verdict verdict = !sustained ? Verdict.GROWING : WarmUpPattern.gate(strong, evidence, o);
        double sinceGrowth = after.ts().slope() * (w.end() - w.start());
        return WarmUpPattern.unlessWarmingUp(new Judgement(Pattern.STEADY_GROWTH, verdict, w.start(), sinceGrowth,
                evidence, saturation, phaseStart, after.mk(), after.ts(), phaseSamples, phaseTenths[0], phaseTenths[1]));
    }

    /**
     * Clearly significant growth of the whole window that is small, or too little above the noise: worth showing,
     * not a leak (weaker evidence is the ordinary jitter of a busy tag, and showing it would only make the column
     * flicker). Null when the window does not grow so.
     */
    static Judgement small(TrendWindow w, FinalPhase p) {
        LeakOptions o = w.options();
        TrendPhase whole = w.whole();
        if (!(whole.growing(o.alpha()) && w.endLevel() - w.startLevel() >= Math.max(1, w.minGrowth()))) {
            return null;
        }
        int[] tenths = p.phaseTenths();
        return new Judgement(Pattern.STEADY_GROWTH, Verdict.GROWING, w.start(),
                whole.ts().slope() * (w.end() - w.start()), Evidence.NONE, SaturationFit.Result.NONE, w.start(),
                whole.mk(), whole.ts(), w.n(), tenths[0], tenths[1]);
    }
}
