package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates the constant expressions drivers write for tags, pool types and flags: integer and character literals
 * (multi-character {@code 'fByM'} as MSVC reads it: first character in the high byte), names defined by
 * {@code #define}, {@code const} or {@code enum} (looked up through {@link Scope}), function-like macros such as
 * {@code MAKE_TAG(a,b,c,d)}, casts, parentheses and the usual operators. Anything else is unknown: a name with two
 * different definitions in reach, {@code sizeof}, a variable, a function call.
 */
public final class Evaluator {
    private static final int MAX_DEPTH = 24;

    private final Scope scope;
    /** Values of names evaluated with nothing unknown: the same tag constant is read at every call. */
    private final java.util.Map<String, Value> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public Evaluator(Scope scope) {
        this.scope = scope;
    }

    /** The value of {@code tokens} as seen from {@code file}; {@code unknowns} are names with no value there. */
    public Value eval(List<Token> tokens, String file, List<String> unknowns) {
        return eval(tokens, file, new HashSet<>(unknowns), 0);
    }

    private Value eval(List<Token> tokens, String file, Set<String> unknowns, int depth) {
        if (tokens.isEmpty() || depth > MAX_DEPTH) {
            return Value.UNKNOWN;
        }
        Parser p = new Parser(tokens, file, unknowns, depth);
        Value v = p.expr(0);
        return p.pos == tokens.size() ? v : Value.UNKNOWN;
    }

    /** The value of a name as {@code file} sees it: unknown when it is undefined or defined differently in reach. */
    public Value name(String name, String file, Set<String> unknowns, int depth) {
        if (unknowns.contains(name)) {
            return Value.UNKNOWN;
        }
        if (unknowns.isEmpty() && depth <= 1) {
            String key = file + "\u0000" + name;
            Value v = cache.get(key);
            if (v == null) {
                v = lookupValue(name, file, unknowns, depth);
                cache.put(key, v);
            }
            return v;
        }
        return lookupValue(name, file, unknowns, depth);
    }

    private Value lookupValue(String name, String file, Set<String> unknowns, int depth) {
        switch (name) {
            case "PROTECTED_POOL":
                return Value.number(0x80000000L);
            case "POOL_NX_ALLOCATION":
                return Value.number(512);
            case "POOL_RAISE_IF_ALLOCATION_FAILURE":
                return Value.number(16);
            case "NULL", "nullptr", "FALSE":
                return Value.number(0);
            case "TRUE":
                return Value.number(1);
            default:
                break;
        }
        List<Definition> defs = scope.lookup(file, name);
        if (defs.isEmpty()) {
            return Value.UNKNOWN;
        }
        Value first = null;
        Set<String> inner = new HashSet<>(unknowns);
        inner.add(name); // a macro never expands inside itself
        for (Definition d : defs) {
            if (d.functionLike()) {
                return Value.UNKNOWN;
            }
            Value v = eval(d.body(), d.file(), inner, depth + 1);
            if (first == null) {
                first = v.withNamed(d);
            } else if (v.kind() != first.kind() || v.number() != first.number()
                    || v.kind() == Value.Kind.UNKNOWN) {
                return Value.UNKNOWN; // #if branches disagree: no single value
            }
        }
        return first;
    }

    private final class Parser extends CPrecedence.Climber<Value> {
        final String file;
        final Set<String> unknowns;
        final int depth;
        int nesting;

        Parser(List<Token> ts, String file, Set<String> unknowns, int depth) {
            super(ts);
            this.file = file;
            this.unknowns = unknowns;
            this.depth = depth;
        }

        @Override
        Value climb(int minPrec) {
            return expr(minPrec);
        }

        boolean at(String p) {
            Token t = peek();
            return t != null && t.kind() == Token.Kind.PUNCT && t.text().equals(p);
        }

        Value expr(int minPrec) {
            if (++nesting > 200) {
                pos = ts.size() + 1; // absurdly deep nesting: give up rather than exhaust the stack
                return Value.UNKNOWN;
            }
            Value left = climbFrom(unary(), minPrec);
            if (minPrec == 0 && at("?")) {
                pos++;
                Value a = expr(0);
                if (!at(":")) {
                    return Value.UNKNOWN;
                }
                pos++;
                Value b = expr(0);
                nesting--;
                if (!left.known()) {
                    return Value.UNKNOWN;
                }
                return left.number() != 0 ? a : b;
            }
            nesting--;
            return left;
        }

        @Override
        Value apply(String op, Value a, Value b) {
            if (!a.known() || !b.known()) {
                return Value.UNKNOWN;
            }
            long x = a.number();
            long y = b.number();
            long r;
            switch (op) {
                case "||" -> r = x != 0 || y != 0 ? 1 : 0;
                case "&&" -> r = x != 0 && y != 0 ? 1 : 0;
                case "|" -> r = x | y;
                case "^" -> r = x ^ y;
                case "&" -> r = x & y;
                case "==" -> r = x == y ? 1 : 0;
                case "!=" -> r = x != y ? 1 : 0;
                case "<" -> r = x < y ? 1 : 0;
                case ">" -> r = x > y ? 1 : 0;
                case "<=" -> r = x <= y ? 1 : 0;
                case ">=" -> r = x >= y ? 1 : 0;
                case "<<" -> r = y >= 0 && y < 64 ? x << y : 0;
                case ">>" -> r = y >= 0 && y < 64 ? x >>> y : 0;
                case "+" -> r = x + y;
                case "-" -> r = x - y;
                case "*" -> r = x * y;
                case "/" -> {
                    if (y == 0) {
                        return Value.UNKNOWN;
                    }
                    r = x / y;
                }
                case "%" -> {
                    if (y == 0) {
                        return Value.UNKNOWN;
                    }
                    r = x % y;
                }
                default -> {
                    return Value.UNKNOWN;
                }
            }
            return Value.number(r & 0xFFFFFFFFL);
        }

        Value unary() {
            Token t = peek();
            if (t == null) {
                return Value.UNKNOWN;
            }
            if (t.kind() == Token.Kind.PUNCT) {
                switch (t.text()) {
                    case "-", "+", "~", "!" -> {
                        pos++;
                        Value v = unary();
                        if (!v.known()) {
                            return Value.UNKNOWN;
                        }
                        long x = v.number();
                        long r = switch (t.text()) {
                            case "-" -> -x;
                            case "~" -> ~x;
                            case "!" -> x == 0 ? 1 : 0;
                            default -> x;
                        };
                        return Value.number(r & 0xFFFFFFFFL);
                    }
                    case "&" -> {
                        pos++;
                        unary();
                        return new Value(Value.Kind.ADDRESS, 0, null, null, 0, null, null);
                    }
                    case "(" -> {
                        int close = matching(pos);
                        if (close < 0) {
                            return Value.UNKNOWN;
                        }
                        if (isCast(pos + 1, close) && close + 1 < ts.size() && startsOperand(ts.get(close + 1))) {
                            boolean pointer = ts.get(close - 1).is("*");
                            pos = close + 1;
                            Value v = unary();
                            return pointer && v.known() ? v.withoutLiteral() : v;
                        }
                        pos++;
                        Value v = expr(0);
                        if (!at(")")) {
                            return Value.UNKNOWN;
                        }
                        pos++;
                        return v;
                    }
                    default -> {
                        return Value.UNKNOWN;
                    }
                }
            }
            return primary();
        }

        boolean startsOperand(Token t) {
            return t.kind() != Token.Kind.PUNCT || t.is("(") || t.is("~") || t.is("-") || t.is("!") || t.is("&");
        }

        boolean isCast(int from, int close) {
            if (from >= close) {
                return false;
            }
            for (int k = from; k < close; k++) {
                Token t = ts.get(k);
                if (!(t.isIdent() || t.is("*"))) {
                    return false;
                }
            }
            // (MY_TAG) is a parenthesized name, (ULONG) a cast: a single name is a cast only if it is not defined
            if (close - from == 1) {
                String n = ts.get(from).text();
                if (isTypeName(n)) {
                    return true;
                }
                if (!scope.lookup(file, n).isEmpty()) {
                    return false;
                }
                return n.length() > 1 && n.charAt(0) == 'P' && n.equals(n.toUpperCase(java.util.Locale.ROOT));
            }
            return true;
        }

        boolean isTypeName(String n) {
            switch (n) {
                case "ULONG", "LONG", "DWORD", "UINT", "INT", "int", "unsigned", "long", "UINT32", "INT32", "ULONG32",
                        "uint32_t", "int32_t", "USHORT", "UCHAR", "CHAR", "ULONGLONG", "ULONG64", "UINT64", "SIZE_T",
                        "ULONG_PTR", "POOL_TYPE", "POOL_FLAGS", "PVOID", "PCHAR", "PUCHAR", "PCSTR", "PSTR", "char",
                        "BOOLEAN", "NDIS_TAG" -> {
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        int matching(int open) {
            int d = 0;
            for (int k = open; k < ts.size(); k++) {
                if (ts.get(k).is("(")) {
                    d++;
                } else if (ts.get(k).is(")")) {
                    d--;
                    if (d == 0) {
                        return k;
                    }
                }
            }
            return -1;
        }

        Value primary() {
            Token t = ts.get(pos);
            switch (t.kind()) {
                case NUMBER -> {
                    pos++;
                    return integer(t.text());
                }
                case CHAR -> {
                    pos++;
                    return charLiteral(t, file);
                }
                case STRING -> {
                    StringBuilder sb = new StringBuilder(t.text());
                    pos++;
                    while (peek() != null && peek().kind() == Token.Kind.STRING) {
                        sb.append(' ').append(peek().text());
                        pos++;
                    }
                    return new Value(Value.Kind.STRING, 0, t, file, 0, null, sb.toString());
                }
                case IDENT -> {
                    pos++;
                    if (t.text().equals("sizeof")) {
                        return Value.UNKNOWN;
                    }
                    if (at("(")) {
                        return macroCall(t);
                    }
                    return name(t.text(), file, unknowns, depth + 1);
                }
                default -> {
                    return Value.UNKNOWN;
                }
            }
        }

        /** A function-like macro used in an expression: {@code MAKE_TAG('a','b','c','d')}. */
        Value macroCall(Token name) {
            int close = matching(pos);
            if (close < 0) {
                return Value.UNKNOWN;
            }
            List<List<Token>> args = Arg.split(ts.subList(pos + 1, close));
            pos = close + 1;
            if (unknowns.contains(name.text())) {
                return Value.UNKNOWN;
            }
            List<Definition> defs = scope.lookup(file, name.text());
            if (defs.size() != 1 || !defs.get(0).functionLike()) {
                return Value.UNKNOWN;
            }
            Definition m = defs.get(0);
            List<Token> expanded = new ArrayList<>();
            for (Token b : m.body()) {
                int pi = b.isIdent() ? m.params().indexOf(b.text()) : -1;
                if (pi >= 0 && pi < args.size()) {
                    expanded.add(paren(b, "("));
                    expanded.addAll(args.get(pi));
                    expanded.add(paren(b, ")"));
                } else if (pi < 0) {
                    expanded.add(b);
                }
            }
            Set<String> inner = new HashSet<>(unknowns);
            inner.add(name.text());
            // the arguments are written in this file, the body in the macro's: evaluate from here
            return eval(expanded, file, inner, depth + 1).withoutLiteral();
        }

        Token paren(Token at, String p) {
            return new Token(Token.Kind.PUNCT, p, at.line(), at.col(), at.endLine(), at.endCol(), at.start(), at.end(), null);
        }
    }

    /** An integer literal: decimal, 0x hex, 0 octal, 0b binary, with suffixes and digit separators. */
    static Value integer(String text) {
        String s = text.replace("'", "");
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        int end = lower.length();
        while (end > 0 && "ul".indexOf(lower.charAt(end - 1)) >= 0) {
            end--;
        }
        if (lower.endsWith("i64") || lower.endsWith("i32") || lower.endsWith("i16") || lower.endsWith("i8")) {
            end = lower.lastIndexOf('i');
            while (end > 0 && lower.charAt(end - 1) == 'u') {
                end--;
            }
        }
        String digits = lower.substring(0, end);
        try {
            long v;
            if (digits.startsWith("0x")) {
                v = Long.parseUnsignedLong(digits.substring(2), 16);
            } else if (digits.startsWith("0b")) {
                v = Long.parseUnsignedLong(digits.substring(2), 2);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                v = Long.parseUnsignedLong(digits.substring(1), 8);
            } else {
                v = Long.parseUnsignedLong(digits);
            }
            return Value.number(v & 0xFFFFFFFFL);
        } catch (NumberFormatException e) {
            return Value.UNKNOWN; // 1.5, 1e3: not a tag
        }
    }

    /**
     * A character literal as MSVC evaluates it: each character one byte, the first in the highest byte; a wide
     * literal ({@code L'x'}) is its single character.
     */
    static Value charLiteral(Token t, String file) {
        String s = t.text();
        int q = s.indexOf('\'');
        boolean wide = q > 0;
        int end = s.length() > q + 1 && s.endsWith("'") ? s.length() - 1 : s.length();
        List<Integer> bytes = new ArrayList<>();
        for (int i = q + 1; i < end; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                bytes.add((int) c & 0xFF);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> bytes.add(10);
                case 't' -> bytes.add(9);
                case 'r' -> bytes.add(13);
                case 'a' -> bytes.add(7);
                case 'b' -> bytes.add(8);
                case 'f' -> bytes.add(12);
                case 'v' -> bytes.add(11);
                case 'x', 'X' -> {
                    int v = 0;
                    int k = i + 1;
                    while (k < end && k < i + 3 && Character.digit(s.charAt(k), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(k), 16);
                        k++;
                    }
                    bytes.add(v & 0xFF);
                    i = k - 1;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = 0;
                        int k = i;
                        while (k < end && k < i + 3 && s.charAt(k) >= '0' && s.charAt(k) <= '7') {
                            v = v * 8 + (s.charAt(k) - '0');
                            k++;
                        }
                        bytes.add(v & 0xFF);
                        i = k - 1;
                    } else {
                        bytes.add((int) e & 0xFF);
                    }
                }
            }
        }
        if (bytes.isEmpty()) {
            return Value.UNKNOWN;
        }
        if (wide) {
            return Value.number(bytes.get(0));
        }
        long v = 0;
        for (int b : bytes) {
            v = (v << 8 | b) & 0xFFFFFFFFL;
        }
        return new Value(Value.Kind.NUMBER, v, t, file, bytes.size(), null, null);
    }
}
