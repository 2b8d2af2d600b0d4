package dev.pooltags.leak;

/**
 * What is left when no pattern of growth, step or bend applies: the whole window shrinking (stable), two or three
 * samples that rose (too early: no test can tell a leak from a cache yet), or no significant growth (flat, stable).
 */
final class NoGrowthPattern {
    private NoGrowthPattern() {}

    /** The whole window shrinks beyond chance; else null. */
    static Judgement shrinking(TrendWindow w, FinalPhase p) {
        if (!w.whole().shrinking(w.options().likelyAlpha())) {
            return null;
        }
        return p.judgement(Pattern.SHRINKING, Verdict.STABLE, Double.NaN, w.endLevel() - w.startLevel());
    }

    /** Two or three samples that rose by at least the minimum growth; else null. */
    static Judgement tooShort(TrendWindow w, FinalPhase p) {
        if (!(w.n() < 4 && w.last() - w.first() >= Math.max(1, w.minGrowth()))) {
            return null;
        }
        Judgement j = p.judgement(Pattern.TOO_SHORT, Verdict.EARLY, w.start(), w.last() - w.first());
        return new Judgement(j.pattern(), j.verdict(), j.since(), j.sinceGrowth(),
                new Evidence(w.end() - w.start(), w.n(), 0, false, w.interval(), false), j.saturation(), j.phaseStart(),
                j.phaseTrend(), j.phaseSlope(), j.phaseSamples(), j.phaseRises(), j.phaseSteps());
    }

    /** No significant growth. */
    static Judgement flat(TrendWindow w, FinalPhase p) {
        return p.judgement(Pattern.FLAT, Verdict.STABLE, Double.NaN, w.endLevel() - w.startLevel());
    }
}
