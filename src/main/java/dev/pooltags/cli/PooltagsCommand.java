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
            "bench", "dev.pooltags.bench.BenchCommand",
            "completion", "CompletionCommand",
            "help", null);

    private static java.util.Map<String, String> subcommands(String... pairs) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String cls = pairs[i + 1];
            m.put(pairs[i], cls == null || cls.contains(".") ? cls : "dev.pooltags.cli." + cls);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** What {@code bench} says of itself in the list of commands. */
    public static final String BENCH_DESCRIPTION = "Benchmarks: each measures one capability and a baseline over the "
            + "same data in the same run, and prints the ratio.";

    /**
     * The commands that are not in the product jar, with the description the list of commands shows for them: the
     * benchmarks are built with the tests (src/bench/java), and the launcher adds them when the command is
     * {@code bench}.
     */
    private static final java.util.Map<String, String> OUTSIDE_THE_JAR = java.util.Map.of("bench", BENCH_DESCRIPTION);

    /** Why a command that is not in this build cannot run, and where it can. */
    static String notInThisJar(String name) {
        return name + " is not in this jar: the benchmarks are built with the tests; run './pooltags " + name
                + "' from a checkout (it adds target/test-classes to the class path)";
    }

    /**
     * A subcommand as the list of commands shows it: its name and description, read from its {@code @Command}
     * annotation without picocli inspecting its options (a listing never runs it).
     */
    static picocli.CommandLine listing(String name) {
        String cls = SUBCOMMANDS.get(name);
        CommandSpec spec = CommandSpec.create().name(name);
        try {
            Command c = Class.forName(cls, false, PooltagsCommand.class.getClassLoader()).getAnnotation(Command.class);
            String[][] text = helpText(name);
            spec.usageMessage().description(text != null ? text[0] : c.description());
        } catch (ClassNotFoundException e) {
            if (!OUTSIDE_THE_JAR.containsKey(name)) {
                throw new IllegalStateException("the command " + name + " (" + cls + ") is missing from the build", e);
            }
            spec.usageMessage().description(OUTSIDE_THE_JAR.get(name), "");
        }
        return new picocli.CommandLine(spec);
    }

    /** Whether the class of a subcommand is in this build (true for what is not a subcommand: picocli answers that). */
    static boolean present(String name) {
        String cls = SUBCOMMANDS.get(name);
        return cls == null || !OUTSIDE_THE_JAR.containsKey(name)
                || PooltagsCommand.class.getClassLoader().getResource(cls.replace('.', '/') + ".class") != null;
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
        if (!present(name)) {
            throw new IllegalStateException(notInThisJar(name)); // Main says so before it builds the command line
        }
        try {
            Object command = Class.forName(cls).getDeclaredConstructor().newInstance();
            picocli.CommandLine c = command instanceof Subcommand s ? new picocli.CommandLine(s, s) : new picocli.CommandLine(command);
            String[][] text = helpText(name);
            if (text != null) {
                c.getCommandSpec().usageMessage().description(text[0]).footer(text[1]);
            }
            return c;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the command " + name + " (" + cls + ") is missing from the build", e);
        }
    }

    /**
     * The description and footer of a subcommand's {@code --help}, from the text resource {@code help/<name>.txt}
     * beside this class, or null when it has none (a command outside the jar keeps them in its annotation). The file
     * holds a {@code [description]} and a {@code [footer]} section, each line one string of picocli's array: an empty
     * line ends a paragraph, an indented line (an example) stands on its own, and the lines of one paragraph are joined
     * by {@link HelpLayout}, so the file is wrapped for reading while the help prints as picocli wraps it.
     */
    static String[][] helpText(String name) {
        try (java.io.InputStream in = PooltagsCommand.class.getResourceAsStream("help/" + name + ".txt")) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n");
            int footer = text.indexOf("\n[footer]\n");
            if (!text.startsWith("[description]\n") || footer < 0 || !text.endsWith("\n")) {
                throw new IllegalStateException("help/" + name + ".txt: expected a [description] and a [footer] section");
            }
            String description = text.substring("[description]\n".length(), footer);
            String foot = text.substring(footer + "\n[footer]\n".length());
            return new String[][] {description.split("\n", -1),
                    foot.isEmpty() ? new String[0] : foot.substring(0, foot.length() - 1).split("\n", -1)};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
