package dev.pooltags.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.event.PoolEvent;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScenariosTest {
    @Test
    @DisplayName("the shipped scenarios load and are found by name")
    void shipped() {
        assertThat(Scenarios.all()).extracting(Scenario::name).containsExactly("healthy", "leak-slow", "leak-fast", "cache-plateau",
                "tag-mismatch", "unload-leak", "special-pool-overrun");
        assertThat(Scenarios.byName("leak-slow")).isPresent();
        assertThat(Scenarios.byName("nope")).isEmpty();
        for (Scenario s : Scenarios.all()) {
            assertThat(s.title()).isNotBlank();
            assertThat(s.description()).isNotBlank();
            assertThat(s.interval()).isEqualTo(5_000_000);
        }
    }

    private static List<Snapshot> run(ScenarioSource src) {
        List<Snapshot> out = new ArrayList<>();
        Optional<Snapshot> s;
        while ((s = src.next()).isPresent()) {
            out.add(s.get());
        }
        return out;
    }

    private static long bytes(Snapshot s, String tag, PoolType type) {
        TagCounters r = s.byKey().get(new TagCounters.RowKey(PoolTag.parse(tag), null, type));
        return r == null ? 0 : r.bytes();
    }

    @Test
    @DisplayName("a snapshot at time 0 and one per interval; the same seed gives the same snapshots")
    void snapshotsOverSimulatedTime() {
        Scenario s = Scenarios.byName("healthy").orElseThrow().with(60_000_000, 5_000_000);
        List<Snapshot> a = run(new ScenarioSource(s, 3, ScenarioSource.Pacing.SIMULATED, false, e -> { }));
        List<Snapshot> b = run(new ScenarioSource(s, 3, ScenarioSource.Pacing.SIMULATED, false, e -> { }));
        assertThat(a).hasSize(13);
        assertThat(a.get(0).time()).isEqualTo(ScenarioSource.SIMULATED_EPOCH);
        assertThat(a.get(12).time()).isEqualTo(ScenarioSource.SIMULATED_EPOCH.plusSeconds(60));
        assertThat(a).isEqualTo(b);
        assertThat(a.get(0).source()).isEqualTo("demo:healthy");
        List<Snapshot> c = run(new ScenarioSource(s, 4, ScenarioSource.Pacing.SIMULATED, false, e -> { }));
        assertThat(c.get(12)).isNotEqualTo(a.get(12));
        Snapshot last = a.get(12);
        assertThat(last.totals().get("pool.nonpaged")).isEqualTo(last.totalBytes(PoolType.NONPAGED));
        for (TagCounters r : last.rows()) {
            assertThat(r.bytes() % 16).as("block rounding: %s", r).isZero();
        }
    }

    @Test
    @DisplayName("File's counters start near 2^32 and wrap during the run; Diff stays right")
    void countersWrap() {
        Scenario s = Scenarios.byName("healthy").orElseThrow().with(300_000_000, 60_000_000);
        List<Snapshot> snaps = run(new ScenarioSource(s, 1, ScenarioSource.Pacing.SIMULATED, false, e -> { }));
        TagCounters first = snaps.get(0).byKey().get(new TagCounters.RowKey(PoolTag.parse("File"), null, PoolType.NONPAGED));
        TagCounters last = snaps.get(snaps.size() - 1).byKey().get(new TagCounters.RowKey(PoolTag.parse("File"), null, PoolType.NONPAGED));
        assertThat(first.allocs()).isGreaterThan(4_294_960_000L);
        assertThat(last.allocs()).as("wrapped").isLessThan(100_000L);
        assertThat(last.outstanding()).isBetween(1400L, 1700L);
    }

    @Test
    @DisplayName("leak-slow: NfRx grows every minute, FlCa fills then stays flat")
    void leakSlowShape() {
        List<Snapshot> snaps = run(new ScenarioSource("leak-slow", 1, ScenarioSource.Pacing.SIMULATED));
        assertThat(snaps).hasSize(121);
        long[] nfrx = new long[11];
        long[] flca = new long[11];
        for (int m = 0; m <= 10; m++) {
            nfrx[m] = bytes(snaps.get(m * 12), "NfRx", PoolType.NONPAGED);
            flca[m] = bytes(snaps.get(m * 12), "FlCa", PoolType.PAGED);
        }
        for (int m = 3; m <= 10; m++) {
            assertThat(nfrx[m]).as("minute %d", m).isGreaterThan(nfrx[m - 2]);
        }
        assertThat(nfrx[10] - nfrx[5]).as("about 45 KB a minute").isBetween(150_000L, 350_000L);
        assertThat(flca[2]).isEqualTo(flca[10]).isEqualTo(3000L * 272);
    }

    @Test
    @DisplayName("the trace a scenario emits is in time order and replays to the same per-tag counters")
    void traceIsConsistent() {
        List<PoolEvent> events = new ArrayList<>();
        Scenario s = Scenarios.byName("unload-leak").orElseThrow();
        ScenarioSource src = new ScenarioSource(s, 1, ScenarioSource.Pacing.SIMULATED, false, events::add);
        List<Snapshot> snaps = run(src);
        long last = -1;
        for (PoolEvent e : events) {
            assertThat(e.time()).isGreaterThanOrEqualTo(last);
            last = e.time();
        }
        dev.pooltags.pool.PoolModel replay = new dev.pooltags.pool.PoolModel(dev.pooltags.pool.PoolConfig.defaults().withComplete(true), v -> { });
        events.forEach(replay::apply);
        List<TagCounters> simRows = src.simulation().model().tags().rows();
        List<TagCounters> replayRows = replay.tags().rows();
        assertThat(replayRows).hasSameSizeAs(simRows);
        for (int i = 0; i < simRows.size(); i++) {
            TagCounters a = simRows.get(i);
            TagCounters b = replayRows.get(i);
            assertThat(b.key()).isEqualTo(a.key());
            assertThat(b.bytes()).isEqualTo(a.bytes());
            assertThat(b.outstanding()).as("%s (File's counters start near 2^32 in the simulation only)", a.key()).isEqualTo(a.outstanding());
            if (!a.label().equals("File")) {
                assertThat(b).isEqualTo(a);
            }
        }
        assertThat(src.violations()).extracting(v -> v.rule().id()).containsExactly("unload-with-outstanding");
        assertThat(src.violations().get(0).bugCheck().p4()).isEqualTo(12);
        assertThat(snaps.get(snaps.size() - 1).byKey().get(new TagCounters.RowKey(PoolTag.parse("VdCx"), null, PoolType.NONPAGED)).outstanding())
                .isEqualTo(12);
    }

    @Test
    void scenarioErrorsNameTheField() {
        assertThatThrownBy(() -> Scenario.parse("x.json", "{\"name\":\"x\",\"workloads\":[{\"tag\":\"Ab12\",\"rate\":1,\"siz\":3}]}"))
                .hasMessageContaining("x.json: workload 1 (Ab12): unknown field \"siz\"");
        assertThatThrownBy(() -> Scenario.parse("x.json", "{\"name\":\"x\",\"workloads\":[{\"tag\":\"Ab12\",\"rate\":1,\"size\":\"big\"}]}"))
                .hasMessageContaining("'big' is not a size distribution");
        assertThatThrownBy(() -> Scenario.parse("x.json", "{\"name\":\"x\",\"workloads\":[]}")).hasMessageContaining("no \"workloads\"");
        assertThatThrownBy(() -> Scenario.parse("x.json", "{\"name\":\"Bad Name\"}")).hasMessageContaining("\"name\"");
        assertThatThrownBy(() -> Scenario.parse("x.json", "{")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> new ScenarioSource("nope", 1, ScenarioSource.Pacing.SIMULATED)).hasMessageContaining("leak-slow");
    }
}
