package dev.pooltags.bench;

import dev.pooltags.cli.ExitCode;
import dev.pooltags.cli.Subcommand;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags bench tagdb FILE}. */
@Command(name = "tagdb", mixinStandardHelpOptions = true,
        description = "Load+index a tag file vs. reading its bytes; exact lookups per second.")
final class TagDbBench extends Subcommand {
    @Parameters(paramLabel = "FILE", description = "The tag file (e.g. pooltag.txt).")
    Path file;

    @Option(names = "--rounds", description = "Timed rounds for load and read (default ${DEFAULT-VALUE}).")
    int rounds = 200;

    @Override
    protected ExitCode execute() {
        BenchText.tagDatabase(out(), file, rounds, TagDatabaseBenchmark.run(file, rounds));
        return ExitCode.OK;
    }
}
