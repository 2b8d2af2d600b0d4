package dev.pooltags.leak;

/**
 * Growth paused: growth that was a leak (or likely one) by itself, followed by a short flat stretch. A leak that pauses
 * for a few samples has not become a cache: it keeps the growth phase's verdict, rate and evidence.
 */
final class GrowthPausedPattern {
    private GrowthPausedPattern() {}

    /**
     * The trend of a window whose growth stopped at the bend, when the growth before was a leak or likely one and the
     * pause is short enough; else null.
     */
    static MetricTrend judge(TrendWindow w, FinalPhase p) {
        if (!BendPattern.slowed(p) || p.after().shrinking(w.options().likelyAlpha())
                || p.after().growing(w.options().likelyAlpha())) {
            return null;
        }
        int growthEnd = p.firstSample(w);
        MetricTrend growth = growthEnd - w.from() >= 3
                ? TrendAnalysis.analyze(w.metric(), w.t(), w.values(), w.counts(), w.from(), growthEnd, w.options())
                : null;
        double pause = w.end() - p.phaseStart();
        if (growth != null && growth.verdict().atLeast(Verdict.LIKELY_LEAK)
                && (growth.pattern() == Pattern.STEADY_GROWTH || growth.pattern() == Pattern.GROWTH_AFTER_LEVEL)
                && pause <= pauseLimit(growth, w.options())) {
            return paused(growth, w, p);
        }
        return null;
    }

    /**
     * How long growth may pause and keep its verdict: a quarter of its own length, and never less than the time a
     * likely leak needs (so one quiet stretch of a fast leak is not mistaken for a full cache).
     */
    static double pauseLimit(MetricTrend growth, LeakOptions o) {
        double growthSpan = growth.endSeconds() - growth.phaseStartSeconds();
        return Math.max(o.gates().likelySeconds(), 0.25 * growthSpan);
    }

    /** A leak whose growth paused: the growth phase's verdict, rate and evidence, over the whole window. */
    private static MetricTrend paused(MetricTrend g, TrendWindow w, FinalPhase p) {
        TrendPhase whole = w.whole();
        return new MetricTrend(g.metric(), w.span(g.points()), new MetricTrend.WindowFit(whole.mk(), whole.ts(),
                whole.factor(), p.noise(), w.stepNoise(), p.shape()), g.phase(), Pattern.GROWTH_PAUSED, g.verdict(),
                g.score(), g.evidence(), g.saturation(), 0, 0, p.phaseStart());
    }
}
