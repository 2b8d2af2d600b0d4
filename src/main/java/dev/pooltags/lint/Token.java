package dev.pooltags.lint;

/**
 * One C/C++ token with its place in the file: 1-based line and column of its first and last character, and the
 * character offsets {@code [start, end)} into the file text (a fix replaces exactly that range).
 * A {@link Kind#DIRECTIVE} token stands for a whole preprocessor line; its {@link #directive()} holds the parts.
 */
public final class Token {
    /** What kind of token. */
    public enum Kind { IDENT, NUMBER, CHAR, STRING, PUNCT, DIRECTIVE }

    private final Kind kind;
    private final String text;
    private final int line;
    private final int col;
    private final int endLine;
    private final int endCol;
    private final int start;
    private final int end;
    private final Directive directive;

    public Token(Kind kind, String text, int line, int col, int endLine, int endCol, int start, int end, Directive directive) {
        this.kind = kind;
        this.text = text;
        this.line = line;
        this.col = col;
        this.endLine = endLine;
        this.endCol = endCol;
        this.start = start;
        this.end = end;
        this.directive = directive;
    }

    public Kind kind() {
        return kind;
    }

    /** The token as written (for a directive: its name, such as {@code define}). */
    public String text() {
        return text;
    }

    public int line() {
        return line;
    }

    public int col() {
        return col;
    }

    /** Line of the last character. */
    public int endLine() {
        return endLine;
    }

    /** Column just past the last character (SARIF's exclusive end column). */
    public int endCol() {
        return endCol;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** The parsed preprocessor line of a {@link Kind#DIRECTIVE} token, else null. */
    public Directive directive() {
        return directive;
    }

    public boolean is(String punctOrIdent) {
        return text.equals(punctOrIdent) && (kind == Kind.PUNCT || kind == Kind.IDENT);
    }

    public boolean isIdent() {
        return kind == Kind.IDENT;
    }

    @Override
    public String toString() {
        return text + "@" + line + ":" + col;
    }
}
