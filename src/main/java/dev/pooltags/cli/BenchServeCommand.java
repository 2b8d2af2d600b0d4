package dev.pooltags.cli;

import dev.pooltags.bench.LoadTestPool;
import dev.pooltags.bench.ServeLoadTest;
import dev.pooltags.bench.WrkRun;
import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.snapshot.SnapshotSources;
import dev.pooltags.source.EnvironmentException;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pooltags bench serve}: wrk against the real server on 127.0.0.1 ({@link ServeLoadTest}). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Load test of 'pooltags serve' with wrk on 127.0.0.1: requests per second and p99 latency of "
                + "/metrics against a static baseline of the same size, a paced run at about --rate requests a "
                + "second, and heap after --scrapes scrapes.", ""},
        footer = {"", "Needs wrk (Debian: apt-get install wrk). Traffic goes to loopback only.",
                "Example: pooltags bench serve --tags 3000 --scrapes 100000"})
public final class BenchServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Option(names = "--tags", defaultValue = "3000", description = "Synthetic tags to serve (default ${DEFAULT-VALUE}).")
    int tags;

    @Option(names = "--source", paramLabel = "SPEC", description = "Serve this source instead of synthetic tags.")
    String source;

    @Option(names = "--duration", defaultValue = "20s", description = "Length of each wrk run (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--connections", defaultValue = "4", description = "wrk connections (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--threads", defaultValue = "2", description = "wrk threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rate", defaultValue = "200", description = "Target of the paced run, requests a second "
            + "(default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--scrapes", defaultValue = "100000", description = "Scrapes of the memory run (default ${DEFAULT-VALUE}).")
    long scrapes;

    @Option(names = "--max-time", defaultValue = "20m", description = "Upper bound of the memory run (default ${DEFAULT-VALUE}).")
    String maxTime;

    @Option(names = "--interval", defaultValue = "5s", description = "Sampling interval of the server (default ${DEFAULT-VALUE}).")
    String interval;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        java.nio.file.Path wrk = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (wrk == null && Files.isExecutable(java.nio.file.Path.of(d, "wrk"))) {
                wrk = java.nio.file.Path.of(d, "wrk");
            }
        }
        if (wrk == null) {
            throw new EnvironmentException("wrk is not installed (Debian: apt-get install wrk)");
        }
        if (tags < 1 || connections < 1 || threads < 1 || threads > connections || rate < 1 || scrapes < 0) {
            throw new UsageException("--tags, --connections, --threads, --rate must be positive, --threads at most "
                    + "--connections");
        }
        ServeLoadTest.Plan plan = new ServeLoadTest.Plan(threads, connections, ServeCommand.duration("--duration",
                duration), rate, scrapes, ServeCommand.duration("--max-time", maxTime),
                ServeCommand.duration("--interval", interval));
        SnapshotSource src = source != null ? SnapshotSources.open(source)
                : LoadTestPool.source(tags, Duration.ofSeconds(5), 42);
        PrintWriter err = spec.commandLine().getErr();
        ServeLoadTest.Result r;
        try (src) {
            r = ServeLoadTest.run(wrk, src, plan, line -> {
                if (System.console() != null) {
                    err.println("  " + line);
                    err.flush();
                }
            });
        }
        out.printf("serve load test: %,d tags, all exported; /metrics %,d bytes (text format); 127.0.0.1 only%n",
                r.tags(), r.exposition());
        out.printf("machine: %d cores, load average %.2f at the start; %s; %d threads, %d connections, %s runs%n",
                Runtime.getRuntime().availableProcessors(), r.loadAverage(), r.wrk(), threads, connections,
                duration);
        out.printf("%-34s %10s %10s %10s %8s%n", "run", "req/s", "p50", "p99", "errors");
        row(out, "/metrics", r.metrics());
        row(out, "baseline: same bytes from memory", r.baseline());
        row(out, "/metrics paced at ~" + r.pacedTarget() + " req/s", r.paced());
        row(out, "/metrics paced, gzip", r.pacedGzip());
        out.printf("ratio /metrics to baseline: %.2fx the requests per second, %.2fx the p99%n",
                r.metrics().perSecond() / r.baseline().perSecond(), r.metrics().p99Ms() / r.baseline().p99Ms());
        boolean met = r.paced().errors() == 0 && r.paced().p99Ms() < 50;
        out.printf("target at ~%d req/s (0 errors, p99 < 50 ms): %s (achieved %.1f req/s, p99 %.2f ms, %d errors)%n",
                r.pacedTarget(), met ? "met" : "NOT met", r.paced().perSecond(), r.paced().p99Ms(), r.paced().errors());
        out.printf("memory: heap after full GC %.1f MiB before, %.1f MiB after %,d scrapes (%+.1f MiB)%n",
                r.heapBefore() / 1048576.0, r.heapAfter() / 1048576.0, r.scrapes(),
                (r.heapAfter() - r.heapBefore()) / 1048576.0);
        out.flush();
        return Main.OK;
    }

    private static void row(PrintWriter out, String name, WrkRun w) {
        out.printf("%-34s %10.1f %8.2fms %8.2fms %8d%n", name, w.perSecond(), w.p50Ms(), w.p99Ms(), w.errors());
    }
}
