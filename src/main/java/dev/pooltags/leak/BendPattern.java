package dev.pooltags.leak;

import dev.pooltags.threshold.Threshold;

/**
 * A bend after growth: the tag grew, then its growth turned. Falling after it is "shrinking" (the growth is given
 * back); flat after it is "levelled off", stable once the level has held for the level share of the window; rising at
 * under half the earlier rate is "slowing", growing but never a leak: caches fill this way. A pause after growth that
 * was a leak by itself is {@link GrowthPausedPattern}.
 */
final class BendPattern {
    /** A bend whose later slope is under this share of the earlier one is "slowing", not a leak. */
    static final Threshold<Double> SLOWING_RATIO = Threshold.constant("slowing-ratio", Threshold.Unit.SHARE, 0.5,
            "A bend whose later slope is under this share of the earlier one is slowing, not a leak.");

    private BendPattern() {}

    /** Grew, then the growth slowed to under the slowing ratio (or stopped, or turned down). */
    static boolean slowed(FinalPhase p) {
        return p.shape().kind() == ShapeFit.Kind.BEND && p.beforeGrowing()
                && p.after().ts().slope() < SLOWING_RATIO.defaultValue() * p.before().ts().slope();
    }

    /** The judgement of a window whose growth slowed, where it did not pause ({@link GrowthPausedPattern}). */
    static Judgement slowedJudgement(TrendWindow w, FinalPhase p) {
        double likely = w.options().likelyAlpha();
        if (p.after().shrinking(likely)) {
            // grew, then fell: the growth is being given back
            return p.judgement(Pattern.SHRINKING, Verdict.STABLE);
        }
        if (!p.after().growing(likely)) {
            return levelledOff(w, p);
        }
        // still rising, but at under half the earlier rate: caches fill this way; never a leak
        return p.judgement(Pattern.SLOWING, Verdict.GROWING);
    }

    /**
     * A bend from growth to no significant growth that did not count as slowed; null for any other shape. Asked only
     * when the final phase does not grow.
     */
    static Judgement stopped(TrendWindow w, FinalPhase p) {
        if (p.shape().kind() == ShapeFit.Kind.BEND && p.beforeGrowing() && !p.after().growing(w.options().likelyAlpha())) {
            return levelledOff(w, p);
        }
        return null;
    }

    private static Judgement levelledOff(TrendWindow w, FinalPhase p) {
        Verdict verdict = p.phaseShare() >= w.options().levelShare() ? Verdict.STABLE : Verdict.GROWING;
        return p.judgement(Pattern.LEVELLED_OFF, verdict);
    }
}
