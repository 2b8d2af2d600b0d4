package dev.pooltags.lint;

/**
 * A comment, kept for suppressions ({@code // pooltags: ignore PT005}).
 *
 * @param line     line where it starts
 * @param endLine  line where it ends
 * @param text     the comment without its delimiters
 * @param trailing true when code precedes it on its first line (then it applies to that line, else to the next)
 */
public record Comment(int line, int endLine, String text, boolean trailing) {
}
