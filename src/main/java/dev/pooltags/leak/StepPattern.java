package dev.pooltags.leak;

/**
 * A one-off step: one jump and no significant growth after it. Level since the step: stable once the level has held
 * for the level share of the window (a step down is stable at once), growing while it is more recent.
 */
final class StepPattern {
    private StepPattern() {}

    /** The judgement, or null when the shape is not a step. Asked only when the final phase does not grow. */
    static Judgement judge(TrendWindow w, FinalPhase p) {
        if (p.shape().kind() != ShapeFit.Kind.STEP) {
            return null;
        }
        int j = p.j();
        boolean up = TheilSen.median(w.y(), j, w.m()) > TheilSen.median(w.y(), 0, j);
        Verdict verdict = !up || p.phaseShare() >= w.options().levelShare() ? Verdict.STABLE : Verdict.GROWING;
        return p.judgement(Pattern.STEP, verdict);
    }
}
