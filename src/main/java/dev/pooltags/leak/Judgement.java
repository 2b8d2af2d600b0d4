package dev.pooltags.leak;

/**
 * What a pattern made of a window: its name, the verdict, and the final phase the verdict rests on.
 *
 * @param pattern      the shape in words
 * @param verdict      what the metric supports
 * @param since        when the current behaviour began; NaN if none
 * @param sinceGrowth  growth since then
 * @param evidence     how much evidence the growth phase holds
 * @param saturation   steady growth against a warm-up, over the growth phase
 * @param phaseStart   where the final phase starts (seconds)
 * @param phaseTrend   Mann–Kendall over the final phase
 * @param phaseSlope   Theil–Sen over the final phase
 * @param phaseSamples samples in the final phase
 * @param phaseRises   of the steps between tenths of the final phase, how many rose
 * @param phaseSteps   how many steps there were
 */
record Judgement(Pattern pattern, Verdict verdict, double since, double sinceGrowth, Evidence evidence,
        SaturationFit.Result saturation, double phaseStart, MannKendall.Result phaseTrend, TheilSen.Fit phaseSlope,
        int phaseSamples, int phaseRises, int phaseSteps) {

    /** The final phase as the trend reports it. */
    MetricTrend.PhaseFit phase() {
        return new MetricTrend.PhaseFit(phaseStart, phaseTrend, phaseSlope, phaseSamples, phaseRises, phaseSteps, since,
                sinceGrowth);
    }

    Judgement withVerdict(Verdict v) {
        return new Judgement(pattern, v, since, sinceGrowth, evidence, saturation, phaseStart, phaseTrend, phaseSlope,
                phaseSamples, phaseRises, phaseSteps);
    }
}
