package dev.pooltags.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Input that cannot be read: a missing, unreadable or malformed file. The message names the file and, where
 * there is one, the line, in the form {@code file:line: what is wrong}; the command line prints it as one line
 * and exits with status 3.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String where;
    private final long line;
    private final String problem;

    public InputException(String where, long line, String problem) {
        super(format(oneLine(where), line, oneLine(problem)));
        this.where = oneLine(where);
        this.line = line;
        this.problem = oneLine(problem);
    }

    public InputException(String where, long line, String problem, Throwable cause) {
        super(format(oneLine(where), line, oneLine(problem)), cause);
        this.where = oneLine(where);
        this.line = line;
        this.problem = oneLine(problem);
    }

    /**
     * The text with control and invisible format characters escaped ({@link TerminalText}): messages quote names
     * read from damaged input (an import name in a fuzzed driver held a line break), and an error must stay one
     * line on the terminal, showing what is really there.
     */
    static String oneLine(String s) {
        if (s != null && s.length() > 4 * TerminalText.MAX_SHOWN) {
            // a message quoting a 200 MB line is not printed whole
            return TerminalText.escape(s.substring(0, 4 * TerminalText.MAX_SHOWN)) + "... ("
                    + (s.length() - 4 * TerminalText.MAX_SHOWN) + " more characters)";
        }
        return TerminalText.escape(s);
    }

    public InputException(Path file, String problem) {
        this(file.toString(), 0, problem);
    }

    public InputException(Path file, String problem, Throwable cause) {
        this(file.toString(), 0, problem, cause);
    }

    /** Why {@code file} could not be opened or read, in the words every reader uses: missing, denied or the reason. */
    public static InputException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(file, "no such file");
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(file, "permission denied");
        }
        return new InputException(file, "cannot be read: " + Reasons.of(e), e);
    }

    private static String format(String where, long line, String problem) {
        if (where == null || where.isEmpty()) {
            return problem;
        }
        return line > 0 ? where + ":" + line + ": " + problem : where + ": " + problem;
    }

    /** The file or other input named in the message. */
    public String where() {
        return where;
    }

    /** The 1-based line, or 0 when the problem is with the input as a whole. */
    public long line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
