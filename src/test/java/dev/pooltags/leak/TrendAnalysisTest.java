package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.leak.eval.EvaluationSet;
import dev.pooltags.leak.eval.EvaluationSet.Scenario;
import dev.pooltags.snapshot.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** One verdict test per scenario: several series of each, the verdict checked against the truth. */
class TrendAnalysisTest {
    static TagVerdict judge(EvaluationSet.Track track, int interval) {
        List<Snapshot> s = new ArrayList<>();
        Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
        for (int i = 0; i < track.rows().length; i++) {
            s.add(new Snapshot(t0.plusSeconds((long) i * interval), "h", "test",
                    track.rows()[i] == null ? List.of() : List.of(track.rows()[i])));
        }
        return LeakAnalysis.analyze(s, LeakOptions.DEFAULTS).ranked().get(0);
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void each_scenario_gets_the_right_answer_on_clear_cases(Scenario sc) {
        Random r = new Random(100 + sc.ordinal());
        int wrong = 0;
        StringBuilder why = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            TagVerdict v = judge(EvaluationSet.track(sc, i, 240, r), 30);
            boolean calledLeak = v.verdict() == Verdict.LEAK;
            if (calledLeak != sc.leak()) {
                wrong++;
                why.append(v.verdict()).append(": ").append(v.explanation()).append('\n');
            }
            if (sc.plateau()) {
                assertThat(v.verdict()).as("a plateauing cache is never a leak: " + v.explanation()).isNotEqualTo(Verdict.LEAK);
            }
        }
        // the hardest kinds (correlated wandering, sparse staircases) may miss one in six
        assertThat(wrong).as(why.toString()).isLessThanOrEqualTo(1);
    }

    @Test
    void a_steady_leak_is_explained_with_its_rate_interval_and_test() {
        long[] v = new long[100];
        double[] t = new double[100];
        Random r = new Random(3);
        for (int i = 0; i < v.length; i++) {
            t[i] = i * 60;
            v[i] = 5000 + 20L * i + Math.round(15 * r.nextGaussian());
        }
        MetricTrend m = TrendAnalysis.analyze(Metric.COUNT, t, v, 0, v.length, LeakOptions.DEFAULTS);
        assertThat(m.verdict()).isEqualTo(Verdict.LEAK);
        assertThat(m.pattern()).isEqualTo(Pattern.STEADY_GROWTH);
        assertThat(m.ratePerHour()).isBetween(1150.0, 1250.0); // 20 per minute
        assertThat(m.phaseSlope().lower()).isPositive();
        assertThat(m.phaseTrend().pIncreasing()).isLessThan(1e-6);
        assertThat(m.monotoneRises()).isGreaterThanOrEqualTo(8);
        assertThat(m.score()).isGreaterThanOrEqualTo(75);
    }

    @Test
    void two_samples_are_too_early_and_a_constant_is_stable() {
        double[] t = {0, 3600};
        MetricTrend two = TrendAnalysis.analyze(Metric.COUNT, t, new long[] {100, 900}, 0, 2, LeakOptions.DEFAULTS);
        assertThat(two.verdict()).isEqualTo(Verdict.EARLY);
        assertThat(two.pattern()).isEqualTo(Pattern.TOO_SHORT);
        MetricTrend flat = TrendAnalysis.analyze(Metric.BYTES, new double[] {0, 1, 2, 3}, new long[] {7, 7, 7, 7}, 0, 4,
                LeakOptions.DEFAULTS);
        assertThat(flat.pattern()).isEqualTo(Pattern.CONSTANT);
        assertThat(flat.verdict()).isEqualTo(Verdict.STABLE);
        MetricTrend one = TrendAnalysis.analyze(Metric.BYTES, new double[] {0}, new long[] {7}, 0, 1, LeakOptions.DEFAULTS);
        assertThat(one.pattern()).isEqualTo(Pattern.TOO_SHORT);
    }

    @Test
    void memory_given_back_is_released_not_leaked() {
        // grew from 2,655 to 39,511 outstanding, then the fixed driver: 312 (microsoft/Windows-Dev-Performance#137)
        MetricTrend m = TrendAnalysis.analyze(Metric.COUNT, new double[] {75, 65_100, 68_700},
                new long[] {2655, 39511, 312}, 0, 3, LeakOptions.DEFAULTS);
        assertThat(m.pattern()).isEqualTo(Pattern.RELEASED);
        assertThat(m.verdict()).isEqualTo(Verdict.STABLE);
        assertThat(m.largestRelease()).isEqualTo(39511 - 312);
    }
}
