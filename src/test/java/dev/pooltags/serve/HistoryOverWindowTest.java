package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.LiveLeaks;
import dev.pooltags.leak.SampleWindow;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With leak verdicts the dashboard's history reads the leak window's samples and charts what its own ring would. */
class HistoryOverWindowTest {
    /** Sample i: a growing tag, a tag present in every third sample, a new tag each sample, a repeated row. */
    private static Snapshot sample(int i) {
        List<TagCounters> rows = new ArrayList<>();
        rows.add(TagCounters.of(PoolTag.parse("Grow"), PoolType.NONPAGED, 10 + i, 0, 100L * i));
        if (i % 3 == 0) {
            rows.add(TagCounters.of(PoolTag.parse("Seld"), PoolType.PAGED, 5, 1, 64 + i));
        }
        rows.add(TagCounters.of(PoolTag.parse(String.format("N%03d", i)), PoolType.PAGED, 1, 0, 16));
        rows.add(TagCounters.of(PoolTag.parse("Twic"), PoolType.PAGED, 2, 0, 32));
        rows.add(TagCounters.of(PoolTag.parse("Twic"), PoolType.PAGED, 3, 0, 48 + i));
        return new Snapshot(ServeFixtures.T0.plusSeconds(5L * i), "h", "test", rows);
    }

    private static List<PoolRow> published(Snapshot s) {
        Map<TagCounters.RowKey, Long> bytes = new java.util.LinkedHashMap<>();
        s.rows().forEach(r -> bytes.merge(r.key(), r.bytes(), Long::sum));
        List<PoolRow> out = new ArrayList<>();
        bytes.forEach((k, b) -> out.add(new PoolRow(k, k.toString(), "Paged", "", b, 0, 0, 0, true)));
        return out;
    }

    @Test
    void aHistoryOverTheLeakWindowChartsWhatItsOwnRingWould() {
        History ring = new History(7);
        SampleWindow window = new SampleWindow(10);
        History view = new History(7).over(window);
        for (int i = 0; i < 25; i++) {
            Snapshot s = sample(i);
            ring.record(s.time().toEpochMilli(), published(s));
            window.add(s);
            view.record(s.time().toEpochMilli(), published(s)); // ignored: the sample is in the window already
            assertThat(view.size()).isEqualTo(ring.size());
            assertThat(view.spanSeconds()).isEqualTo(ring.spanSeconds());
            assertThat(view.rowCount()).isEqualTo(ring.rowCount());
            assertThat(view.growth()).isEqualTo(ring.growth());
            for (String tag : List.of("Grow", "Seld", "Twic", String.format("N%03d", i), String.format("N%03d", i - 3),
                    String.format("N%03d", Math.max(0, i - 9)))) {
                TagCounters.RowKey key = TagCounters.of(PoolTag.parse(tag), tag.equals("Grow") ? PoolType.NONPAGED
                        : PoolType.PAGED, 0, 0, 0).key();
                History.Series a = ring.series(key);
                History.Series b = view.series(key);
                assertThat(b == null).as(tag).isEqualTo(a == null);
                if (a != null) {
                    assertThat(b.times()).isEqualTo(a.times());
                    assertThat(b.bytes()).as(tag).isEqualTo(a.bytes());
                }
            }
        }
        assertThat(view.capacity()).isEqualTo(7);
    }

    @Test
    void aWindowSmallerThanTheHistoryLeavesTheHistoryItsOwnRing() {
        History h = new History(60);
        assertThat(h.over(new SampleWindow(59))).isSameAs(h);
        assertThat(h.over(new SampleWindow(60))).isNotSameAs(h);
    }

    @Test
    void theSamplerKeepsOneWindowWhenItJudgesLeaks() {
        LiveLeaks leaks = new LiveLeaks(600, 5, LeakOptions.live());
        List<Snapshot> series = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            series.add(sample(i));
        }
        series.add(sample(11)); // a repeated time stamp: the leak window drops it, a ring of its own would chart it
        PoolSampler s = ServeFixtures.sampler(series, CardinalityLimit.all(), new LeakVerdicts(leaks),
                new PrometheusRegistry());
        while (s.sample()) {
            assertThat(s.history().size()).isEqualTo(leaks.sampleWindow().size());
        }
        assertThat(leaks.sampleWindow().size()).isEqualTo(12);
        assertThat(s.history().series(series.get(0).rows().get(0).key()).bytes()).hasSize(12).startsWith(0L, 100L);
    }
}
