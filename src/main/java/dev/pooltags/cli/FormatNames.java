package dev.pooltags.cli;

import dev.pooltags.report.Renderers;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --format} value checked against a report's {@link Renderers}: its completion candidates are the
 * registry's names and its converter accepts them in any case, refusing anything else in the words picocli uses
 * for an enum option (so the error stays what it was when each command kept a {@code Format} enum). A command
 * names its registry with a one-line subclass, as picocli's annotations take a class.
 */
abstract class FormatNames implements ITypeConverter<String>, Iterable<String> {
    private final Renderers<?> renderers;

    FormatNames(Renderers<?> renderers) {
        this.renderers = renderers;
    }

    @Override
    public String convert(String value) {
        for (String name : renderers.names()) {
            if (name.equalsIgnoreCase(value)) {
                return name;
            }
        }
        throw new TypeConversionException(
                String.format("expected one of %s (case-insensitive) but was '%s'", renderers.names(), value));
    }

    @Override
    public Iterator<String> iterator() {
        return renderers.names().iterator();
    }
}
