package dev.pooltags.cli;

import dev.pooltags.source.ReadNotes;
import dev.pooltags.source.TerminalText;
import java.io.PrintWriter;

/**
 * Prints what reading found, one line each on standard error ({@code pooltags: warning: ...} for a torn tail,
 * {@code pooltags: FILE: at byte N: ...} for damage), and remembers damage so the command exits with status 3
 * after doing what it could with the rest.
 */
final class InputNotes implements ReadNotes {
    private final PrintWriter err;
    private final String warningPrefix;
    private volatile boolean damaged;

    InputNotes(PrintWriter err) {
        this(err, "pooltags: warning: ");
    }

    InputNotes(PrintWriter err, String warningPrefix) {
        this.err = err;
        this.warningPrefix = warningPrefix;
    }

    @Override
    public void warning(String message) {
        err.println(warningPrefix + TerminalText.escape(message));
        err.flush();
    }

    @Override
    public void damage(String message) {
        damaged = true;
        err.println("pooltags: " + TerminalText.escape(message));
        err.flush();
    }

    boolean damaged() {
        return damaged;
    }

    /** The exit status: 3 when an input was damaged (it outranks findings), else {@code code}. */
    ExitCode exit(ExitCode code) {
        return damaged && code != ExitCode.INTERNAL ? ExitCode.INPUT : code;
    }
}
