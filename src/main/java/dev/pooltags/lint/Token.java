package dev.pooltags.lint;

/**
 * One C/C++ token with its place in the file: 1-based line and column of its first and last character, and the
 * character offsets {@code [start, end)} into the file text (a fix replaces exactly that range).
 * A {@link Kind#DIRECTIVE} token stands for a whole preprocessor line; its {@link #directive()} holds the parts.
 *
 * @param kind      what kind of token
 * @param text      the token as written (for a directive: its name, such as {@code define})
 * @param line      the 1-based line of its first character
 * @param col       the 1-based column of its first character
 * @param endLine   the line of its last character
 * @param endCol    the column just past its last character (SARIF's exclusive end column)
 * @param start     the offset of its first character in the file text
 * @param end       the offset just past its last character
 * @param directive the parsed preprocessor line of a {@link Kind#DIRECTIVE} token, else null
 */
public record Token(Token.Kind kind, String text, int line, int col, int endLine, int endCol, int start, int end,
        Directive directive) {
    /** What kind of token. */
    public enum Kind { IDENT, NUMBER, CHAR, STRING, PUNCT, DIRECTIVE }

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
