package dev.pooltags.bench;

import dev.pooltags.cli.ExitCode;
import dev.pooltags.cli.Subcommand;
import dev.pooltags.source.TextFiles;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags bench debugger [LOG]}. */
@Command(name = "debugger", mixinStandardHelpOptions = true,
        description = "Read a whole debugger log and answer from it vs. counting its lines; a generated log of real layouts "
                + "(3,000 !poolused tags, 200,000 !poolfind hits, !pool pages, 5,000 !verifier 3 rows, lm) when no LOG is named.")
final class DebuggerBench extends Subcommand {
    @Parameters(paramLabel = "LOG", arity = "0..1", description = "A debugger log (default: the generated one).")
    Path log;

    @Option(names = "--hits", description = "!poolfind hits in the generated log (default ${DEFAULT-VALUE}).")
    int hits = 200_000;

    @Option(names = "--rounds", description = "Timed rounds (default ${DEFAULT-VALUE}).")
    int rounds = 12;

    @Override
    protected ExitCode execute() {
        byte[] bytes = log == null ? SyntheticDebuggerLog.generate(3000, hits, 5000, 16) : TextFiles.readAllBytes(log);
        String name = log == null ? "generated.log" : log.toString();
        BenchText.debugger(out(), name, rounds, DebuggerBenchmark.run(name, bytes, rounds));
        return ExitCode.OK;
    }
}
