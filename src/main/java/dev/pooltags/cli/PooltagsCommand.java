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
    /**
     * Every subcommand by name, in the order {@code --help} lists them, as class names: naming a class here must not
     * load it, so that a run of {@code lookup} loads no class of another command.
     */
    static final java.util.Map<String, String> SUBCOMMANDS = subcommands(
            "lookup", "LookupCommand",
            "snapshot", "SnapshotCommand",
            "record", "RecordCommand",
            "top", "TopCommand",
            "convert", "ConvertCommand",
            "serve", "ServeCommand",
            "rules", "RulesCommand",
            "lint", "LintCommand",
            "scan", "ScanCommand",
            "who", "WhoCommand",
            "trace", "TraceCommand",
            "debugger", "DebuggerLogCommand",
            "special-pool", "SpecialPoolCommand",
            "demo", "DemoCommand",
            "leaks", "LeaksCommand",
            "dump", "DumpCommand",
            "bench", "BenchCommand",
            "completion", "CompletionCommand",
            "help", null);

    private static java.util.Map<String, String> subcommands(String... pairs) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1] == null ? null : "dev.pooltags.cli." + pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A subcommand as the list of commands shows it: its name and description, read from its {@code @Command}
     * annotation without picocli inspecting its options (a listing never runs it).
     */
    static picocli.CommandLine listing(String name) {
        String cls = SUBCOMMANDS.get(name);
        try {
            Command c = Class.forName(cls, false, PooltagsCommand.class.getClassLoader()).getAnnotation(Command.class);
            CommandSpec spec = CommandSpec.create().name(name);
            spec.usageMessage().description(c.description());
            return new picocli.CommandLine(spec);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the command " + name + " (" + cls + ") is missing from the build", e);
        }
    }

    /**
     * A subcommand, built as picocli builds a top-level command, so its model transformer (options made from
     * typed thresholds) applies (picocli's help command for {@code help}).
     */
    static picocli.CommandLine instance(String name) {
        String cls = SUBCOMMANDS.get(name);
        if (cls == null) {
            return new picocli.CommandLine(new picocli.CommandLine.HelpCommand());
        }
        try {
            return new picocli.CommandLine(Class.forName(cls).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the command " + name + " (" + cls + ") is missing from the build", e);
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
