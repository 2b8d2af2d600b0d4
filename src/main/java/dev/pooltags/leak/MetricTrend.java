package dev.pooltags.leak;

/**
 * Everything measured on one metric of one tag, and the verdict it supports. Times are seconds since the first
 * sample of the whole series; values are in the metric's unit. The measures come in three groups: the window's span
 * and levels ({@link Span}), the statistics over the whole window ({@link WindowFit}) and over the final phase
 * ({@link PhaseFit}); an accessor of each measure's own name reads it from its group.
 *
 * <p>The measures, by accessor:
 * <ul>
 * <li>{@code metric()}: which metric</li>
 * <li>{@code samples()}: samples in the tag's window (from its first appearance)</li>
 * <li>{@code points()}: points the rank statistics ran on (block medians when there were more samples)</li>
 * <li>{@code startSeconds()}: time of the tag's first sample</li>
 * <li>{@code endSeconds()}: time of the last sample</li>
 * <li>{@code first()}: first value</li>
 * <li>{@code last()}: last value</li>
 * <li>{@code min()}: smallest value</li>
 * <li>{@code max()}: largest value</li>
 * <li>{@code startLevel()}: median of the first tenth of the points</li>
 * <li>{@code endLevel()}: median of the last tenth</li>
 * <li>{@code trend()}: Mann–Kendall over the whole window</li>
 * <li>{@code slope()}: Theil–Sen over the whole window (per second)</li>
 * <li>{@code serialFactor()}: the variance inflation used for serial correlation (1: none)</li>
 * <li>{@code noise()}: robust scale (1.4826 MAD) of the residuals about the fitted shape</li>
 * <li>{@code stepNoise()}: robust scale of the sample-to-sample changes (what a release must exceed)</li>
 * <li>{@code monotoneRises()}: of the steps between consecutive tenths (medians), how many rose</li>
 * <li>{@code monotoneSteps()}: how many steps there were</li>
 * <li>{@code shape()}: the step/plateau detector's outcome</li>
 * <li>{@code pattern()}: the shape in words</li>
 * <li>{@code phaseStartSeconds()}: where the final phase starts (after a bend, step or last release; else the
 *     start)</li>
 * <li>{@code phaseTrend()}: Mann–Kendall over the final phase</li>
 * <li>{@code phaseSlope()}: Theil–Sen over the final phase (per second)</li>
 * <li>{@code phaseSamples()}: samples in the final phase</li>
 * <li>{@code sinceSeconds()}: when the current behaviour began: growth start, level start, last release; NaN if
 *     none</li>
 * <li>{@code growthSinceLastLevel()}: growth since the last level (or since the start when the series never held a
 *     level)</li>
 * <li>{@code releases()}: drops that gave back at least the release share of the rise</li>
 * <li>{@code largestRelease()}: the largest amount given back in one drop</li>
 * <li>{@code verdict()}: what this metric supports</li>
 * <li>{@code score()}: 0..100: the verdict band (leak 75+, likely 50+, growing 25+, too early 10+, stable below) plus
 *     strength</li>
 * <li>{@code evidence()}: how much evidence the growth phase holds against what a leak verdict needs</li>
 * <li>{@code saturation()}: steady growth against a warm-up approaching a level, over the growth phase</li>
 * <li>{@code pauseSeconds()}: when growth paused ({@link Pattern#GROWTH_PAUSED}), else NaN</li>
 * </ul>
 *
 * @param metric         which metric
 * @param span           the window's samples, span and levels
 * @param window         the statistics over the whole window
 * @param phase          the final phase
 * @param pattern        the shape in words
 * @param verdict        what this metric supports
 * @param score          0..100: the verdict band plus strength
 * @param evidence       how much evidence the growth phase holds
 * @param saturation     steady growth against a warm-up, over the growth phase
 * @param releases       drops that gave back at least the release share of the rise
 * @param largestRelease the largest amount given back in one drop
 * @param pauseSeconds   when growth paused, else NaN
 */
public record MetricTrend(Metric metric, Span span, WindowFit window, PhaseFit phase, Pattern pattern,
        Verdict verdict, double score, Evidence evidence, SaturationFit.Result saturation, int releases,
        double largestRelease, double pauseSeconds) {

    /** The window's samples, span and levels. */
    public record Span(int samples, int points, double startSeconds, double endSeconds, double first, double last,
            double min, double max, double startLevel, double endLevel) {}

    /** The statistics over the whole window, and the shape fitted to it. */
    public record WindowFit(MannKendall.Result trend, TheilSen.Fit slope, double serialFactor, double noise,
            double stepNoise, ShapeFit.Result shape) {}

    /** The final phase: where it starts, its trend and slope, how steadily it rose, and the current behaviour. */
    public record PhaseFit(double startSeconds, MannKendall.Result trend, TheilSen.Fit slope, int samples,
            int monotoneRises, int monotoneSteps, double sinceSeconds, double growthSinceLastLevel) {}

    public int samples() {
        return span.samples();
    }

    public int points() {
        return span.points();
    }

    public double startSeconds() {
        return span.startSeconds();
    }

    public double endSeconds() {
        return span.endSeconds();
    }

    public double first() {
        return span.first();
    }

    public double last() {
        return span.last();
    }

    public double min() {
        return span.min();
    }

    public double max() {
        return span.max();
    }

    public double startLevel() {
        return span.startLevel();
    }

    public double endLevel() {
        return span.endLevel();
    }

    public MannKendall.Result trend() {
        return window.trend();
    }

    public TheilSen.Fit slope() {
        return window.slope();
    }

    public double serialFactor() {
        return window.serialFactor();
    }

    public double noise() {
        return window.noise();
    }

    public double stepNoise() {
        return window.stepNoise();
    }

    public ShapeFit.Result shape() {
        return window.shape();
    }

    public int monotoneRises() {
        return phase.monotoneRises();
    }

    public int monotoneSteps() {
        return phase.monotoneSteps();
    }

    public double phaseStartSeconds() {
        return phase.startSeconds();
    }

    public MannKendall.Result phaseTrend() {
        return phase.trend();
    }

    public TheilSen.Fit phaseSlope() {
        return phase.slope();
    }

    public int phaseSamples() {
        return phase.samples();
    }

    public double sinceSeconds() {
        return phase.sinceSeconds();
    }

    public double growthSinceLastLevel() {
        return phase.growthSinceLastLevel();
    }

    /** End level minus start level. */
    public double growthSinceStart() {
        return endLevel() - startLevel();
    }

    /** The current rate (final phase's Theil–Sen slope) per hour. */
    public double ratePerHour() {
        return phaseSlope().slope() * 3600;
    }

    /** Share of the steps between tenths of the window that rose. */
    public double monotoneShare() {
        return monotoneSteps() == 0 ? 0 : (double) monotoneRises() / monotoneSteps();
    }

    /** Fitted growth over the final phase. */
    public double phaseGrowth() {
        return phaseSlope().slope() * (endSeconds() - phaseStartSeconds());
    }
}
