package dev.pooltags.leak;

import java.util.ArrayList;
import java.util.List;

/**
 * How much evidence a growth phase holds, measured against what "likely leak" and "leak" need
 * ({@link LeakOptions.Gates}). Until the growth has lasted long enough, over enough samples, straight enough to rule
 * out a warm-up, a tag that grows like a leak is "too early to judge", and this says what is still missing.
 *
 * @param seconds        span of the growth phase
 * @param samples        samples in the growth phase
 * @param warmupRuledOut every warm-up with a shorter time constant than this (seconds) is ruled out by the data
 *                       ({@link SaturationFit.Result#tauLower()}); positive infinity when only a straight line fits
 * @param fill           the source counts frees and almost none happened while it grew: it may be filling
 * @param interval       the typical time between samples (seconds), to turn missing samples into time
 * @param freedFirst     share of the allocations of the first half of the phase that were freed (NaN: unknown)
 * @param freedSecond    the same for the second half
 * @param catchingUp     frees are catching up with allocations: the second share is higher than the first beyond
 *                       chance (a working set warming up keeps fewer and fewer of its allocations; a leak keeps the
 *                       same share)
 * @param fast           the growth is fast ({@link LeakOptions.Gates#fastAllocations()} a second or
 *                       {@link LeakOptions.Gates#fastBytes()} a minute): "likely leak" needs less time
 */
public record Evidence(double seconds, int samples, double warmupRuledOut, boolean fill, double interval,
        double freedFirst, double freedSecond, boolean catchingUp, boolean fast) {
    /** Share of the allocations of a growth phase that may be freed for it to count as a fill. */
    static final double FILL_FREE_SHARE = 0.02;

    /** No growth phase. */
    public static final Evidence NONE = new Evidence(0, 0, 0, false, 0, Double.NaN, Double.NaN, false, false);

    /** Evidence without free counts. */
    public Evidence(double seconds, int samples, double warmupRuledOut, boolean fill, double interval, boolean fast) {
        this(seconds, samples, warmupRuledOut, fill, interval, Double.NaN, Double.NaN, false, fast);
    }

    /** Seconds of growth {@code v} needs. */
    private double neededSeconds(Verdict v, LeakOptions.Gates g) {
        return v == Verdict.LEAK ? g.leakSeconds() : fast ? g.fastSeconds() : g.likelySeconds();
    }

    /** The strongest verdict this evidence allows: leak, likely leak, or too early. */
    public Verdict allows(LeakOptions.Gates g) {
        if (meets(Verdict.LEAK, g)) {
            return Verdict.LEAK;
        }
        return meets(Verdict.LIKELY_LEAK, g) ? Verdict.LIKELY_LEAK : Verdict.EARLY;
    }

    /** True when this evidence is enough for {@code v} (leak or likely leak). */
    public boolean meets(Verdict v, LeakOptions.Gates g) {
        boolean leak = v == Verdict.LEAK;
        return samples >= (leak ? g.leakSamples() : g.likelySamples())
                && seconds >= neededSeconds(v, g)
                && warmupRuledOut >= (leak ? g.leakWarmup() : g.likelyWarmup())
                && (!fill || seconds >= g.fillSeconds());
    }

    /**
     * About how many more seconds of the same growth {@code v} needs (0 when it is met). The warm-up part is an
     * estimate: the time constants a straight line rules out grow about as the span to the power 1.5.
     */
    public double secondsTo(Verdict v, LeakOptions.Gates g) {
        if (meets(v, g)) {
            return 0;
        }
        boolean leak = v == Verdict.LEAK;
        double need = Math.max(0, neededSeconds(v, g) - seconds);
        int missing = (leak ? g.leakSamples() : g.likelySamples()) - samples;
        if (missing > 0) {
            need = Math.max(need, missing * Math.max(interval, 0));
        }
        if (fill) {
            need = Math.max(need, g.fillSeconds() - seconds);
        }
        double warm = leak ? g.leakWarmup() : g.likelyWarmup();
        if (warmupRuledOut < warm && seconds > 0) {
            // on a straight line the curvature a warm-up would show grows with the square of the span and the
            // points with the span, so what is ruled out grows about as the span to the power 1.5
            double ratio = warmupRuledOut > 0 ? warm / warmupRuledOut : 2;
            need = Math.max(need, seconds * Math.min(Math.pow(ratio, 2.0 / 3) - 1, 4));
        }
        return need;
    }

    /** What is still missing for {@code v}, in words (empty when it is met). */
    public List<String> missing(Verdict v, LeakOptions.Gates g) {
        List<String> out = new ArrayList<>();
        if (meets(v, g)) {
            return out;
        }
        boolean leak = v == Verdict.LEAK;
        double s = neededSeconds(v, g);
        int n = leak ? g.leakSamples() : g.likelySamples();
        double warm = leak ? g.leakWarmup() : g.likelyWarmup();
        if (seconds < s) {
            out.add(Quantity.duration(s) + " of growth (" + Quantity.duration(seconds) + " so far)");
        }
        if (samples < n) {
            out.add(n + " samples (" + samples + " so far)");
        }
        if (warmupRuledOut < warm) {
            out.add("growth straight enough to rule out a warm-up faster than " + Quantity.duration(warm)
                    + (warmupRuledOut > 0 ? " (so far faster than " + Quantity.duration(warmupRuledOut) + ")" : ""));
        }
        if (fill && seconds < g.fillSeconds()) {
            out.add(Quantity.duration(g.fillSeconds()) + " of growth, as almost nothing was freed while it grew (a cache or"
                    + " table filling up looks like this until it is full)");
        }
        return out;
    }
}
