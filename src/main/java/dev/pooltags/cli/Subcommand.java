package dev.pooltags.cli;

import dev.pooltags.source.UsageException;
import dev.pooltags.report.Renderers;
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
 * <p>A command that writes a report names the {@link Renderers} of its result in the initial value of its
 * {@code --format} ({@code String format = formats(SomeReport.RENDERERS);}), declared with
 * {@code converter = FormatNames.class, completionCandidates = FormatNames.class}; picocli asks the command, as its
 * factory, for that converter, and gets one that knows these names. So the formats a command accepts are those its
 * renderers write, and no command keeps a list (or an enum) of them.
 */
public abstract class Subcommand implements Callable<Integer>, CommandLine.IFactory {
    @Spec
    protected CommandSpec spec;

    /** Read by {@link Main} from the parse result, when a command fails. */
    @Option(names = "--debug", description = "Print the stack trace with an error.")
    boolean debug;

    /** The names {@code --format} accepts, in the order help and errors list them (none: no --format). */
    private final List<String> formats = new ArrayList<>();

    /**
     * Declares the formats of this command's {@code --format}: the names of {@code registries} (several, when the
     * command writes more than one kind of result: each name once, in order of first appearance). Returns the
     * first registry's default, the option's initial value.
     */
    @SafeVarargs
    protected final String formats(Renderers<?>... registries) {
        for (Renderers<?> r : registries) {
            for (String name : r.names()) {
                if (!formats.contains(name)) {
                    formats.add(name);
                }
            }
        }
        return registries[0].defaultName();
    }

    /** Picocli makes this command's parts through it: the {@code --format} converter knows the command's formats. */
    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == FormatNames.class) {
            return cls.cast(new FormatNames(formats));
        }
        return CommandLine.defaultFactory().create(cls);
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

    /** Standard output of this run. */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error of this run. */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A usage error (exit 2) with {@code message} unless {@code ok}. */
    protected static void require(boolean ok, String message) {
        if (!ok) {
            throw new UsageException(message);
        }
    }
}
