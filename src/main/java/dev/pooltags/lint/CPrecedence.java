package dev.pooltags.lint;

/**
 * The binding strength of C's binary operators, from {@code ||} (1) to the multiplicative ones (10), as the two
 * precedence-climbing evaluators ({@code #if} conditions and constant expressions) both climb them.
 */
final class CPrecedence {
    private CPrecedence() {
    }

    /** The precedence of {@code t} as a binary operator, or -1 where it is none. */
    static int of(Token t) {
        if (t == null || t.kind() != Token.Kind.PUNCT) {
            return -1;
        }
        return switch (t.text()) {
            case "||" -> 1;
            case "&&" -> 2;
            case "|" -> 3;
            case "^" -> 4;
            case "&" -> 5;
            case "==", "!=" -> 6;
            case "<", ">", "<=", ">=" -> 7;
            case "<<", ">>" -> 8;
            case "+", "-" -> 9;
            case "*", "/", "%" -> 10;
            default -> -1;
        };
    }
}
