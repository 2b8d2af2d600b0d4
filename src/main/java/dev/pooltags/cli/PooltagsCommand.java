package dev.pooltags.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code pooltags} command: only lists the subcommands. The subcommands are registered by
 * {@link Main} from {@link #SUBCOMMANDS}, only the one being run where possible, because building picocli's model
 * of every command and option costs start-up time that a one-shot {@code lookup} should not pay.
 */
@Command(name = "pooltags",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Who is using the pool? Windows pool tags: owners, driver scans, lint, live statistics, leaks.", ""},
        footer = {"", "Exit status: 0 success, 1 findings (tags without owner, leaks, lint errors,",
                "violations), 2 usage error, 3 input error (bad file), 4 environment error",
                "(no live source or privilege), 5 internal error. Errors are one line on",
                "stderr; --debug adds the stack trace. 'pooltags COMMAND --help' for more."})
public final class PooltagsCommand implements Runnable {
    /** Every subcommand, in the order {@code --help} lists them. */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
            LookupCommand.class,
            SnapshotCommand.class,
            RecordCommand.class,
            TopCommand.class,
            ConvertCommand.class,
            ServeCommand.class,
            RulesCommand.class,
            LintCommand.class,
            ScanCommand.class,
            WhoCommand.class,
            TraceCommand.class,
            DebuggerLogCommand.class,
            SpecialPoolCommand.class,
            DemoCommand.class,
            LeaksCommand.class,
            DumpCommand.class,
            BenchCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
