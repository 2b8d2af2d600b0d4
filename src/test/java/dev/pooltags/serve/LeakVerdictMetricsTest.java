package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.core.Severity;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.LiveLeaks;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: pooltags' own leak verdict is exported per tag ({@code pooltags_tag_leak_verdict}, 0 stable to 4 leak, and
 * {@code pooltags_tag_leak_score}), so a fleet can alert on it; rows without a verdict of the leak analysis get none.
 */
class LeakVerdictMetricsTest {
    private static Map<String, Double> gauge(PrometheusRegistry registry, String name) {
        Map<String, Double> out = new TreeMap<>();
        for (MetricSnapshot m : registry.scrape()) {
            if (m.getMetadata().getPrometheusName().equals(name)) {
                for (GaugeDataPointSnapshot d : ((GaugeSnapshot) m).getDataPoints()) {
                    out.put(d.getLabels().get("tag") + "/" + d.getLabels().get("pool"), d.getValue());
                }
            }
        }
        return out;
    }

    @Test
    void theStateAndScoreOfEachJudgedRowAreExportedAndOtherAnalysesVerdictsAreNot() {
        VerdictProvider provider = new VerdictProvider() {
            @Override
            public String title() {
                return "fixed";
            }

            @Override
            public Map<TagCounters.RowKey, Verdict> observe(Snapshot sample) {
                Map<TagCounters.RowKey, Verdict> m = new java.util.HashMap<>();
                for (TagCounters r : sample.rows()) {
                    if (r.tag() != null && r.tag().toString().equals("Ntfx")) {
                        m.put(r.key(), new Verdict("LEAK", Severity.ERROR, "grows", 4, 87.5, 1000));
                    } else {
                        m.put(r.key(), new Verdict("other", Severity.NOTE, "not a leak state")); // no level
                    }
                }
                return Map.copyOf(m);
            }
        };
        PrometheusRegistry registry = new PrometheusRegistry();
        PoolSampler s = ServeFixtures.sampler(ServeFixtures.cornerSeries(), CardinalityLimit.all(), provider, registry);
        s.sample();
        s.sample(); // the metrics of a sample carry the verdicts of the samples before it (the provider runs after)
        Map<String, Double> verdict = gauge(registry, "pooltags_tag_leak_verdict");
        assertThat(verdict).isNotEmpty().allSatisfy((k, v) -> assertThat(k).startsWith("Ntfx/"));
        assertThat(verdict.values()).containsOnly(4.0);
        assertThat(gauge(registry, "pooltags_tag_leak_score").values()).containsOnly(87.5);
    }

    @Test
    void theLiveLeakAnalysisMarksTheGrowingTagAndLeavesTheSteadyOneStable() {
        List<Snapshot> series = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long la = 100 + 10L * i;
            long lf = 50 + 2L * i;
            long fa = 1000 + 20L * i;
            series.add(new Snapshot(ServeFixtures.T0.plusSeconds(5L * i), "host1", "replay:test", List.of(
                    TagCounters.of(PoolTag.parse("Leak"), PoolType.NONPAGED, la, lf, (la - lf) * 256),
                    TagCounters.of(PoolTag.parse("Flat"), PoolType.PAGED, fa, fa - 5, 5 * 128))));
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        PoolSampler s = ServeFixtures.sampler(series, CardinalityLimit.all(),
                new LeakVerdicts(new LiveLeaks(600, 5, LeakOptions.live())), registry);
        for (int i = 0; i < series.size(); i++) {
            s.sample();
        }
        Map<String, Double> verdict = gauge(registry, "pooltags_tag_leak_verdict");
        assertThat(verdict.get("Leak/Nonp")).as("300 s of straight growth: %s", verdict).isGreaterThanOrEqualTo(3.0);
        assertThat(verdict.get("Flat/Paged")).as("a steady tag: %s", verdict).isEqualTo(0.0);
        Map<String, Double> score = gauge(registry, "pooltags_tag_leak_score");
        assertThat(score.get("Leak/Nonp")).isGreaterThan(score.get("Flat/Paged")).isBetween(50.0, 100.0);
    }
}
