package dev.pooltags.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates {@code #if} conditions as far as a tree's own sources and project files tell: true, false, or unknown.
 * Symbols every configuration of the project defines (and those the file defined above the line) have their values;
 * symbols only some configurations define, and names defined nowhere in sight (the WDK's and the compiler's own,
 * {@code DBG}, {@code _WIN64}), are unknown: their branches are all analyzed and named in findings. Only what is
 * certain is skipped: {@code #if 0}, the branches after one that is taken, a branch whose condition the project's
 * symbols decide. {@code #ifdef X} for an X defined nowhere in sight stays unknown, since a header the tree does not
 * hold may define it.
 */
final class Conditions {
    /** What a condition comes to. */
    enum Truth { TRUE, FALSE, UNKNOWN }

    private static final int MAX_DEPTH = 16;

    private Conditions() {}

    /**
     * The truth of a condition's tokens, given the symbols known to be defined (name to replacement text) and those
     * that may or may not be.
     */
    static Truth eval(List<Token> expr, Map<String, String> defined, Set<String> maybe) {
        Parser p = new Parser(expr, defined, maybe, 0);
        Long v = p.ternary();
        if (p.pos != expr.size() || v == null) {
            return Truth.UNKNOWN;
        }
        return v != 0 ? Truth.TRUE : Truth.FALSE;
    }

    private static final class Parser extends CPrecedence.Climber<Long> {
        final Map<String, String> defined;
        final Set<String> maybe;
        final int depth;
        int nesting;

        Parser(List<Token> ts, Map<String, String> defined, Set<String> maybe, int depth) {
            super(ts);
            this.defined = defined;
            this.maybe = maybe;
            this.depth = depth;
        }

        boolean at(String p) {
            return pos < ts.size() && ts.get(pos).is(p);
        }

        /** Reads {@code p} when it comes next, else gives up on the expression ({@link #giveUp}). */
        boolean expect(String p) {
            if (at(p)) {
                pos++;
                return true;
            }
            giveUp();
            return false;
        }

        /** The expression cannot be read: nothing more is consumed, so it does not count as read to its end. */
        Long giveUp() {
            pos = ts.size() + 1;
            return null;
        }

        Long ternary() {
            Long c = climb(0);
            if (at("?")) {
                pos++;
                Long a = ternary();
                if (!expect(":")) {
                    return null;
                }
                Long b = ternary();
                if (c == null) {
                    return a != null && a.equals(b) ? a : null;
                }
                return c != 0 ? a : b;
            }
            return c;
        }

        @Override
        Long climb(int minPrec) {
            if (++nesting > 200) {
                return giveUp();
            }
            Long left = climbFrom(unary(), minPrec);
            nesting--;
            return left;
        }

        @Override
        Long apply(String op, Long a, Long b) {
            // short circuits decide with one side unknown
            if (op.equals("&&")) {
                if (a != null && a == 0 || b != null && b == 0) {
                    return 0L;
                }
                return a == null || b == null ? null : 1L;
            }
            if (op.equals("||")) {
                if (a != null && a != 0 || b != null && b != 0) {
                    return 1L;
                }
                return a == null || b == null ? null : 0L;
            }
            if (a == null || b == null) {
                return null;
            }
            long x = a;
            long y = b;
            return switch (op) {
                case "|" -> x | y;
                case "^" -> x ^ y;
                case "&" -> x & y;
                case "==" -> x == y ? 1L : 0L;
                case "!=" -> x != y ? 1L : 0L;
                case "<" -> x < y ? 1L : 0L;
                case ">" -> x > y ? 1L : 0L;
                case "<=" -> x <= y ? 1L : 0L;
                case ">=" -> x >= y ? 1L : 0L;
                case "<<" -> y >= 0 && y < 64 ? x << y : 0L;
                case ">>" -> y >= 0 && y < 64 ? x >> y : 0L;
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                case "/" -> y == 0 ? null : x / y;
                case "%" -> y == 0 ? null : x % y;
                default -> null;
            };
        }

        Long unary() {
            if (pos >= ts.size()) {
                return null;
            }
            Token t = ts.get(pos);
            if (t.kind() == Token.Kind.PUNCT) {
                switch (t.text()) {
                    case "!" -> {
                        pos++;
                        Long v = unary();
                        return v == null ? null : v == 0 ? 1L : 0L;
                    }
                    case "~" -> {
                        pos++;
                        Long v = unary();
                        return v == null ? null : ~v;
                    }
                    case "-" -> {
                        pos++;
                        Long v = unary();
                        return v == null ? null : -v;
                    }
                    case "+" -> {
                        pos++;
                        return unary();
                    }
                    case "(" -> {
                        pos++;
                        Long v = ternary();
                        return expect(")") ? v : null;
                    }
                    default -> {
                        return giveUp();
                    }
                }
            }
            pos++;
            switch (t.kind()) {
                case NUMBER -> {
                    Value v = Evaluator.integer(t.text());
                    return v.known() ? v.number() : null;
                }
                case CHAR -> {
                    Value v = Evaluator.charLiteral(t, "");
                    return v.known() ? v.number() : null;
                }
                case IDENT -> {
                    if (t.text().equals("defined")) {
                        boolean paren = at("(");
                        if (paren) {
                            pos++;
                        }
                        if (pos >= ts.size() || !ts.get(pos).isIdent()) {
                            return giveUp();
                        }
                        String name = ts.get(pos++).text();
                        if (paren && !expect(")")) {
                            return null;
                        }
                        return defined.containsKey(name) ? 1L : null;
                    }
                    return name(t.text());
                }
                default -> {
                    return null;
                }
            }
        }

        /** A macro in a condition: its value when defined for sure, else unknown. */
        Long name(String name) {
            if (pos < ts.size() && ts.get(pos).is("(")) {
                return giveUp(); // a function-like macro in a condition: not followed
            }
            String text = defined.get(name);
            if (text == null || depth >= MAX_DEPTH) {
                return null;
            }
            List<Token> body = Tokenizer.tokenize(text).tokens();
            if (body.isEmpty()) {
                return null; // #define X (empty) is not a number in #if X
            }
            Parser inner = new Parser(body, defined, maybe, depth + 1);
            Long v = inner.ternary();
            return inner.pos == body.size() ? v : null;
        }
    }
}
