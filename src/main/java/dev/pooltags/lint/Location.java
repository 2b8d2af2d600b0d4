package dev.pooltags.lint;

/**
 * A range in a source file: 1-based lines and columns, the end column exclusive (as SARIF counts), and the
 * character offsets {@code [start, end)}.
 */
public record Location(String file, int line, int col, int endLine, int endCol, int start, int end)
        implements Comparable<Location> {

    /** The range from the first character of {@code first} to the last of {@code last}. */
    public static Location span(String file, Token first, Token last) {
        return new Location(file, first.line(), first.col(), last.endLine(), last.endCol(), first.start(), last.end());
    }

    public static Location of(String file, Token t) {
        return span(file, t, t);
    }

    /** A whole line, for findings about a project setting rather than a token. */
    public static Location line(String file, int line) {
        return new Location(file, line, 1, line, 1, -1, -1);
    }

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(col, o.col);
    }

    @Override
    public String toString() {
        return file + "(" + line + "," + col + ")";
    }
}
