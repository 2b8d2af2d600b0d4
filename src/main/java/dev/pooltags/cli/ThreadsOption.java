package dev.pooltags.cli;

import dev.pooltags.source.UsageException;
import picocli.CommandLine.Option;

/** {@code --threads N}: how many files the commands that read many files work on at once. */
public final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N", description = "Files scanned at once (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    /** The count, checked. */
    int get() {
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1 (got " + threads + ")");
        }
        return threads;
    }
}
