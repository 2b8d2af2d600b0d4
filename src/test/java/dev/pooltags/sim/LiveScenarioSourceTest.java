package dev.pooltags.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.tag.PoolType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "Time and numbers that must be right": the {@code demo:} source of top, record and serve stamps each
 * sample with the moment it is taken, at whatever interval it is asked, so rates are right. (It used to advance one
 * simulated second per call: sampled every 2 s, its samples were stamped 1 s apart and rates came out twice too
 * high.) A test clock makes this exact: no wall-clock time is asserted here.
 */
class LiveScenarioSourceTest {
    @Test
    void everyScenarioIsStampedWithTheMomentOfTheSampleAtEveryInterval() {
        for (Scenario s : Scenarios.all()) {
            for (long intervalMs : new long[] {1000, 2000, 5000, 700}) {
                AtomicLong nanos = new AtomicLong(123_456_789L);
                Instant before = Instant.now();
                ScenarioSource src = ScenarioSource.live(s, nanos::get);
                Instant after = Instant.now();
                Snapshot first = src.next().orElseThrow();
                assertThat(first.time()).as(s.name()).isBetween(before, after);
                for (int i = 1; i <= 6; i++) {
                    nanos.addAndGet(intervalMs * 1_000_000);
                    Snapshot x = src.next().orElseThrow();
                    assertThat(Duration.between(first.time(), x.time())).as(s.name() + " every " + intervalMs + " ms, sample " + i)
                            .isEqualTo(Duration.ofMillis(i * intervalMs));
                }
            }
        }
    }

    @Test
    void theSimulationRunsAsFarAsTheClockNotOneSecondPerSample() {
        // leak-fast sampled every 5 s for a minute leaks as much as the simulated minute does, not 12 seconds' worth
        Scenario s = Scenarios.byName("leak-fast").orElseThrow();
        AtomicLong nanos = new AtomicLong();
        ScenarioSource live = ScenarioSource.live(s, nanos::get);
        Snapshot first = live.next().orElseThrow();
        Snapshot last = first;
        for (int i = 0; i < 12; i++) {
            nanos.addAndGet(5_000_000_000L);
            last = live.next().orElseThrow();
        }
        List<Snapshot> simulated = new java.util.ArrayList<>();
        ScenarioSource bounded = new ScenarioSource(s.with(60_000_000L, 60_000_000L), s.seed(), ScenarioSource.Pacing.SIMULATED, false,
                e -> { });
        for (var x = bounded.next(); x.isPresent(); x = bounded.next()) {
            simulated.add(x.get());
        }
        assertThat(Duration.between(first.time(), last.time())).isEqualTo(Duration.ofMinutes(1));
        assertThat(last.totalBytes(PoolType.NONPAGED)).isEqualTo(simulated.get(simulated.size() - 1).totalBytes(PoolType.NONPAGED));
    }

    @Test
    void aClockThatGoesBackNeverMakesTimeGoBack() {
        AtomicLong nanos = new AtomicLong(10_000_000_000L);
        ScenarioSource src = ScenarioSource.live(Scenarios.byName("healthy").orElseThrow(), nanos::get);
        Snapshot a = src.next().orElseThrow();
        nanos.addAndGet(3_000_000_000L);
        Snapshot b = src.next().orElseThrow();
        nanos.addAndGet(-2_000_000_000L);
        Snapshot c = src.next().orElseThrow();
        assertThat(b.time()).isAfter(a.time());
        assertThat(c.time()).isEqualTo(b.time());
    }
}
