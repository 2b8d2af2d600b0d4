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

class SeriesCheckTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static Snapshot snap(long second, String host, long allocs, long frees, long bytes) {
        return new Snapshot(T0.plusSeconds(second), host, "test",
                List.of(TagCounters.of(PoolTag.parse("MyBf"), PoolType.NONPAGED, allocs, frees, bytes)));
    }

    @Test
    void no_samples_and_one_sample_are_problems_with_a_way_out() {
        assertThat(SeriesCheck.check(List.of()).problem()).isEqualTo("no snapshots in the input");
        SeriesCheck.Outcome one = SeriesCheck.check(List.of(snap(0, "h", 5, 1, 100)));
        assertThat(one.usable()).isFalse();
        assertThat(one.problem()).startsWith("only one snapshot (2026-03-01 10:00:00Z, 1 tag)")
                .contains("at least two").contains("--baseline");
        Snapshot two = new Snapshot(T0, "h", "test", List.of(
                TagCounters.of(PoolTag.parse("MyBf"), PoolType.NONPAGED, 5, 1, 100),
                TagCounters.of(PoolTag.parse("Ntfx"), PoolType.PAGED, 7, 2, 300)));
        assertThat(SeriesCheck.check(List.of(two)).problem()).startsWith("only one snapshot (2026-03-01 10:00:00Z, 2 tags)");
    }

    @Test
    void exact_duplicates_are_dropped_and_different_samples_at_one_time_are_a_problem() {
        SeriesCheck.Outcome dup = SeriesCheck.check(List.of(snap(0, "h", 5, 1, 100), snap(0, "h", 5, 1, 100),
                snap(60, "h", 6, 1, 120)));
        assertThat(dup.usable()).isTrue();
        assertThat(dup.series()).hasSize(2);
        assertThat(dup.notes()).containsExactly("1 snapshot repeated another with the same time and rows and was dropped");

        SeriesCheck.Outcome clash = SeriesCheck.check(List.of(snap(0, "h", 5, 1, 100), snap(0, "h", 9, 1, 100)));
        assertThat(clash.problem()).startsWith("two different snapshots have the same time 2026-03-01 10:00:00Z");

        SeriesCheck.Outcome onlyDup = SeriesCheck.check(List.of(snap(0, "h", 5, 1, 100), snap(0, "h", 5, 1, 100)));
        assertThat(onlyDup.problem()).startsWith("only one snapshot");
    }

    @Test
    void two_machines_are_a_problem() {
        SeriesCheck.Outcome o = SeriesCheck.check(List.of(snap(0, "alpha", 5, 1, 100), snap(60, "beta", 5, 1, 100)));
        assertThat(o.problem()).startsWith("the samples come from 2 machines (alpha, beta)");
    }

    @Test
    void gaps_sources_and_restarts_are_noted() {
        List<Snapshot> s = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            s.add(snap(i * 60L, "h", 1000 + i, 10, 100));
        }
        s.add(snap(9 * 60 + 5 * 3600, "h", 1020, 10, 100));
        s.add(new Snapshot(T0.plusSeconds(9 * 60 + 5 * 3600 + 60), "h", "other", s.get(0).rows()));
        SeriesCheck.Outcome o = SeriesCheck.check(s);
        assertThat(o.usable()).isTrue();
        assertThat(o.notes()).anyMatch(n -> n.startsWith("no samples for 5h 00m between 2026-03-01 10:09:00Z"))
                .anyMatch(n -> n.startsWith("the samples come from 2 sources (test, other)"));

        List<Snapshot> reboot = new ArrayList<>();
        List<TagCounters> before = new ArrayList<>();
        List<TagCounters> after = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            PoolTag tag = PoolTag.ofMemoryText("Tg0" + i);
            before.add(TagCounters.of(tag, PoolType.PAGED, 900_000 + i, 800_000, 4096));
            after.add(TagCounters.of(tag, PoolType.PAGED, 500 + i, 400, 4096));
        }
        reboot.add(new Snapshot(T0, "h", "test", before));
        reboot.add(new Snapshot(T0.plusSeconds(600), "h", "test", after));
        assertThat(SeriesCheck.check(reboot).notes()).anyMatch(n -> n.contains("the machine restarted?"));
    }
}
