package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.leak.eval.EvalCase;
import dev.pooltags.leak.eval.Evaluation;
import dev.pooltags.leak.eval.EvaluationSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quality targets, measured over the whole evaluation set (the same set `bench leaks --evaluate` runs). */
class EvaluationTest {
    @Test
    void precision_and_recall_of_leak_verdicts_meet_the_targets() {
        List<EvalCase> set = EvaluationSet.generate(1);
        assertThat(set).hasSizeGreaterThanOrEqualTo(200);
        Evaluation.Report r = Evaluation.run(set, LeakOptions.DEFAULTS);
        assertThat(r.precision()).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(r.recall()).as("recall").isGreaterThanOrEqualTo(0.90);
        assertThat(r.plateausCalledLeak()).isZero();
        assertThat(r.scenarios()).hasSize(EvaluationSet.Scenario.values().length);
    }

    @Test
    void the_set_is_the_same_for_the_same_seed() {
        List<EvalCase> a = EvaluationSet.generate(5);
        List<EvalCase> b = EvaluationSet.generate(5);
        assertThat(a).hasSameSizeAs(b);
        assertThat(a.get(17).snapshots()).isEqualTo(b.get(17).snapshots());
    }
}
