package dev.pooltags.cli;

import dev.pooltags.output.OutputFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Where a command's report goes and in which format: {@code -o FILE} ({@link OutputOption}) and {@code --format}, whose
 * values are the names of the command's {@link dev.pooltags.report.Renderers}. A command makes it with
 * {@link Subcommand#report}, naming its renderers and the sentence its help says of them; the same object is the
 * option's converter (a name in any case is taken as the registry spells it; anything else is refused in the words
 * picocli uses for an enum option, as when each command kept a {@code Format} enum) and its completion candidates.
 */
final class ReportOptions implements ITypeConverter<String>, Iterable<String> {
    @Mixin
    OutputOption output;

    @Option(names = "--format", paramLabel = "FORMAT", descriptionKey = ReportOptions.HELP_KEY,
            converter = ReportOptions.class, completionCandidates = ReportOptions.class)
    String format;

    /** The key of --format's description in the bundle {@link #help()} makes. */
    static final String HELP_KEY = "pooltags.format";

    private final List<String> names;
    private final String help;

    /**
     * @param help  what the help says of {@code --format}, e.g. {@code text (default), json or csv.}
     * @param names the format names, the default first
     */
    ReportOptions(String help, List<String> names) {
        this.help = help;
        this.names = List.copyOf(names);
        this.format = this.names.get(0);
    }

    /** The format chosen. */
    String format() {
        return format;
    }

    /** The place of the output, checked now (see {@link OutputOption#check}). */
    OutputFile check() {
        return output.check();
    }

    /** Renders into the output: the whole result, or (when {@code body} or writing fails) nothing. */
    void write(PrintWriter stdout, Consumer<PrintWriter> body) {
        output.write(stdout, body);
    }

    /**
     * The description of {@code --format} as a resource bundle for the command's spec: an annotation cannot take it
     * from the command, and replacing the option would move it in the order of the options.
     */
    ResourceBundle help() {
        try {
            return new PropertyResourceBundle(new StringReader(HELP_KEY + "=" + help.replace("\\", "\\\\")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String convert(String value) {
        String name = named(value);
        if (name != null) {
            return name;
        }
        throw new TypeConversionException(
                String.format("expected one of %s (case-insensitive) but was '%s'", names, value));
    }

    /** The format {@code value} names, in any case, or null ({@link FastPath} asks without picocli's exception). */
    String named(String value) {
        for (String name : names) {
            if (name.equalsIgnoreCase(value)) {
                return name;
            }
        }
        return null;
    }

    @Override
    public Iterator<String> iterator() {
        return names.iterator();
    }
}
