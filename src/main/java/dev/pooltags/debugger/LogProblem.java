package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import java.util.Objects;

/**
 * A line of a log that a reader could not read as its command's output: skipped (or read as far as it goes), with why.
 *
 * @param origin  the line
 * @param command the command whose output it is in, as typed
 * @param kind    a stable name for the kind of problem ({@code bad-line}, {@code elision}, {@code incomplete-listing}, ...)
 * @param message what is wrong, for people
 */
public record LogProblem(Origin origin, String command, String kind, String message) {
    public LogProblem {
        Objects.requireNonNull(origin);
        Objects.requireNonNull(command);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(message);
    }
}
