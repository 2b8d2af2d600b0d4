package dev.pooltags.cli;

import dev.pooltags.source.UsageException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares (the shape of PMD's {@code AbstractPmdSubcommand}): picocli fills the options, then
 * {@link #validate()} checks them against each other (a {@link UsageException}, exit 2, before any work) and
 * {@link #execute()} wires sources, analyses and reports together and says how it ended. The command's spec and
 * {@code --debug} are declared here once.
 */
public abstract class Subcommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Mixin
    DebugOption debug;

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
