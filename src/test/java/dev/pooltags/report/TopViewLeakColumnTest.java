package dev.pooltags.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.leak.LiveLeaks;
import dev.pooltags.live.LiveSampling;
import dev.pooltags.snapshot.RowOrder;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** top's Leak column: the live leak analysis over the running history, and the v key that sorts by it. */
class TopViewLeakColumnTest {
    @Test
    void aSteadyLeakIsTooEarlyFirstThenALeakWithHowLongItHeldAndSortedFirst() {
        LiveSampling loop = new LiveSampling(() -> null, LiveLeaks.defaults()); // the live loop feeds the window
        TopView view = new TopView(SnapshotColumn.standard(true, null), null, RowOrder.BYTES, loop.leaks());
        Random noise = new Random(7);
        long leakAllocs = 0;
        long leakFrees = 0;
        List<String> at20 = null;
        for (int i = 0; i < 150; i++) {
            // Leak allocates 30 blocks a second and frees all but about 10; Big is larger but flat with noise;
            // Chrn comes and goes
            leakAllocs += 30;
            leakFrees += 18 + noise.nextInt(5);
            long churn = 500 + noise.nextInt(40);
            Snapshot sample = new Snapshot(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "h", "test", List.of(
                    TagCounters.of(PoolTag.parse("Leak"), PoolType.NONPAGED, leakAllocs, leakFrees,
                            (leakAllocs - leakFrees) * 4096),
                    TagCounters.of(PoolTag.parse("Big "), PoolType.PAGED, 5000 + i * 50L, i * 50L, 80_000_000 + noise.nextInt(4096)),
                    TagCounters.of(PoolTag.parse("Chrn"), PoolType.NONPAGED, 10_000 + i * 600L, 10_000 + i * 600L - churn, churn * 128)));
            loop.observe(sample);
            view.sample(sample);
            if (i == 19) {
                at20 = view.render(120, 20).lines();
            }
        }
        // after 20 s the leak is too early to judge: an ellipsis and the time it still needs
        String early = at20.stream().filter(l -> l.startsWith("Leak ")).findFirst().orElseThrow();
        assertThat(early).contains("\u2026").doesNotContain("LEAK").doesNotContain("likely");
        List<String> lines = view.render(120, 20).lines();
        String header = lines.stream().filter(l -> l.startsWith("Tag ")).findFirst().orElseThrow();
        assertThat(header).contains("Leak");
        String leakRow = lines.stream().filter(l -> l.startsWith("Leak ")).findFirst().orElseThrow();
        assertThat(leakRow).containsPattern("LEAK \\d+s");
        assertThat(lines.stream().filter(l -> l.startsWith("'Big '")).findFirst().orElseThrow()).doesNotContain("LEAK");
        // sorted by bytes, Big comes first; v puts the leak on top, and the header says the order as it is
        assertThat(view.rows().get(0).key().label()).isEqualTo("Big ");
        view.key("v", 10);
        assertThat(view.rows().get(0).key().label()).isEqualTo("Leak");
        assertThat(view.render(120, 20).lines()).anyMatch(l -> l.startsWith("sort verdict, then bytes "));
        view.key("v", 10);
        assertThat(view.rows().get(0).key().label()).isEqualTo("Big ");
    }

    @Test
    void withoutLeakAnalysisTheKeySaysSo() {
        TopView view = new TopView(SnapshotColumn.standard(true, null), null, RowOrder.BYTES);
        view.key("v", 10);
        assertThat(view.render(100, 10).lines()).anyMatch(l -> l.contains("no Leak column"));
    }
}
