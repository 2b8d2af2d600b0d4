package dev.pooltags.trace;

import java.util.Objects;

/**
 * Something wrong with one line of a trace that did not stop the replay: the line is reported, skipped or read as far
 * as it goes, and the replay continues.
 *
 * @param line    the line number (1-based)
 * @param kind    a stable name for the kind of problem ({@code truncated-line}, {@code unknown-event}, ...)
 * @param message what is wrong, for people
 */
public record TraceProblem(long line, String kind, String message) {
    public TraceProblem {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(message);
    }
}
