package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseComparisonTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static Snapshot snap(long second, TagCounters... rows) {
        return new Snapshot(T0.plusSeconds(second), "h", "test", List.of(rows));
    }

    static TagCounters row(String tag, long allocs, long frees, long bytes) {
        return TagCounters.of(PoolTag.parse(tag), PoolType.PAGED, allocs, frees, bytes);
    }

    /**
     * Microsoft's PoolMon Example 4 (windows-driver-docs, devtest/poolmon-examples.md): Drsd before a print job
     * 560 allocs, 539 frees, 17472 bytes; after it 737, 710, 22464: "6 blocks / 4992 bytes leaked", 832 per alloc.
     */
    @Test
    void microsofts_print_driver_example_leaves_six_blocks_behind() {
        PhaseComparison.Result r = PhaseComparison.compare(List.of(snap(0, row("Drsd", 560, 539, 17472))),
                List.of(snap(600, row("Drsd", 737, 710, 22464))), LeakOptions.DEFAULTS);
        PhaseComparison.TagChange c = r.ranked().get(0);
        assertThat(c.count().leftBehind()).isEqualTo(6);
        assertThat(c.bytes().leftBehind()).isEqualTo(4992);
        // one sample per phase cannot measure the noise: likely, not certain
        assertThat(c.verdict()).isEqualTo(Verdict.LIKELY_LEAK);
        assertThat(c.explanation()).contains("4.9 KiB left behind").contains("6 allocations left behind")
                .contains("About 832 B per allocation").contains("One sample per phase");
    }

    @Test
    void several_samples_measure_the_noise() {
        List<Snapshot> before = new ArrayList<>();
        List<Snapshot> after = new ArrayList<>();
        long[] noise = {0, 3, -2, 1, -3};
        for (int i = 0; i < 5; i++) {
            before.add(snap(i * 10L, row("Leak", 1000 + noise[i], 0, 64 * (1000 + noise[i])),
                    row("Fine", 500 + noise[i], 0, 32 * (500 + noise[i]))));
            after.add(snap(1000 + i * 10L, row("Leak", 1100 + noise[4 - i], 0, 64 * (1100 + noise[4 - i])),
                    row("Fine", 502 + noise[4 - i], 0, 32 * (502 + noise[4 - i]))));
        }
        PhaseComparison.Result r = PhaseComparison.compare(before, after, LeakOptions.DEFAULTS);
        assertThat(r.ranked().get(0).key().label()).isEqualTo("Leak");
        assertThat(r.ranked().get(0).verdict()).isEqualTo(Verdict.LEAK);
        assertThat(r.ranked().get(1).key().label()).isEqualTo("Fine");
        assertThat(r.ranked().get(1).verdict()).isEqualTo(Verdict.STABLE);
    }

    @Test
    void memory_still_being_released_after_the_test_is_not_yet_a_leak() {
        List<Snapshot> before = List.of(snap(0, row("Slow", 100, 0, 6400)), snap(10, row("Slow", 101, 0, 6464)));
        List<Snapshot> after = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long c = 400 - 40L * i;
            after.add(snap(1000 + 10L * i, row("Slow", c, 0, 64 * c)));
        }
        PhaseComparison.TagChange c = PhaseComparison.compare(before, after, LeakOptions.DEFAULTS).ranked().get(0);
        assertThat(c.verdict()).isEqualTo(Verdict.GROWING);
        assertThat(c.explanation()).contains("still falling");
    }
}
