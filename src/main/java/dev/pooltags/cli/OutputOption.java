package dev.pooltags.cli;

import dev.pooltags.source.InputException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/**
 * {@code -o FILE}: where results go (stdout when absent). A file is written beside its final name and moved
 * into place when complete, so an interrupted run never leaves half a report.
 */
public final class OutputOption {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write results to FILE instead of standard output.")
    Path output;

    /** Something to write results to; {@link Target#close()} publishes a file. */
    public interface Target extends AutoCloseable {
        PrintWriter writer();

        @Override
        void close();
    }

    public Target open(PrintWriter stdout) {
        if (output == null) {
            return new Target() {
                public PrintWriter writer() {
                    return stdout;
                }

                public void close() {
                    stdout.flush();
                }
            };
        }
        Path abs = output.toAbsolutePath();
        Path tmp;
        Writer w;
        try {
            Path dir = abs.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new InputException(output, "cannot write: the folder " + dir + " does not exist");
            }
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            // a temporary file is private (0600); a report is not: give it what a newly created file gets
            try {
                Files.setPosixFilePermissions(tmp, Files.exists(abs) ? Files.getPosixFilePermissions(abs)
                        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): its default access applies
            }
            w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(output, "cannot write: " + e.getMessage(), e);
        }
        PrintWriter pw = new PrintWriter(w);
        Path finalTmp = tmp;
        return new Target() {
            public PrintWriter writer() {
                return pw;
            }

            public void close() {
                pw.close();
                if (pw.checkError()) {
                    throw new InputException(output, "write failed (disk full?)");
                }
                try {
                    Files.move(finalTmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new InputException(output, "cannot write: " + e.getMessage(), e);
                }
            }
        };
    }
}
