package dev.pooltags.bench;

import dev.pooltags.cli.ExitCode;
import dev.pooltags.cli.Subcommand;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags bench dump DUMP}. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Read and scan a large complete memory dump built from a real dump's pages vs. cat of the same file.")
final class DumpBench extends Subcommand {
    @Parameters(paramLabel = "DUMP", description = "A real kernel dump whose pages fill the benchmark dump (a small dump's captured memory works).")
    Path source;

    @Option(names = "--mb", paramLabel = "MB", description = "Size of the dump to build, in MB (default ${DEFAULT-VALUE}).")
    int mb = 1024;

    @Option(names = "--rounds", paramLabel = "N", description = "Timed rounds of cat and scan, alternating; the medians are reported (default ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Override
    protected void validate() {
        require(mb >= 1 && rounds >= 1, "--mb and --rounds must be at least 1");
    }

    @Override
    protected ExitCode execute() {
        BenchText.dump(out(), source, DumpBenchmark.run(source, mb * 1_000_000L, rounds));
        return ExitCode.OK;
    }
}
