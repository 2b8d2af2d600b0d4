package dev.pooltags.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code pooltags} command: only lists the subcommands. */
@Command(name = "pooltags",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Who is using the pool? Windows pool tags: owners, driver scans, lint, live statistics, leaks.", ""},
        subcommands = {LookupCommand.class, LeaksCommand.class, BenchCommand.class},
        footer = {"", "Exit status: 0 success, 1 findings (unknown tags, leaks, lint errors, violations),",
                "2 usage error, 3 input error (bad file), 4 environment error (no live source or privilege),",
                "5 internal error. Errors are one line on stderr; --debug adds the stack trace."})
public final class PooltagsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
