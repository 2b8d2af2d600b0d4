package dev.pooltags.bench;

import dev.pooltags.cli.PooltagsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pooltags bench}: measures each capability against a baseline run in the same process. One command class per
 * benchmark (it checks its options, runs the measurement, which returns a result record) and one renderer of those
 * records, {@link BenchText}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {PooltagsCommand.BENCH_DESCRIPTION, ""},
        subcommands = {TagDbBench.class,
                SnapshotBench.class,
                TopBench.class,
                ServeBench.class,
                LintBench.class,
                TraceBench.class,
                LeaksBench.class,
                ScanBench.class,
                DebuggerBench.class,
                DumpBench.class,
                StartupBench.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
