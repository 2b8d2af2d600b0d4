package dev.pooltags.leak;

import dev.pooltags.threshold.Threshold;
import dev.pooltags.threshold.Threshold.Unit;
import java.util.List;

/**
 * The thresholds behind every verdict, each declared once below as a typed {@link Threshold} with its default and help,
 * from which {@code pooltags leaks} makes its options ({@link #THRESHOLDS}).
 *
 * @param alpha           one-sided Mann–Kendall p-value below which growth is significant enough for "leak"
 * @param likelyAlpha     the weaker p-value that still allows "likely leak" and "growing"
 * @param confidence      two-sided confidence of the Theil–Sen slope interval
 * @param noiseMultiple   growth must exceed this many times the noise (robust scale of the residuals)
 * @param minCountGrowth  smallest growth of outstanding allocations worth a leak verdict
 * @param minBytesGrowth  smallest growth of bytes worth a leak verdict
 * @param levelShare      share of the window a level must have held to call growth "levelled off" or a step
 *                        "one-off" (and the smallest share a growth phase needs to be judged on its own)
 * @param releaseShare    share of its rise a drop must give back to count as a release (sawtooth)
 * @param releaseNoise    a release must also drop at least this many times the sample-to-sample noise
 * @param shapeEvidence   BIC improvement over a straight line that a step or a bend must show to be believed
 * @param maxPoints       longer series are reduced to this many block medians before the rank statistics; 0: as
 *                        many as suit the series ({@link #pointsFor})
 * @param serialCorrelation whether to widen the Mann–Kendall variance for serially correlated samples
 * @param gates           how much evidence "likely leak" and "leak" need: before that a growing tag is "too early"
 */
public record LeakOptions(double alpha, double likelyAlpha, double confidence, double noiseMultiple,
        long minCountGrowth, long minBytesGrowth, double levelShare, double releaseShare, double releaseNoise,
        double shapeEvidence, int maxPoints, boolean serialCorrelation, Gates gates) {

    /**
     * The evidence a growth phase must hold before a leak can be claimed; until then the verdict is "too early".
     * Each number rules something out: the samples and seconds a one-off step, a short burst or a periodic pattern
     * shorter than the phase; the warm-up time constant a queue or cache filling toward its working set (growth
     * must be straight enough, for long enough, that every warm-up faster than this would already have bent
     * away); the fill time the caches and tables that only allocate while they fill.
     *
     * @param likelySamples samples in the growth phase for "likely leak"
     * @param likelySeconds seconds of growth for "likely leak"
     * @param fastSeconds   seconds of growth for "likely leak" when the growth is fast (at least
     *                      {@code fastAllocations} a second or {@code fastBytes} a minute): such a leak exhausts the pool
     *                      soon, so it is named sooner; a warm-up of a working set that fast is rarer than a slow one
     * @param fastAllocations growth of outstanding allocations per second that counts as fast
     * @param fastBytes     growth of bytes per minute that counts as fast
     * @param likelyWarmup  warm-ups with a time constant shorter than this (seconds) must be ruled out for "likely leak"
     * @param leakSamples   samples in the growth phase for "leak"
     * @param leakSeconds   seconds of growth for "leak"
     * @param leakWarmup    warm-ups shorter than this (seconds) must be ruled out for "leak"
     * @param fillSeconds   growth with (almost) no frees, where the source counts frees, must last this long for any
     *                      leak verdict: a cache or table that only allocates while it fills looks like a leak
     *                      until it is full
     */
    public record Gates(int likelySamples, double likelySeconds, double fastSeconds, double fastAllocations,
            double fastBytes, double likelyWarmup, int leakSamples, double leakSeconds, double leakWarmup,
            double fillSeconds) {
        public static final Threshold<Integer> LIKELY_SAMPLES = Threshold.of("likely-samples", "N", Unit.COUNT, 10,
                "Samples of growth a likely leak needs (default ${DEFAULT-VALUE}).");
        public static final Threshold<Integer> LEAK_SAMPLES = Threshold.of("leak-samples", "N", Unit.COUNT, 20,
                "Samples of growth a leak needs (default ${DEFAULT-VALUE}).").alsoKnownAs("--min-samples");
        public static final Threshold<Double> LIKELY_AFTER = Threshold.seconds("likely-after", "DURATION", 60,
                "Growth a likely leak needs (default ${DEFAULT-VALUE}).");
        public static final Threshold<Double> FAST_LIKELY_AFTER = Threshold.seconds("fast-likely-after", "DURATION", 20,
                "Growth a likely leak needs when it is fast: 100 allocations a second or 1 MiB a minute "
                        + "(default ${DEFAULT-VALUE}).");
        public static final Threshold<Double> FAST_ALLOCATIONS = Threshold.constant("fast-allocations", Unit.COUNT,
                100.0, "Growth of outstanding allocations per second that counts as fast.");
        public static final Threshold<Double> FAST_BYTES = Threshold.constant("fast-bytes", Unit.BYTES,
                (double) (1 << 20), "Growth of bytes per minute that counts as fast.");
        public static final Threshold<Double> LEAK_AFTER = Threshold.seconds("leak-after", "DURATION", 90,
                "Growth a leak needs (default ${DEFAULT-VALUE}).");
        public static final Threshold<Double> LIKELY_WARMUP = Threshold.seconds("likely-warmup", "DURATION", 60,
                "A likely leak's growth must be straight enough to rule out every warm-up (a working set "
                        + "or cache filling toward a level) faster than this (default ${DEFAULT-VALUE}).");
        public static final Threshold<Double> LEAK_WARMUP = Threshold.seconds("leak-warmup", "DURATION", 180,
                "The same for a leak (default ${DEFAULT-VALUE}).");
        public static final Threshold<Double> FILL_TIME = Threshold.seconds("fill-time", "DURATION", 300,
                "Growth during which the source counts almost no frees must last this long before it can be "
                        + "a leak: caches and tables fill that way (default ${DEFAULT-VALUE}).");

        public static final Gates DEFAULTS = from(Threshold.Values.defaults());

        /** The gates with the values {@code v} gives their thresholds. */
        public static Gates from(Threshold.Values v) {
            return new Gates(v.get(LIKELY_SAMPLES), v.get(LIKELY_AFTER), v.get(FAST_LIKELY_AFTER),
                    v.get(FAST_ALLOCATIONS), v.get(FAST_BYTES), v.get(LIKELY_WARMUP), v.get(LEAK_SAMPLES),
                    v.get(LEAK_AFTER), v.get(LEAK_WARMUP), v.get(FILL_TIME));
        }

        public Gates {
            check(likelySamples >= 4, "likely-samples must be at least 4");
            check(leakSamples >= likelySamples, "leak-samples must be at least likely-samples");
            check(likelySeconds >= 0 && leakSeconds >= likelySeconds, "leak-after must be at least likely-after, both >= 0");
            check(fastSeconds >= 0 && fastSeconds <= likelySeconds, "fast-likely-after must be between 0 and likely-after");
            check(fastAllocations > 0 && fastBytes > 0, "fast growth rates must be positive");
            check(likelyWarmup >= 0 && leakWarmup >= likelyWarmup, "leak-warmup must be at least likely-warmup, both >= 0");
            check(fillSeconds >= 0, "fill-time must not be negative");
        }

        // here rather than in the enclosing record, which uses it too: calling that record's would initialize it,
        // whose defaults need these
        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    public static final Threshold<Double> ALPHA = Threshold.of("alpha", "P", Unit.PROBABILITY, 0.001,
            "Mann-Kendall p-value for a leak (default ${DEFAULT-VALUE}).");
    public static final Threshold<Double> LIKELY_ALPHA = Threshold.of("likely-alpha", "P", Unit.PROBABILITY, 0.05,
            "p-value for a likely leak or growth (default ${DEFAULT-VALUE}).");
    public static final Threshold<Double> CONFIDENCE = Threshold.of("confidence", "C", Unit.PROBABILITY, 0.95,
            "Confidence of the slope interval (default ${DEFAULT-VALUE}).");
    public static final Threshold<Double> NOISE_MULTIPLE = Threshold.of("noise-multiple", "K", Unit.MULTIPLE, 4.0,
            "Growth must exceed K times the noise (default ${DEFAULT-VALUE}).");
    public static final Threshold<Long> MIN_COUNT_GROWTH = Threshold.of("min-count-growth", "N", Unit.COUNT, 10L,
            "Smallest growth of outstanding allocations for a leak (default ${DEFAULT-VALUE}).");
    public static final Threshold<Long> MIN_BYTES_GROWTH = Threshold.of("min-bytes-growth", "BYTES", Unit.BYTES, 65536L,
            "Smallest growth of bytes for a leak (default ${DEFAULT-VALUE}).");
    public static final Threshold<Double> LEVEL_SHARE = Threshold.of("level-share", "S", Unit.SHARE, 0.2,
            "Share of the window a level must hold to call growth levelled off (default ${DEFAULT-VALUE}).");
    public static final Threshold<Double> RELEASE_SHARE = Threshold.of("release-share", "S", Unit.SHARE, 0.5,
            "Share of its rise a drop must give back to count as a release (default ${DEFAULT-VALUE}).");
    public static final Threshold<Double> RELEASE_NOISE = Threshold.of("release-noise", "K", Unit.MULTIPLE, 6.0,
            "A release must drop K times the sample noise (default ${DEFAULT-VALUE}).");
    public static final Threshold<Double> SHAPE_EVIDENCE = Threshold.of("shape-evidence", "BIC", Unit.MULTIPLE, 10.0,
            "BIC gain a step or bend needs over a line (default ${DEFAULT-VALUE}).");
    public static final Threshold<Integer> MAX_POINTS = Threshold.of("max-points", "N", Unit.COUNT, 0,
            "Longer series are reduced to N block medians (default: 48 up to 600 samples, as top and "
                    + "serve judge their window, 120 for longer series).");
    public static final Threshold<Boolean> SERIAL_CORRELATION = Threshold.of("serial-correlation", "", Unit.SWITCH,
            true, "Widen the Mann-Kendall variance for serially correlated samples (Hamed-Rao correction).");

    /** The thresholds a user sets, in the order {@code pooltags leaks --help} shows them. */
    public static final List<Threshold<?>> THRESHOLDS = List.of(ALPHA, LIKELY_ALPHA, CONFIDENCE, Gates.LIKELY_SAMPLES,
            Gates.LEAK_SAMPLES, Gates.LIKELY_AFTER, Gates.FAST_LIKELY_AFTER, Gates.LEAK_AFTER, Gates.LIKELY_WARMUP,
            Gates.LEAK_WARMUP, Gates.FILL_TIME, NOISE_MULTIPLE, MIN_COUNT_GROWTH, MIN_BYTES_GROWTH, LEVEL_SHARE,
            RELEASE_SHARE, RELEASE_NOISE, SHAPE_EVIDENCE, MAX_POINTS);

    public static final LeakOptions DEFAULTS = from(Threshold.Values.defaults());

    /**
     * The options with the values {@code v} gives their thresholds.
     *
     * @throws IllegalArgumentException naming the threshold at fault when the values do not go together
     */
    public static LeakOptions from(Threshold.Values v) {
        return new LeakOptions(v.get(ALPHA), v.get(LIKELY_ALPHA), v.get(CONFIDENCE), v.get(NOISE_MULTIPLE),
                v.get(MIN_COUNT_GROWTH), v.get(MIN_BYTES_GROWTH), v.get(LEVEL_SHARE), v.get(RELEASE_SHARE),
                v.get(RELEASE_NOISE), v.get(SHAPE_EVIDENCE), v.get(MAX_POINTS), v.get(SERIAL_CORRELATION),
                Gates.from(v));
    }

    /** Samples a live view keeps (ten minutes at one a second); series up to this long get {@link #LIVE_POINTS}. */
    public static final int LIVE_WINDOW = 600;
    /** Points per series up to {@link #LIVE_WINDOW} samples: a live view judges thousands of tags every few seconds. */
    public static final int LIVE_POINTS = 48;
    /** Points per longer series (a recording of hours): finer rank statistics where the time is there. */
    public static final int LONG_POINTS = 120;

    /** The options of a live view: the defaults (a series as long as its window gets 48 points). */
    public static LeakOptions live() {
        return DEFAULTS;
    }

    /**
     * Block medians a series of {@code samples} is reduced to: the set number, or with 0, 48 up to the live window
     * and 120 beyond, so {@code leaks} over ten minutes of samples judges exactly as {@code top} and {@code serve}.
     */
    public int pointsFor(int samples) {
        return maxPoints > 0 ? maxPoints : samples <= LIVE_WINDOW ? LIVE_POINTS : LONG_POINTS;
    }

    public LeakOptions {
        check(alpha > 0 && alpha < 1, "alpha must be between 0 and 1");
        check(likelyAlpha >= alpha && likelyAlpha < 1, "likely-alpha must be between alpha and 1");
        check(confidence > 0 && confidence < 1, "confidence must be between 0 and 1");
        check(noiseMultiple >= 0, "noise-multiple must not be negative");
        check(minCountGrowth >= 0 && minBytesGrowth >= 0, "minimum growths must not be negative");
        check(levelShare > 0 && levelShare < 1, "level-share must be between 0 and 1");
        check(releaseShare > 0 && releaseShare <= 1, "release-share must be between 0 and 1");
        check(releaseNoise >= 0, "release-noise must not be negative");
        check(shapeEvidence >= 0, "shape-evidence must not be negative");
        check(maxPoints == 0 || maxPoints >= 16, "max-points must be at least 16 (or 0: chosen by the series' length)");
        check(gates != null, "gates must be given");
    }

    private static void check(boolean ok, String message) {
        Gates.check(ok, message);
    }

    /** The smallest growth worth a verdict for a metric. */
    public long minGrowth(Metric m) {
        return m == Metric.COUNT ? minCountGrowth : minBytesGrowth;
    }

    public LeakOptions withMaxPoints(int points) {
        return new LeakOptions(alpha, likelyAlpha, confidence, noiseMultiple, minCountGrowth, minBytesGrowth, levelShare,
                releaseShare, releaseNoise, shapeEvidence, points, serialCorrelation, gates);
    }

    public LeakOptions withGates(Gates g) {
        return new LeakOptions(alpha, likelyAlpha, confidence, noiseMultiple, minCountGrowth, minBytesGrowth, levelShare,
                releaseShare, releaseNoise, shapeEvidence, maxPoints, serialCorrelation, g);
    }
}
