package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands the uses of wrapper macros (macros that, perhaps through other macros, call a pool routine) into token
 * sequences the call extractor reads, each token remembering whether it came from the file or from a macro body.
 */
final class MacroExpander {
    /** A token and where it came from: the file itself, or a macro body (possibly in another file). */
    record FTok(Token t, String file, boolean body) {
    }

    private final FileTokens tokens;
    private final FileScanner.Macros macros;

    MacroExpander(FileTokens tokens, FileScanner.Macros macros) {
        this.tokens = tokens;
        this.macros = macros;
    }

    /** The wrapper macro named {@code name}, or null. */
    Definition wrapper(String name) {
        return macros.wrapper(name);
    }

    /** The file's tokens [from, to] without directives, as an expansion would hold them. */
    List<FTok> fileSeq(int from, int to) {
        List<FTok> out = new ArrayList<>(to - from + 1);
        for (int j = from; j <= to && j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.kind() != Token.Kind.DIRECTIVE) {
                out.add(new FTok(t, tokens.file, false));
            }
        }
        return out;
    }

    /** The use of wrapper macro {@code w} at token {@code k}, expanded; null when it cannot be. */
    List<FTok> expandAt(Definition w, int k) {
        int close = tokens.matchForward(k + 1);
        return expand(w, fileSeq(k, close), 0, new HashSet<>());
    }

    /**
     * Expands a use of macro {@code w}; {@code use} starts with the macro name and (for a function-like macro) holds
     * its argument list. Nested wrapper macros are expanded too, a macro never inside itself.
     */
    private List<FTok> expand(Definition w, List<FTok> use, int depth, Set<String> active) {
        if (depth > 6 || active.contains(w.name())) {
            return null;
        }
        if (!w.functionLike()) {
            List<FTok> out = new ArrayList<>();
            for (Token b : w.body()) {
                out.add(new FTok(b, w.file(), true));
            }
            out.addAll(use.subList(1, use.size()));
            return out; // an alias: #define MyAlloc ExAllocatePoolWithTag
        }
        if (use.size() < 2 || !use.get(1).t().is("(")) {
            return null;
        }
        List<FTok> out = substitute(w, arguments(use));
        // nested wrappers inside the expansion
        Set<String> now = new HashSet<>(active);
        now.add(w.name());
        for (int j = 0; j + 1 < out.size(); j++) {
            Token b = out.get(j).t();
            if (!b.isIdent() || !out.get(j).body() || PoolRoutine.byName(b.text()) != null && !isWrapperName(b.text())) {
                continue;
            }
            Definition inner = macros.wrapper(b.text());
            if (inner == null || now.contains(inner.name())) {
                continue;
            }
            int end = inner.functionLike() ? matchIn(out, j + 1) : j;
            if (end < 0) {
                continue;
            }
            List<FTok> sub = expand(inner, out.subList(j, end + 1), depth + 1, now);
            if (sub != null) {
                List<FTok> merged = new ArrayList<>(out.subList(0, j));
                merged.addAll(sub);
                merged.addAll(out.subList(end + 1, out.size()));
                out = merged;
                j += Math.max(0, sub.size() - 1);
            }
        }
        return out;
    }

    /** The arguments of a function-like macro use (its name, then its parenthesized list). */
    private static List<List<FTok>> arguments(List<FTok> use) {
        List<List<FTok>> args = new ArrayList<>();
        List<FTok> cur = new ArrayList<>();
        int d = 0;
        for (int j = 2; j < use.size(); j++) {
            Token t = use.get(j).t();
            if (t.is("(") || t.is("[") || t.is("{")) {
                d++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                if (d == 0) {
                    break;
                }
                d--;
            } else if (d == 0 && t.is(",")) {
                args.add(cur);
                cur = new ArrayList<>();
                continue;
            }
            cur.add(use.get(j));
        }
        args.add(cur);
        return args;
    }

    /** The body of function-like macro {@code w} with its parameters replaced by {@code args}. */
    private static List<FTok> substitute(Definition w, List<List<FTok>> args) {
        List<FTok> out = new ArrayList<>();
        List<Token> body = w.body();
        for (int j = 0; j < body.size(); j++) {
            Token b = body.get(j);
            if (b.is("#") || b.is("##")) {
                continue; // stringizing and pasting make names the tokens cannot follow
            }
            int pi = w.functionLike() && b.isIdent() ? w.params().indexOf(b.text()) : -1;
            if (pi >= 0) {
                if (b.text().equals("__VA_ARGS__")) {
                    for (int a = pi; a < args.size(); a++) {
                        if (a > pi) {
                            out.add(new FTok(synthetic(Token.Kind.PUNCT, ",", b), w.file(), true));
                        }
                        out.addAll(args.get(a));
                    }
                } else if (pi < args.size()) {
                    out.addAll(args.get(pi));
                }
            } else {
                out.add(new FTok(b, w.file(), true));
            }
        }
        return out;
    }

    private boolean isWrapperName(String name) {
        return macros.wrapper(name) != null;
    }

    private static Token synthetic(Token.Kind kind, String text, Token at) {
        return new Token(kind, text, at.line(), at.col(), at.endLine(), at.endCol(), at.start(), at.end(), null);
    }

    /** Index of the ')' matching the '(' at {@code open} in {@code seq}, or -1. */
    static int matchIn(List<FTok> seq, int open) {
        if (open >= seq.size() || !seq.get(open).t().is("(")) {
            return -1;
        }
        return FileTokens.closing(j -> seq.get(j).t().kind() == Token.Kind.PUNCT ? seq.get(j).t().text() : null, seq.size(),
                open, Integer.MAX_VALUE, -1);
    }
}
