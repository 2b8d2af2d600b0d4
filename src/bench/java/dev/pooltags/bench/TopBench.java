package dev.pooltags.bench;

import dev.pooltags.cli.DurationConverter;
import dev.pooltags.cli.ExitCode;
import dev.pooltags.cli.Subcommand;
import java.io.IOException;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pooltags bench top}. */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = "Run top's refresh loop on a 120x40 virtual terminal with 3,000 tags and report the CPU it uses.")
final class TopBench extends Subcommand {
    @Option(names = "--tags", description = "Tags per sample (default ${DEFAULT-VALUE}).")
    int tags = 3000;

    @Option(names = "--seconds", description = "How long to run (default ${DEFAULT-VALUE}).")
    int seconds = 60;

    @Option(names = "--interval", converter = DurationConverter.class, description = "Refresh interval (default 1s).")
    Duration interval = Duration.ofSeconds(1);

    @Override
    protected ExitCode execute() throws IOException {
        BenchText.top(out(), SnapshotBenchmark.top(tags, interval, Duration.ofSeconds(seconds)));
        return ExitCode.OK;
    }
}
