package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.leak.eval.EvaluationSet.Scenario;
import dev.pooltags.leak.eval.SyntheticRecording;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entry point a live view calls over its running history. */
class LeakAnalysisTest {
    @Test
    void verdicts_by_row_key_over_a_growing_history() {
        List<Snapshot> history = SyntheticRecording.of(List.of(Scenario.FAST_LEAK, Scenario.HEALTHY_NOISE,
                Scenario.SAWTOOTH_RELEASED), 300, 1, 4);
        Map<TagCounters.RowKey, TagVerdict> one = LeakAnalysis.verdicts(history.subList(0, 1), LeakOptions.live());
        assertThat(one).hasSize(3);
        assertThat(one.values()).allMatch(v -> v.verdict() == Verdict.EARLY && v.count().pattern() == Pattern.TOO_SHORT);

        Map<TagCounters.RowKey, TagVerdict> all = LeakAnalysis.verdicts(history, LeakOptions.live());
        TagCounters.RowKey leak = all.keySet().stream().filter(k -> k.tag().equals(PoolTag.parse("Lf00"))).findFirst()
                .orElseThrow();
        assertThat(all.get(leak).verdict()).isEqualTo(Verdict.LEAK);
        assertThat(all.get(leak).decisive().ratePerHour()).isPositive();
        assertThat(all.values().stream().filter(v -> v.verdict() == Verdict.LEAK)).hasSize(1);
    }

    @Test
    void the_live_window_gets_fewer_points_and_the_same_thresholds() {
        assertThat(LeakOptions.live().pointsFor(600)).isEqualTo(48);
        assertThat(LeakOptions.DEFAULTS.pointsFor(601)).isEqualTo(120);
        assertThat(LeakOptions.DEFAULTS.withMaxPoints(30).pointsFor(10_000)).isEqualTo(30);
        assertThat(LeakOptions.live().alpha()).isEqualTo(LeakOptions.DEFAULTS.alpha());
    }

    @Test
    void ranking_puts_leaks_first_and_is_deterministic() {
        List<Snapshot> s = SyntheticRecording.of(List.of(Scenario.HEALTHY_NOISE, Scenario.SLOW_LEAK_HEAVY_NOISE,
                Scenario.PLATEAU_CACHE_LINEAR, Scenario.FAST_LEAK), 240, 30, 8);
        LeakResult a = LeakAnalysis.analyze(s, LeakOptions.DEFAULTS);
        LeakResult b = LeakAnalysis.analyze(s, LeakOptions.DEFAULTS);
        assertThat(a.ranked()).extracting(TagVerdict::key).containsExactlyElementsOf(
                b.ranked().stream().map(TagVerdict::key).toList());
        assertThat(a.ranked().get(0).verdict()).isEqualTo(Verdict.LEAK);
        assertThat(a.ranked().get(a.ranked().size() - 1).verdict()).isEqualTo(Verdict.STABLE);
    }
}
