package dev.pooltags.leak;

/**
 * The thresholds behind every verdict, each a named option of {@code pooltags leaks} with the default given here.
 *
 * @param alpha           one-sided Mann–Kendall p-value below which growth is significant enough for "leak"
 * @param likelyAlpha     the weaker p-value that still allows "likely leak" and "growing"
 * @param confidence      two-sided confidence of the Theil–Sen slope interval
 * @param minSamples      samples a tag needs for a "leak" verdict (fewer can at most be "likely leak")
 * @param noiseMultiple   growth must exceed this many times the noise (robust scale of the residuals)
 * @param minCountGrowth  smallest growth of outstanding allocations worth a leak verdict
 * @param minBytesGrowth  smallest growth of bytes worth a leak verdict
 * @param levelShare      share of the window a level must have held to call growth "levelled off" or a step
 *                        "one-off" (and the smallest share a growth phase needs to be judged on its own)
 * @param releaseShare    share of its rise a drop must give back to count as a release (sawtooth)
 * @param releaseNoise    a release must also drop at least this many times the sample-to-sample noise
 * @param shapeEvidence   BIC improvement over a straight line that a step or a bend must show to be believed
 * @param maxPoints       longer series are reduced to this many block medians before the rank statistics
 * @param serialCorrelation whether to widen the Mann–Kendall variance for serially correlated samples
 */
public record LeakOptions(double alpha, double likelyAlpha, double confidence, int minSamples, double noiseMultiple,
        long minCountGrowth, long minBytesGrowth, double levelShare, double releaseShare, double releaseNoise,
        double shapeEvidence, int maxPoints, boolean serialCorrelation) {

    public static final LeakOptions DEFAULTS = new LeakOptions(0.001, 0.05, 0.95, 8, 4.0, 10, 65536, 0.2, 0.5, 6.0,
            10.0, 120, true);

    /**
     * The defaults with fewer points per series (48), for a live view that judges every tag on every refresh: the
     * rank statistics cost grows with the square of the points.
     */
    public static LeakOptions live() {
        return DEFAULTS.withMaxPoints(48);
    }

    public LeakOptions {
        check(alpha > 0 && alpha < 1, "alpha must be between 0 and 1");
        check(likelyAlpha >= alpha && likelyAlpha < 1, "likely-alpha must be between alpha and 1");
        check(confidence > 0 && confidence < 1, "confidence must be between 0 and 1");
        check(minSamples >= 3, "min-samples must be at least 3");
        check(noiseMultiple >= 0, "noise-multiple must not be negative");
        check(minCountGrowth >= 0 && minBytesGrowth >= 0, "minimum growths must not be negative");
        check(levelShare > 0 && levelShare < 1, "level-share must be between 0 and 1");
        check(releaseShare > 0 && releaseShare <= 1, "release-share must be between 0 and 1");
        check(releaseNoise >= 0, "release-noise must not be negative");
        check(shapeEvidence >= 0, "shape-evidence must not be negative");
        check(maxPoints >= 16, "max-points must be at least 16");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The smallest growth worth a verdict for a metric. */
    public long minGrowth(Metric m) {
        return m == Metric.COUNT ? minCountGrowth : minBytesGrowth;
    }

    public LeakOptions withMaxPoints(int points) {
        return new LeakOptions(alpha, likelyAlpha, confidence, minSamples, noiseMultiple, minCountGrowth, minBytesGrowth,
                levelShare, releaseShare, releaseNoise, shapeEvidence, points, serialCorrelation);
    }
}
