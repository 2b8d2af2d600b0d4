package dev.pooltags.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain forms of the commands that scripts run in loops ({@code pooltags lookup TAG... --tagfile FILE},
 * {@code pooltags --version}), run without building picocli's model: reading the annotations of a command, its mixins and
 * the top command makes a dozen annotation proxies and reflective converters, which cost a one-shot {@code lookup} more
 * than its own work (docs/startup.md). The command object is the same one picocli would fill, filled here with the same
 * values, and it runs the same code; only the parsing differs.
 *
 * <p>Only a line made wholly of forms this class knows is taken: anything else (another option, an abbreviation, a
 * repeated single-valued option, {@code --}, an {@code @file}, {@code --debug}, {@code --help}) returns null and picocli
 * parses the whole line, with its messages and suggestions. {@code FastPathEquivalenceTest} runs generated lines through
 * both and requires the same output, errors and exit status.
 */
final class FastPath {
    private FastPath() {}

    /** Runs {@code args} when it is a plain form: its exit status; null when picocli must parse it. */
    static Integer run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return version(out);
        }
        if (args.length > 0 && args[0].equals("lookup")) {
            LookupCommand c = lookup(args);
            return c == null ? null : call(c.streams(out, err), err);
        }
        return null;
    }

    private static Integer version(PrintWriter out) {
        String[] lines = new VersionProvider().getVersion();
        for (String l : lines) {
            if (l.indexOf('%') >= 0 || l.contains("@|")) {
                return null; // picocli formats the lines and reads its markup: leave such a line to it
            }
        }
        for (String l : lines) {
            out.println(l);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** {@code lookup} with tags, {@code --tagfile}, {@code --localtag}, {@code --no-localtag} and {@code --format}; else null. */
    private static LookupCommand lookup(String[] args) {
        LookupCommand c = new LookupCommand();
        TagFileOptions files = new TagFileOptions();
        List<String> tags = new ArrayList<>();
        String format = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                if (a.startsWith("@")) {
                    return null; // picocli reads arguments from that file
                }
                tags.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (name.equals("--no-localtag")) {
                if (eq >= 0 || files.noLocal) {
                    return null;
                }
                files.noLocal = true;
                continue;
            }
            if (!name.equals("--tagfile") && !name.equals("--localtag") && !name.equals("--format")) {
                return null;
            }
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.startsWith("-") || value.startsWith("@")) {
                return null; // picocli may take it as an option, or read a file of arguments
            }
            if (name.equals("--format")) {
                if (format != null) {
                    return null;
                }
                format = c.output.named(value);
                if (format == null) {
                    return null;
                }
                continue;
            }
            Path p;
            try {
                p = Path.of(value);
            } catch (InvalidPathException e) {
                return null;
            }
            (name.equals("--tagfile") ? files.tagfiles : files.localtags).add(p);
        }
        c.tagFiles = files;
        c.output.output = new OutputOption(); // the -o mixin picocli makes: no -o, standard output
        c.tags = tags;
        if (format != null) {
            c.output.format = format;
        }
        return c;
    }

    /** Runs the command as picocli's execute does: its exit status, or its failure mapped as {@link Main} maps it. */
    private static int call(Subcommand c, PrintWriter err) {
        try {
            return c.call();
        } catch (Exception e) {
            return Main.failure(e, err, false);
        }
    }
}
