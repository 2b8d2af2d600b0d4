package dev.pooltags.cli;

import dev.pooltags.source.EnvironmentException;
import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import dev.pooltags.source.TerminalText;
import dev.pooltags.source.UsageException;
import dev.pooltags.tag.TagFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Entry point: builds the command line, runs it and maps failures to the documented exit codes, printing one
 * line on stderr ({@code pooltags: <file>:<line>: <what is wrong>}); {@code --debug} adds the stack trace.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (CheckoutFreshness.staleLaunch(System.getenv(CheckoutFreshness.CHECKOUT_VARIABLE))) {
            System.exit(CheckoutFreshness.STALE_EXIT); // pooltags.cmd rebuilds the jar and runs the command again
        }
        if ("1".equals(System.getenv("POOLTAGS_TRAINING"))) {
            StartupTraining.run(); // the launcher records its start-up archive from this run
            System.exit(ExitCode.OK.code());
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        String[] a = PoolMonSwitches.translate(args);
        Integer fast = FastPath.run(a, out, err);
        return fast != null ? fast : parseAndRun(a, out, err);
    }

    /** Runs the command line through picocli alone, without {@link FastPath} (the equivalence test compares the two). */
    static int runWithPicocli(String[] args, PrintWriter out, PrintWriter err) {
        return parseAndRun(PoolMonSwitches.translate(args), out, err);
    }

    /** Picocli's run of the (translated) arguments, after saying so when the command named is not in this jar. */
    private static int parseAndRun(String[] a, PrintWriter out, PrintWriter err) {
        String first = firstWord(a);
        String missing = !PooltagsCommand.present(first) ? first
                : "help".equals(first) && !PooltagsCommand.present(next(a, first)) ? next(a, first) : null;
        if (missing != null) {
            err.println("pooltags: " + PooltagsCommand.notInThisJar(missing));
            err.flush();
            return ExitCode.ENVIRONMENT.code();
        }
        return commandLine(a, out, err).execute(a);
    }

    /** The argument after {@code word}, or null. */
    private static String next(String[] args, String word) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(word)) {
                return args[i + 1];
            }
        }
        return null;
    }

    /** The first argument that is not an option: the subcommand, or null. */
    private static String firstWord(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    static CommandLine commandLine(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PooltagsCommand());
        String first = firstWord(args);
        // Only the subcommand being run is built. Listing the commands (--help, a typo, no command) needs only their
        // names and descriptions, read from their annotations without building picocli's model of each.
        String helpFor = "help".equals(first) ? next(args, first) : null;
        for (String n : PooltagsCommand.SUBCOMMANDS.keySet()) {
            boolean real = n.equals(first) || n.equals(helpFor) || n.equals("help")
                    || "completion".equals(first) && PooltagsCommand.present(n);
            if (real || first == null || !PooltagsCommand.SUBCOMMANDS.containsKey(first) || "help".equals(first)) {
                cl.addSubcommand(n, real ? PooltagsCommand.instance(n) : PooltagsCommand.listing(n));
            }
        }
        HelpLayout.apply(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, badArgs) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("pooltags: " + TerminalText.escape(ex.getMessage()));
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                // picocli's suggestions for a typo: 'lokup' -> lookup
                c.getErr().println("  did you mean: " + TerminalText.escape(String.join(", ", u.getSuggestions())) + "?");
            }
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println("  see '" + name + " --help'");
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            boolean debug = parsed.hasMatchedOption("--debug")
                    || parsed.asCommandLineList().stream().anyMatch(x -> x.getParseResult() != null
                            && x.getParseResult().hasMatchedOption("--debug"));
            return failure(ex, c.getErr(), debug);
        });
        return cl;
    }

    /**
     * What a command's failure prints and returns: one line on {@code err} ({@code pooltags: <what is wrong>}), the stack
     * trace with {@code --debug}, and the exit code of its kind (input 3, environment 4, usage 2, anything else 5).
     */
    static int failure(Exception ex, PrintWriter e, boolean debug) {
        int code;
        String msg;
        if (ex instanceof InputException ie) {
            code = ExitCode.INPUT.code();
            msg = ie.getMessage();
        } else if (ex instanceof EnvironmentException ee) {
            code = ExitCode.ENVIRONMENT.code();
            msg = ee.getMessage();
        } else if (ex instanceof TagFormatException || ex instanceof UsageException) {
            code = ExitCode.USAGE.code();
            msg = ex.getMessage();
        } else if (ex instanceof UncheckedIOException io) {
            code = ExitCode.INPUT.code();
            msg = Reasons.of(io); // the JDK's own text of a file error is often only the path
        } else {
            code = ExitCode.INTERNAL.code();
            msg = "internal error (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + "); please report it with the output of --debug";
        }
        e.println("pooltags: " + TerminalText.escape(msg)); // messages quote arguments and names from input
        if (debug) {
            ex.printStackTrace(e);
        }
        e.flush();
        return code;
    }
}
