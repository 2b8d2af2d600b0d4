package dev.pooltags.lint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A name the source gives a value: {@code #define NAME body}, {@code #define NAME(a, b) body},
 * {@code const ULONG NAME = expr;}, or an enumerator.
 *
 * <p>A {@code #define} keeps the text of its line rather than its tokens (a tree has hundreds of thousands of them,
 * and token objects cost ten times the text): {@link #body()} reads the line again when asked, with the places the
 * tokens have in the file. The names its body calls are kept, for finding the macros that wrap pool routines.
 */
public final class Definition {
    /** Where a definition came from. */
    public enum Kind { DEFINE, CONST, ENUM }

    private final String name;
    private final List<String> params;
    private final List<Token> body;
    private final Location where;
    private final Kind kind;
    private final Text text;
    private final List<String> callees;

    /** A constant or enumerator, or a macro built by hand: the body as tokens. */
    public Definition(String name, List<String> params, List<Token> body, Location where, Kind kind) {
        this(name, params, List.copyOf(body), where, kind, null, body);
    }

    /** {@code body} or {@code text} is null: the body is kept as tokens, or as text read again when asked. */
    private Definition(String name, List<String> params, List<Token> body, Location where, Kind kind, Text text,
            List<Token> bodyNow) {
        this.name = name;
        this.params = params;
        this.body = body;
        // a name is on one line: its place ends on the line it starts
        this.where = new Location(where.file(), where.line(), where.col(), where.line(), where.endCol(), where.start(),
                where.end());
        this.kind = kind;
        this.text = text;
        this.callees = calleesOf(bodyNow, name, params);
    }

    /** How a body kept as text is read again. */
    private enum Keep { DIRECTIVE, FRAGMENT, SYNTHETIC }

    /**
     * A body kept as text: a {@code #define}'s line (from its '#'), an initializer's expression, or for an implicit
     * enumerator "PREVIOUS + 1"; where the text starts in the file; how many of its tokens precede the body.
     */
    private record Text(Keep keep, String source, int line, int col, int offset, int bodyStart) {
        /** The body's tokens, tokenized again from the text, with their places in the file. */
        List<Token> tokens(Location where) {
            if (keep == Keep.SYNTHETIC) {
                List<Token> out = new ArrayList<>(3);
                for (Token t : Tokenizer.tokenize(source).tokens()) {
                    out.add(new Token(t.kind(), t.text(), where.line(), where.col(), where.line(), where.endCol(),
                            where.start(), where.end(), null));
                }
                return out;
            }
            // the text again, shifted to where it is written
            byte[] pad = new byte[col - 1 + source.length()];
            java.util.Arrays.fill(pad, 0, col - 1, (byte) ' ');
            byte[] bytes = source.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(bytes, 0, pad, col - 1, bytes.length);
            List<Token> ts = Tokenizer.tokenize(pad).tokens();
            if (keep == Keep.DIRECTIVE) {
                if (ts.isEmpty() || ts.get(0).directive() == null) {
                    return List.of();
                }
                ts = ts.get(0).directive().tokens();
            }
            int shift = offset - (col - 1);
            List<Token> out = new ArrayList<>(Math.max(0, ts.size() - bodyStart));
            for (int k = bodyStart; k < ts.size(); k++) {
                Token t = ts.get(k);
                out.add(new Token(t.kind(), t.text(), t.line() + line - 1, t.col(), t.endLine() + line - 1,
                        t.endCol(), t.start() + shift, t.end() + shift, null));
            }
            return out;
        }
    }

    /**
     * The {@code #define} of directive token {@code directive} of {@code file}, or null when it defines nothing
     * (no name). {@code src} is the file's text.
     */
    static Definition ofDefine(String file, Token directive, byte[] src) {
        Parsed p = parse(directive.directive().tokens());
        if (p == null) {
            return null;
        }
        List<Token> body = p.tokens.subList(p.bodyStart, p.tokens.size());
        String name = p.name.text().intern(); // the same names recur in header after header
        Location where = Location.of(file, p.name);
        if (body.isEmpty()) {
            return new Definition(name, p.params, List.of(), where, Kind.DEFINE, null, body);
        }
        Token first = body.get(0);
        Token last = body.get(body.size() - 1);
        if (first.is("#") || first.is("##") || first.start() < 0 || last.end() > src.length) {
            // a body that starts with '#' would read as a directive on its own: keep the whole line
            String text = new String(src, directive.start(), directive.end() - directive.start(),
                    StandardCharsets.ISO_8859_1);
            return new Definition(name, p.params, null, where, Kind.DEFINE,
                    new Text(Keep.DIRECTIVE, text, directive.line(), directive.col(), directive.start(), p.bodyStart), body);
        }
        // the body alone: its first token to its last, continuations and comments between them included
        String text = new String(src, first.start(), last.end() - first.start(), StandardCharsets.ISO_8859_1);
        return new Definition(name, p.params, null, where, Kind.DEFINE,
                new Text(Keep.FRAGMENT, text, first.line(), first.col(), first.start(), 0), body);
    }

    /**
     * A constant or an enumerator whose value is the expression {@code body}, written in one piece in {@code src}
     * (kept as that text), or, when {@code body} is null, an implicit enumerator: {@code previous + 1}, or 0 for the
     * first.
     */
    static Definition ofExpression(String file, Token name, Kind kind, List<Token> body, boolean contiguous,
            String previous, byte[] src) {
        Location where = Location.of(file, name);
        if (body == null) {
            String text = previous == null ? "0" : previous + " + 1";
            return new Definition(name.text(), null, null, where, kind, new Text(Keep.SYNTHETIC, text, 0, 0, 0, 0),
                    java.util.List.of(name));
        }
        if (body.isEmpty() || !contiguous) {
            return new Definition(name.text(), null, body, where, kind);
        }
        Token a = body.get(0);
        Token b = body.get(body.size() - 1);
        String text = new String(src, a.start(), b.end() - a.start(), StandardCharsets.ISO_8859_1);
        return new Definition(name.text(), null, null, where, kind,
                new Text(Keep.FRAGMENT, text, a.line(), a.col(), a.start(), 0), body);
    }

    private record Parsed(Token name, List<String> params, int bodyStart, List<Token> tokens) {
    }

    /** The name, parameters and where the body starts, in the tokens after {@code define}. */
    private static Parsed parse(List<Token> ts) {
        if (ts.isEmpty() || !ts.get(0).isIdent()) {
            return null;
        }
        Token name = ts.get(0);
        List<String> params = null;
        int bodyStart = 1;
        if (ts.size() > 1 && ts.get(1).is("(") && ts.get(1).start() == name.end()) {
            params = new ArrayList<>();
            int k = 2;
            for (; k < ts.size() && !ts.get(k).is(")"); k++) {
                Token p = ts.get(k);
                if (p.isIdent()) {
                    params.add(p.text());
                } else if (p.is("...")) {
                    params.add("__VA_ARGS__");
                }
            }
            bodyStart = Math.min(ts.size(), k + 1);
            params = List.copyOf(params);
        }
        return new Parsed(name, params, bodyStart, ts);
    }

    private static List<String> calleesOf(List<Token> b, String self, List<String> params) {
        List<String> out = null;
        if (params == null && b.size() == 1 && b.get(0).isIdent() && !b.get(0).text().equals(self)) {
            return List.of(b.get(0).text()); // an alias: #define MyAlloc ExAllocatePoolWithTag
        }
        for (int k = 0; k + 1 < b.size(); k++) {
            Token t = b.get(k);
            if (t.isIdent() && b.get(k + 1).is("(") && !t.text().equals(self)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(t.text());
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    public String name() {
        return name;
    }

    /** The parameters of a function-like macro, null for everything else. */
    public List<String> params() {
        return params;
    }

    /** The replacement tokens or the initializer expression, with their places in the file. */
    public List<Token> body() {
        return body != null ? body : text.tokens(where);
    }

    /** The names the body calls ({@code name(}), or the one name an object-like macro stands for. */
    public List<String> callees() {
        return callees;
    }

    /** The name's place. */
    public Location where() {
        return where;
    }

    public Kind kind() {
        return kind;
    }

    public boolean functionLike() {
        return params != null;
    }

    public String file() {
        return where.file();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Definition d && d.where.start() == where.start() && d.where.line() == where.line()
                && d.where.col() == where.col() && d.where.file().equals(where.file()) && d.name.equals(name) && d.kind == kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, where.file(), where.line(), where.col());
    }

    @Override
    public String toString() {
        return kind + " " + name + " at " + where();
    }
}
