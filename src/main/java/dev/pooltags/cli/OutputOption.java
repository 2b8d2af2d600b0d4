package dev.pooltags.cli;

import dev.pooltags.output.OutputFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * {@code -o FILE}: where results go (standard output when absent or {@code -}), through {@link OutputFile}: a
 * regular file is replaced only by a complete result, a fifo or device is written into, never replaced.
 */
public final class OutputOption {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write results to FILE (replaced only when complete; - is standard output).")
    Path output;

    /**
     * The place, checked now: call it before the work, so a folder that does not exist is an error before minutes
     * of scanning, not after.
     */
    public OutputFile check() {
        return OutputFile.of(output);
    }

    /** Renders into the output: the whole result, or (when {@code body} or writing fails) nothing. */
    public void write(PrintWriter stdout, Consumer<PrintWriter> body) {
        check().write(stdout, body);
    }
}
