package dev.pooltags.leak;

/**
 * Everything measured on one metric of one tag, and the verdict it supports. Times are seconds since the first
 * sample of the whole series; values are in the metric's unit.
 *
 * @param metric            which metric
 * @param samples           samples in the tag's window (from its first appearance)
 * @param points            points the rank statistics ran on (block medians when there were more samples)
 * @param startSeconds      time of the tag's first sample
 * @param endSeconds        time of the last sample
 * @param first             first value
 * @param last              last value
 * @param min               smallest value
 * @param max               largest value
 * @param startLevel        median of the first tenth of the points
 * @param endLevel          median of the last tenth
 * @param trend             Mann–Kendall over the whole window
 * @param slope             Theil–Sen over the whole window (per second)
 * @param serialFactor      the variance inflation used for serial correlation (1: none)
 * @param noise             robust scale (1.4826 MAD) of the residuals about the fitted shape
 * @param stepNoise         robust scale of the sample-to-sample changes (what a release must exceed)
 * @param monotoneRises     of the steps between consecutive tenths (medians), how many rose
 * @param monotoneSteps     how many steps there were
 * @param shape             the step/plateau detector's outcome
 * @param pattern           the shape in words
 * @param phaseStartSeconds where the final phase starts (after a bend, step or last release; else the start)
 * @param phaseTrend        Mann–Kendall over the final phase
 * @param phaseSlope        Theil–Sen over the final phase (per second)
 * @param phaseSamples      samples in the final phase
 * @param sinceSeconds      when the current behaviour began: growth start, level start, last release; NaN if none
 * @param growthSinceLastLevel growth since the last level (or since the start when the series never held a level)
 * @param releases          drops that gave back at least the release share of the rise
 * @param largestRelease    the largest amount given back in one drop
 * @param verdict           what this metric supports
 * @param score             0..100: the verdict band (leak 75+, likely 50+, growing 25+, too early 10+, stable below)
 *                          plus strength
 * @param evidence          how much evidence the growth phase holds against what a leak verdict needs
 * @param saturation        steady growth against a warm-up approaching a level, over the growth phase
 * @param pauseSeconds      when growth paused ({@link Pattern#GROWTH_PAUSED}), else NaN
 */
public record MetricTrend(Metric metric, int samples, int points, double startSeconds, double endSeconds, double first,
        double last, double min, double max, double startLevel, double endLevel, MannKendall.Result trend,
        TheilSen.Fit slope, double serialFactor, double noise, double stepNoise, int monotoneRises, int monotoneSteps,
        ShapeFit.Result shape, Pattern pattern, double phaseStartSeconds, MannKendall.Result phaseTrend,
        TheilSen.Fit phaseSlope, int phaseSamples, double sinceSeconds, double growthSinceLastLevel, int releases,
        double largestRelease, Verdict verdict, double score, Evidence evidence, SaturationFit.Result saturation,
        double pauseSeconds) {

    /** End level minus start level. */
    public double growthSinceStart() {
        return endLevel - startLevel;
    }

    /** The current rate (final phase's Theil–Sen slope) per hour. */
    public double ratePerHour() {
        return phaseSlope.slope() * 3600;
    }

    /** Share of the steps between tenths of the window that rose. */
    public double monotoneShare() {
        return monotoneSteps == 0 ? 0 : (double) monotoneRises / monotoneSteps;
    }

    /** Fitted growth over the final phase. */
    public double phaseGrowth() {
        return phaseSlope.slope() * (endSeconds - phaseStartSeconds);
    }
}
