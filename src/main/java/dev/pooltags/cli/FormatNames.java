package dev.pooltags.cli;

import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --format} value checked against the names of a report's {@link dev.pooltags.report.Renderers}: its
 * completion candidates are those names and its converter accepts them in any case, refusing anything else in the
 * words picocli uses for an enum option (so the error stays what it was when each command kept a {@code Format}
 * enum). Picocli gets it from the command ({@link Subcommand#create}), which knows its formats.
 */
final class FormatNames implements ITypeConverter<String>, Iterable<String> {
    private final List<String> names;

    FormatNames(List<String> names) {
        this.names = List.copyOf(names);
    }

    @Override
    public String convert(String value) {
        for (String name : names) {
            if (name.equalsIgnoreCase(value)) {
                return name;
            }
        }
        throw new TypeConversionException(
                String.format("expected one of %s (case-insensitive) but was '%s'", names, value));
    }

    @Override
    public Iterator<String> iterator() {
        return names.iterator();
    }
}
