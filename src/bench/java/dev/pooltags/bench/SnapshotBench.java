package dev.pooltags.bench;

import dev.pooltags.cli.ExitCode;
import dev.pooltags.cli.Subcommand;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pooltags bench snapshot}. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Decode a 3,000-tag SystemPoolTagInformation buffer and diff two samples vs. copying the buffer; "
                + "record a day of 1-second samples (5%% of tags changing): bytes on disk, CPU per sample, read-back speed.")
final class SnapshotBench extends Subcommand {
    @Option(names = "--tags", description = "Tags per sample (default ${DEFAULT-VALUE}).")
    int tags = 3000;

    @Option(names = "--samples", description = "Samples recorded (default ${DEFAULT-VALUE}: a day at 1 s).")
    int samples = 86_400;

    @Option(names = "--rounds", description = "Timed rounds for decode and copy (default ${DEFAULT-VALUE}).")
    int rounds = 200;

    @Option(names = "--dir", description = "Folder for the temporary recording (default: the system temp folder).")
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));

    @Override
    protected ExitCode execute() {
        BenchText.decode(out(), SnapshotBenchmark.decode(tags, rounds));
        BenchText.day(out(), SnapshotBenchmark.recordDay(samples, tags, dir));
        return ExitCode.OK;
    }
}
