package dev.pooltags.bench;

import dev.pooltags.cli.ExitCode;
import dev.pooltags.cli.Subcommand;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags bench scan DIR}. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan throughput over a folder of PE files (replicated to --min-mb if smaller) vs. cat of the same "
                + "files from the page cache, and vs. llvm-objdump -d when it is installed.")
final class ScanBench extends Subcommand {
    @Parameters(paramLabel = "DIR", description = "A folder of drivers (e.g. a copy of System32\\drivers).")
    Path dir;

    @Option(names = "--min-mb", description = "Replicate the files into a temporary folder until they hold this many MB "
            + "(default ${DEFAULT-VALUE}).")
    int minMb = 500;

    @Option(names = "--threads", description = "Scan threads (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--rounds", description = "Timed rounds of cat and scan, alternating; the medians are reported "
            + "(default ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Override
    protected void validate() {
        require(threads >= 1 && rounds >= 1 && minMb >= 0, "--threads and --rounds must be at least 1, --min-mb at least 0");
    }

    @Override
    protected ExitCode execute() {
        BenchText.scan(out(), dir, ScanBenchmark.run(dir, minMb * 1_000_000L, threads, rounds));
        return ExitCode.OK;
    }
}
