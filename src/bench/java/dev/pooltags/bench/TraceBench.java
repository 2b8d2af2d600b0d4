package dev.pooltags.bench;

import dev.pooltags.cli.ExitCode;
import dev.pooltags.cli.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pooltags bench trace}. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Replay of a generated xperf dumper CSV vs. wc -l over it; events per second; the same replay under -Xmx256m.")
final class TraceBench extends Subcommand {
    @Option(names = "--events", description = "Events in the generated trace (default ${DEFAULT-VALUE}).")
    long events = 10_000_000;

    @Option(names = "--outstanding", description = "Allocations live at once, and at the end (default ${DEFAULT-VALUE}).")
    int outstanding = 100_000;

    @Option(names = "--rounds", description = "Timed rounds of wc -l and of the replay (default ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--no-child", description = "Skip the replay in a -Xmx256m child JVM.")
    boolean noChild;

    @Option(names = "--keep", description = "Keep the generated CSV (its path is printed) instead of deleting it.")
    boolean keep;

    @Override
    protected void validate() {
        require(events >= 1 && outstanding >= 1 && rounds >= 1 && outstanding <= events,
                "--events, --outstanding and --rounds must be positive, and --outstanding at most --events");
    }

    @Override
    protected ExitCode execute() {
        TraceBenchmark.Result r = TraceBenchmark.run(events, outstanding, rounds, !noChild, keep);
        BenchText.trace(out(), r);
        return r.child() == null || r.child().exit() == 0 ? ExitCode.OK : ExitCode.INTERNAL;
    }
}
