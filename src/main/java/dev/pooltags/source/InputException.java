package dev.pooltags.source;

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
        super(format(where, line, problem));
        this.where = where;
        this.line = line;
        this.problem = problem;
    }

    public InputException(String where, long line, String problem, Throwable cause) {
        super(format(where, line, problem), cause);
        this.where = where;
        this.line = line;
        this.problem = problem;
    }

    public InputException(Path file, String problem) {
        this(file.toString(), 0, problem);
    }

    public InputException(Path file, String problem, Throwable cause) {
        this(file.toString(), 0, problem, cause);
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
