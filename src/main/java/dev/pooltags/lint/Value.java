package dev.pooltags.lint;

/**
 * What an argument evaluates to, as far as the tokens tell.
 *
 * @param kind    a number, a string literal, an address ({@code &x}), or unknown
 * @param number  the value of a number (for a tag: the 32-bit value in its low bits)
 * @param literal the character literal it comes from, when the expression is one literal (through names, casts and
 *                parentheses): for the four-characters and memory-order checks; else null
 * @param literalFile the file that literal is written in
 * @param chars   the number of characters in that literal (0 when there is none)
 * @param named   the constant or macro the argument names, when it is a single name; else null
 * @param text    for a string: its text as written
 */
public record Value(Kind kind, long number, Token literal, String literalFile, int chars, Definition named, String text) {
    /** What kind of value. */
    public enum Kind { NUMBER, STRING, ADDRESS, UNKNOWN }

    public static final Value UNKNOWN = new Value(Kind.UNKNOWN, 0, null, null, 0, null, null);

    public static Value number(long v) {
        return new Value(Kind.NUMBER, v, null, null, 0, null, null);
    }

    public boolean known() {
        return kind == Kind.NUMBER;
    }

    /** The 32-bit tag value. */
    public int tag() {
        return (int) number;
    }

    Value withNamed(Definition d) {
        return new Value(kind, number, literal, literalFile, chars, d, text);
    }

    Value withoutLiteral() {
        return literal == null ? this : new Value(kind, number, null, null, 0, named, text);
    }
}
