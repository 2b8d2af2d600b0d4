package dev.pooltags.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every reader of one open trace file shares: the format's name, what the file says about itself as read so far,
 * where bad lines go, and closing the file. Each format's reader adds only how it turns the file into events.
 */
abstract class FileTraceReader implements TraceReader {
    /** What the file says about itself (scenario, seed, OS version ...), filled in as it is read. */
    final Map<String, String> info = new LinkedHashMap<>();
    /** Where a bad line goes; reading goes on after it. */
    final Consumer<TraceProblem> problems;
    private final String format;
    private final Closeable file;

    FileTraceReader(String format, Closeable file, Consumer<TraceProblem> problems) {
        this.format = format;
        this.file = file;
        this.problems = problems;
    }

    @Override
    public final String format() {
        return format;
    }

    @Override
    public final Map<String, String> info() {
        return info;
    }

    @Override
    public final void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
