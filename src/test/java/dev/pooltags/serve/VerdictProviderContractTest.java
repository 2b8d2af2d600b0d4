package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pooltags.core.Severity;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the server promises a {@link VerdictProvider}, and what it does with the answers. */
class VerdictProviderContractTest {
    /** A stand-in analysis for this test only: judges the row with the most bytes, fails on the third sample. */
    static final class Recording implements VerdictProvider {
        final List<Snapshot> seen = new ArrayList<>();
        final List<String> threads = new ArrayList<>();

        @Override
        public String title() {
            return "test analysis";
        }

        @Override
        public Map<TagCounters.RowKey, Verdict> observe(Snapshot sample) {
            seen.add(sample);
            threads.add(Thread.currentThread().getName());
            if (seen.size() == 3) {
                throw new IllegalStateException("analysis broke");
            }
            TagCounters top = sample.rows().stream().max(java.util.Comparator.comparingLong(TagCounters::bytes)).get();
            return Map.of(top.key(), new Verdict("suspect " + seen.size(), Severity.WARNING, "sample " + seen.size()));
        }
    }

    @Test
    void everySampleOnceInOrderVerdictsPublishedFailuresCountedAndLastKept() throws Exception {
        Recording provider = new Recording();
        PrometheusRegistry registry = new PrometheusRegistry();
        PoolSampler s = ServeFixtures.sampler(ServeFixtures.cornerSeries(), CardinalityLimit.all(), provider, registry);
        s.sample();
        s.sample();
        JsonNode two = new ObjectMapper().readTree(DashboardData.tags(s.view(), s.history(), provider, 5));
        s.sample(); // the provider throws on this one
        JsonNode three = new ObjectMapper().readTree(DashboardData.tags(s.view(), s.history(), provider, 5));

        assertThat(provider.seen).extracting(Snapshot::time).isSorted().hasSize(3);
        assertThat(provider.threads).containsOnly(Thread.currentThread().getName()); // the one sampler thread
        assertThat(two.get("verdictTitle").asText()).isEqualTo("test analysis");
        assertThat(two.get("verdictsAvailable").asBoolean()).isTrue();
        JsonNode judged = null;
        for (JsonNode row : three.get("rows")) {
            if (row.has("verdict")) {
                assertThat(judged).as("one judged row").isNull();
                judged = row;
            }
        }
        assertThat(judged.get("tag").asText()).isEqualTo("Ntfx");
        assertThat(judged.get("verdict").get("label").asText()).isEqualTo("suspect 2"); // the last good answer
        assertThat(judged.get("verdict").get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(registry.scrape().stream().filter(m -> m.getMetadata().getName().equals("pooltags_verdict_errors"))
                .findFirst().get().getDataPoints().get(0)).extracting(d -> ((io.prometheus.metrics.model.snapshots
                        .CounterSnapshot.CounterDataPointSnapshot) d).getValue()).isEqualTo(1.0);
        assertThat(s.view().samples()).isEqualTo(3); // sampling went on
    }

    @Test
    void withoutAnAnalysisNoVerdictIsMadeUp() throws Exception {
        PoolSampler s = ServeFixtures.sampler(ServeFixtures.cornerSeries(), CardinalityLimit.all(), VerdictProvider.NONE,
                new PrometheusRegistry());
        s.sample();
        s.sample();
        JsonNode tags = new ObjectMapper().readTree(DashboardData.tags(s.view(), s.history(), VerdictProvider.NONE, 5));
        assertThat(tags.get("verdictsAvailable").asBoolean()).isFalse();
        for (JsonNode row : tags.get("rows")) {
            assertThat(row.has("verdict")).isFalse();
        }
        assertThat(tags.findValues("growthBytes")).isNotEmpty(); // measurements are there, labelled as such
    }
}
