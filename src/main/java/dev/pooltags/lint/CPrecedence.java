package dev.pooltags.lint;

import java.util.List;

/**
 * The binding strength of C's binary operators, from {@code ||} (1) to the multiplicative ones (10), as the two
 * precedence-climbing evaluators ({@code #if} conditions and constant expressions) both climb them, with one
 * {@link Climber}.
 */
final class CPrecedence {
    private CPrecedence() {
    }

    /**
     * A precedence-climbing parser over the tokens {@link #ts} and values of type {@code V}: how it reads what stands
     * right of an operator (its own entry, with its guards) and what an operator makes of two values.
     */
    abstract static class Climber<V> {
        final List<Token> ts;
        /** The next token to read; past the end once the parser gives up. */
        int pos;

        Climber(List<Token> ts) {
            this.ts = ts;
        }

        /** The next token, or null at the end. */
        final Token peek() {
            return pos < ts.size() ? ts.get(pos) : null;
        }

        /** An expression of operators binding at least {@code minPrec}. */
        abstract V climb(int minPrec);

        /** The binary operator {@code op} applied to two values. */
        abstract V apply(String op, V left, V right);

        /** {@code left} extended by each binary operator binding at least {@code minPrec} with its right side. */
        final V climbFrom(V left, int minPrec) {
            for (Token op = peek(); of(op) >= Math.max(minPrec, 0); op = peek()) {
                pos++;
                left = apply(op.text(), left, climb(of(op) + 1));
            }
            return left;
        }
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
