package dev.pooltags.leak;

import dev.pooltags.threshold.Threshold;

/**
 * The shape of a window without releases (a straight line, a one-off step or a bend; {@link ShapeFit}) and the phase
 * after the step or bend (the whole window for a line), with how strongly it grows. The patterns of growth, levels
 * and bends judge from this.
 *
 * @param shape         the step/plateau detector's outcome
 * @param j             the point where the final phase starts (0 for a line)
 * @param before        the phase before the break, or null for a line
 * @param after         the final phase
 * @param noise         robust scale of the residuals about the before and after fits
 * @param phaseStart    time of the final phase's first sample
 * @param phaseSamples  samples in the final phase
 * @param phaseGrowth   fitted growth over the final phase
 * @param phaseShare    share of the window the final phase spans
 * @param phaseTenths   of the steps between tenths of the final phase, how many rose and how many there were
 * @param sustained     the final phase rose in two thirds of its tenths
 * @param weak          growth enough for "likely leak"
 * @param strong        growth enough for "leak"
 * @param beforeGrowing the phase before the break grew
 */
record FinalPhase(ShapeFit.Result shape, int j, TrendPhase before, TrendPhase after, double noise, double phaseStart,
        int phaseSamples, double phaseGrowth, double phaseShare, int[] phaseTenths, boolean sustained, boolean weak,
        boolean strong, boolean beforeGrowing) {
    /**
     * Growth must exceed this many noise multiples of the chance variation of the number in use
     * ({@link SeriesTable.Counts#chanceVariation}) and of how far single samples stray from the trend: 1.5 × 4 = 6
     * standard deviations, as a count that wanders slowly strays about 4 of them over a long look and a warm-up adds
     * its own rise on top.
     */
    static final Threshold<Double> CHANCE = Threshold.constant("chance-multiple", Threshold.Unit.MULTIPLE, 1.5,
            "Growth must exceed this many noise multiples of the chance variation of the number in use.");
    static final double CHANCE_MULTIPLE = CHANCE.defaultValue();

    static FinalPhase of(TrendWindow w) {
        LeakOptions o = w.options();
        int m = w.m();
        int minSegment = Math.max(3, m / 10);
        ShapeFit.Result shape = ShapeFit.fit(w.tt(), w.y(), m, minSegment, o.shapeEvidence());
        int j = shape.kind() == ShapeFit.Kind.LINE ? 0 : shape.index();
        TrendPhase before = j > 0 ? w.phase(0, j) : null;
        TrendPhase after = j > 0 ? w.phase(j, m) : w.whole();
        double noise = RobustStatistics.residualNoise(w.tt(), w.y(), m, j, before, after);
        // the phase starts at the first sample of the block after the break
        int at = w.sampleAt(j);
        double phaseStart = j > 0 ? w.t()[at] : w.start();
        int phaseSamples = j > 0 ? w.to() - at : w.n();
        double phaseGrowth = after.ts().slope() * (w.end() - phaseStart);
        double phaseShare = (w.end() - phaseStart) / (w.end() - w.start());

        // a leak grows through its phase; a few jumps in a long level are not sustained growth
        int[] phaseTenths = RobustStatistics.rises(w.y(), j, m);
        boolean sustained = RobustStatistics.sustained(phaseTenths[0], phaseTenths[1]);
        // growth must outgrow what the number in use does by chance, for leak and likely leak alike
        double chance = w.chance(at, w.to());
        boolean weak = after.growing(o.likelyAlpha()) && phaseGrowth >= w.minGrowth()
                && phaseGrowth >= o.noiseMultiple() / 2 * noise && phaseGrowth >= chance;
        if (weak) {
            // and the growth must stand out from how far single samples stray from the trend (the block medians
            // smooth that away) and from how far it wanders over a quarter of the phase: a tag that wanders by ±10
            // has not leaked when it rose by 30
            weak = phaseGrowth >= o.noiseMultiple() * w.amplitude(at, w.to(), after.ts());
        }
        boolean strong = weak && after.growing(o.alpha()) && phaseGrowth >= o.noiseMultiple() * noise;
        boolean beforeGrowing = before != null && before.growing(o.likelyAlpha());
        return new FinalPhase(shape, j, before, after, noise, phaseStart, phaseSamples, phaseGrowth, phaseShare,
                phaseTenths, sustained, weak, strong, beforeGrowing);
    }

    /** The first sample of the final phase. */
    int firstSample(TrendWindow w) {
        return w.sampleAt(j);
    }

    /** A judgement of the final phase as it is: current behaviour since its start, its growth since then. */
    Judgement judgement(Pattern pattern, Verdict verdict) {
        return new Judgement(pattern, verdict, phaseStart, phaseGrowth, Evidence.NONE, SaturationFit.Result.NONE,
                phaseStart, after.mk(), after.ts(), phaseSamples, phaseTenths[0], phaseTenths[1]);
    }

    /** A judgement that keeps the final phase but names its own start and growth. */
    Judgement judgement(Pattern pattern, Verdict verdict, double since, double sinceGrowth) {
        return new Judgement(pattern, verdict, since, sinceGrowth, Evidence.NONE, SaturationFit.Result.NONE,
                phaseStart, after.mk(), after.ts(), phaseSamples, phaseTenths[0], phaseTenths[1]);
    }
}
