package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.sim.Scenarios;
import dev.pooltags.snapshot.RecordingReader;
import dev.pooltags.snapshot.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code record --source demo:leak-fast --interval 2s} wrote samples stamped 1 s apart, so {@code leaks}
 * reported rates twice too high. Every demo scenario recorded at 1 s, 2 s and 5 s (all at once, about 11 s of wall
 * clock): every stamp lies inside the run's wall-clock window, and sample n is stamped no earlier than n
 * intervals after the first (the recorder sleeps until then; the old source stamped them one second apart).
 */
class RecordDemoTimestampsTest {
    record Run(String scenario, Duration interval, Instant before, Instant after, List<Snapshot> samples, CliRun cli) {}

    @Test
    void everyScenarioAtEveryIntervalIsStampedWithTheWallClock(@TempDir Path dir) throws Exception {
        List<Duration> intervals = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5));
        ExecutorService pool = Executors.newFixedThreadPool(Scenarios.NAMES.size() * intervals.size());
        try {
            List<Future<Run>> runs = new ArrayList<>();
            for (String scenario : Scenarios.NAMES) {
                for (Duration interval : intervals) {
                    runs.add(pool.submit(() -> {
                        Path out = dir.resolve(scenario + "-" + interval.toSeconds() + "s.rec");
                        long every = interval.toSeconds();
                        Instant before = Instant.now();
                        CliRun cli = CliRun.of("record", "--source", "demo:" + scenario, "--interval", every + "s",
                                "--duration", (2 * every) + "s", "-o", out.toString());
                        Instant after = Instant.now();
                        List<Snapshot> samples = cli.code() == 0 ? RecordingReader.readAll(out).samples() : List.of();
                        return new Run(scenario, interval, before, after, samples, cli);
                    }));
                }
            }
            for (Future<Run> f : runs) {
                Run r = f.get();
                String what = r.scenario() + " every " + r.interval().toSeconds() + "s";
                assertThat(r.cli().code()).as(what + ": " + r.cli().err()).isZero();
                assertThat(r.samples()).as(what).hasSize(2); // at 0 and 1 interval of a 2-interval run
                Instant first = r.samples().get(0).time();
                for (int n = 0; n < r.samples().size(); n++) {
                    Instant t = r.samples().get(n).time();
                    assertThat(t).as(what + " sample " + n).isBetween(r.before(), r.after());
                    Duration since = Duration.between(first, t);
                    Duration due = r.interval().multipliedBy(n);
                    // never earlier than due (the recorder sleeps until then); how much later depends on the machine's
                    // load, and the wall-clock window above bounds it without a flaky guess
                    assertThat(since).as(what + " sample " + n + " after the first").isGreaterThanOrEqualTo(due.minusMillis(100));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
