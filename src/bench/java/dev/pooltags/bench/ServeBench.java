package dev.pooltags.bench;

import dev.pooltags.cli.ExitCode;
import dev.pooltags.cli.ServeCommand;
import dev.pooltags.cli.Subcommand;
import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.snapshot.SnapshotSources;
import dev.pooltags.source.EnvironmentException;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pooltags bench serve}: wrk against the real server on 127.0.0.1. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Load test of 'pooltags serve' with wrk on 127.0.0.1: requests per second and p99 latency of "
                + "/metrics against a static baseline of the same size, a paced run at about --rate requests a "
                + "second, and heap after --scrapes scrapes.", ""},
        footer = {"", "Needs wrk (Debian: apt-get install wrk). Traffic goes to loopback only.",
                "Example: pooltags bench serve --tags 3000 --scrapes 100000"})
final class ServeBench extends Subcommand {
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

    @Option(names = "--slow-clients", defaultValue = "50", description = "Clients sending a byte a second, each from "
            + "its own loopback address, held during one more paced run (default ${DEFAULT-VALUE}; 0: no such run).")
    int slowClients;

    @Override
    protected ExitCode execute() throws Exception {
        Path wrk = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (wrk == null && Files.isExecutable(Path.of(d, "wrk"))) {
                wrk = Path.of(d, "wrk");
            }
        }
        if (wrk == null) {
            throw new EnvironmentException("wrk is not installed (Debian: apt-get install wrk)");
        }
        // checked after wrk, as before: without wrk nothing else matters
        require(tags >= 1 && connections >= 1 && threads >= 1 && threads <= connections && rate >= 1 && scrapes >= 0
                && slowClients >= 0 && slowClients <= 240, "--tags, --connections, --threads, --rate must be positive, "
                + "--threads at most --connections, --slow-clients 0 to 240");
        ServeLoadTest.Plan plan = new ServeLoadTest.Plan(threads, connections, ServeCommand.duration("--duration",
                duration), rate, scrapes, ServeCommand.duration("--max-time", maxTime),
                ServeCommand.duration("--interval", interval), slowClients);
        SnapshotSource src = source != null ? SnapshotSources.open(source)
                : SyntheticLeakSeries.source(tags, Duration.ofSeconds(5), 42);
        PrintWriter err = err();
        ServeLoadTest.Result r;
        try (src) {
            r = ServeLoadTest.run(wrk, src, plan, line -> {
                if (System.console() != null) {
                    err.println("  " + line);
                    err.flush();
                }
            });
        }
        BenchText.serve(out(), r, threads, connections, duration);
        return ExitCode.OK;
    }
}
