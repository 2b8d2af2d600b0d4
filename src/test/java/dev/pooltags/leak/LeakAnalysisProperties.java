package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Whatever the counters do (wrap, vanish, jump, sit still), every tag gets a verdict and a sentence. */
class LeakAnalysisProperties {
    @Property(tries = 300)
    void every_series_gets_a_verdict_and_an_explanation(
            @ForAll @Size(min = 2, max = 300) List<@LongRange(min = -1, max = 4_294_967_295L) Long> allocs,
            @ForAll @IntRange(min = 0, max = 3600) int interval) {
        List<Snapshot> s = new ArrayList<>();
        Instant t0 = Instant.parse("2026-05-01T00:00:00Z");
        PoolTag tag = PoolTag.parse("Fuzz");
        long step = Math.max(1, interval);
        for (int i = 0; i < allocs.size(); i++) {
            long a = allocs.get(i);
            List<TagCounters> rows = a < 0 ? List.of()
                    : List.of(TagCounters.of(tag, PoolType.PAGED, a, a / 3, (a % 100_000) * 16));
            s.add(new Snapshot(t0.plusSeconds(i * step), "h", "fuzz", rows));
        }
        SeriesCheck.Outcome o = SeriesCheck.check(s);
        if (!o.usable()) {
            assertThat(o.problem()).isNotBlank();
            return;
        }
        LeakResult r = LeakAnalysis.analyze(SeriesTable.of(o.series()), LeakOptions.DEFAULTS, o.notes());
        for (TagVerdict v : r.ranked()) {
            assertThat(v.explanation()).isNotBlank().doesNotContain("NaN").doesNotContain("Infinity");
            assertThat(v.score()).isBetween(0.0, 100.0);
        }
    }
}
