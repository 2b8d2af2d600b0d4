package dev.pooltags.cli;

import dev.pooltags.report.Renderers;
import dev.pooltags.source.UsageException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares (the shape of PMD's {@code AbstractPmdSubcommand}): picocli fills the options, then
 * {@link #validate()} checks them against each other (a {@link UsageException}, exit 2, before any work) and
 * {@link #execute()} wires sources, analyses and reports together and says how it ended. The command's spec and
 * {@code --debug} (stack traces with errors) are declared here once.
 *
 * <p>A command that writes a report declares {@code @Mixin ReportOptions output = report(HELP, SomeReport.RENDERERS);}:
 * {@code -o} and a {@code --format} that accepts the names of the renderers of its result; picocli asks the command,
 * as its factory, for the option's converter and gets that object. So the formats a command accepts are those its
 * renderers write, and no command keeps a list (or an enum) of them.
 */
public abstract class Subcommand implements Callable<Integer>, CommandLine.IFactory {
    @Spec
    protected CommandSpec spec;

    /** Read by {@link Main} from the parse result, when a command fails. */
    @Option(names = "--debug", description = "Print the stack trace with an error.")
    boolean debug;

    /** The -o and --format of a command that writes a report, or null. */
    private ReportOptions report;

    /**
     * Declares -o and --format for a command whose result is written by {@code registries} (several, when it
     * writes more than one kind of result: each format name once, in order of first appearance; the first
     * registry's default is the default). {@code formatHelp} is what the help says of --format.
     */
    @SafeVarargs
    protected final ReportOptions report(String formatHelp, Renderers<?>... registries) {
        List<String> names = new ArrayList<>();
        for (Renderers<?> r : registries) {
            for (String name : r.names()) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        report = new ReportOptions(formatHelp, names);
        return report;
    }

    /** Picocli makes this command's parts through it: --format's converter and candidates are its ReportOptions. */
    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == ReportOptions.class && report != null) {
            return cls.cast(report);
        }
        return CommandLine.defaultFactory().create(cls);
    }

    /** Completes the help of this command (its {@code spec}) before it is shown: the description of --format. */
    void describe(CommandSpec spec) {
        if (report != null && spec.resourceBundle() == null) {
            spec.resourceBundle(report.help());
        }
    }

    @Override
    public final Integer call() throws Exception {
        validate();
        return execute().code();
    }

    /** Checks the options against each other; the default has nothing to check. */
    protected void validate() {}

    /** Does the work. */
    protected abstract ExitCode execute() throws Exception;

    /** The streams of a run that {@link FastPath} started without picocli (no spec); null when picocli started it. */
    private PrintWriter fastOut;
    private PrintWriter fastErr;

    /** Standard output of this run. */
    protected final PrintWriter out() {
        return spec != null ? spec.commandLine().getOut() : fastOut;
    }

    /** Standard error of this run. */
    protected final PrintWriter err() {
        return spec != null ? spec.commandLine().getErr() : fastErr;
    }

    /** Gives a run that {@link FastPath} started the streams picocli would have given it; returns this command. */
    final Subcommand streams(PrintWriter out, PrintWriter err) {
        this.fastOut = out;
        this.fastErr = err;
        return this;
    }

    /** A usage error (exit 2) with {@code message} unless {@code ok}. */
    protected static void require(boolean ok, String message) {
        if (!ok) {
            throw new UsageException(message);
        }
    }
}
