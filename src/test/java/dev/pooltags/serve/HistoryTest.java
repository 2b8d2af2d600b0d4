package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static PoolRow row(String tag, long bytes) {
        TagCounters r = TagCounters.of(PoolTag.parse(tag), PoolType.NONPAGED, 0, 0, bytes);
        return new PoolRow(r.key(), tag, "Nonp", "", bytes, 0, 0, 0, true);
    }

    @Test
    void keepsTheLastSamplesAndMeasuresGrowthFromTheOldestHeld() {
        History h = new History(3);
        for (int i = 0; i < 5; i++) {
            h.record(1000L * i, List.of(row("Leak", 100 * i)));
        }
        History.Series s = h.series(row("Leak", 0).key());
        assertThat(s.times()).containsExactly(2000, 3000, 4000);
        assertThat(s.bytes()).containsExactly(200L, 300L, 400L);
        History.Growth g = h.growth().get(row("Leak", 0).key());
        assertThat(g.bytes()).isEqualTo(200);
        assertThat(g.seconds()).isEqualTo(2.0);
        assertThat(g.perHour()).isEqualTo(360_000.0);
    }

    @Test
    void rowsAbsentForAWholeRingAreDroppedSoMemoryStaysBounded() {
        History h = new History(4);
        for (int i = 0; i < 100; i++) {
            // a new tag every sample, as a source with churning tags would give
            h.record(i, List.of(row("Keep", 1), row(String.format("T%03d", i), 1)));
            assertThat(h.rowCount()).isLessThanOrEqualTo(1 + 4);
        }
        History.Series gone = h.series(row("T090", 0).key());
        assertThat(gone).isNull();
        assertThat(h.series(row("T098", 0).key()).bytes()).containsExactly(null, null, 1L, null);
    }
}
