package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the pointer events of each function for the mismatched-free rule: allocations stored into a pointer path,
 * frees of a path, and anything else that puts another value into a path (assignments, increments, address-of handed
 * to a routine that may store through it). A path is a chain of names, members and subscripts.
 */
final class PointerEventExtractor {
    /** Pointer events kept per function: beyond this a function is generated code, not followed further. */
    static final int MAX_EVENTS = 20_000;
    private static final Set<String> NULLS = Set.of("NULL", "nullptr", "0", "FALSE");

    private final FileTokens tokens;
    private final ScopeTracker scope;
    private final MacroExpander macros;
    private List<PointerEvent> events = new ArrayList<>();
    private boolean truncated;
    /** The {@code &} of {@code &p} arguments an allocation already recorded as its target. */
    private final Set<Integer> handledAmpersands = new HashSet<>();

    PointerEventExtractor(FileTokens tokens, ScopeTracker scope, MacroExpander macros) {
        this.tokens = tokens;
        this.scope = scope;
        this.macros = macros;
    }

    /** The events of the current function so far. */
    List<PointerEvent> events() {
        return events;
    }

    /** True when the current function had more than {@link #MAX_EVENTS} and the rest were not kept. */
    boolean truncated() {
        return truncated;
    }

    /** The function ended: start afresh. */
    void clear() {
        events = new ArrayList<>();
        truncated = false;
    }

    private void add(PointerEvent e) {
        if (events.size() < MAX_EVENTS) {
            events.add(e);
        } else {
            truncated = true;
        }
    }

    private PointerEvent event(PointerEvent.Type type, PointerPath path, int order, Call call, Location where) {
        ScopeTracker.Function f = scope.function();
        return new PointerEvent(type, path, f.id(), isParam(f, path), isLocal(f, path), order, scope.block(), call,
                where);
    }

    /** True when the path starts from a name the function declares (not a member, not a global). */
    private static boolean isLocal(ScopeTracker.Function f, PointerPath p) {
        return f != null && f.locals().contains(p.base());
    }

    private static boolean isParam(ScopeTracker.Function f, PointerPath p) {
        return f != null && f.params().contains(p.base()) && (!p.field() || p.dotBase());
    }

    /** A pool call inside a function: an allocation into a path, or a free of one. */
    void call(Call c) {
        if (c.routine().allocates() && c.target() != null) {
            add(event(PointerEvent.Type.ALLOC, c.target(), c.order(), c, c.site()));
        } else if (c.routine().kind() == PoolRoutine.Kind.FREE) {
            Arg p = c.arg(c.routine().pointerArg());
            PointerPath path = p == null ? null : path(stripCasts(p.tokens()), p.text());
            if (path != null) {
                add(event(PointerEvent.Type.FREE, path, c.order(), c, c.site()));
            }
        }
    }

    /** Where the value of the expression starting at {@code k} is stored: {@code x = (T)(ExAllocate...)}. */
    PointerPath targetBefore(int k) {
        int j = tokens.beforeExpression(k);
        return tokens.isPunct(j, "=") ? chainBefore(j) : null;
    }

    /** The target of an allocation that returns its block through {@code &p}: the path after the {@code &}. */
    PointerPath outTarget(Arg p) {
        if (p == null || p.isEmpty() || !p.tokens().get(0).is("&")) {
            return null;
        }
        handledAmpersands.add(p.tokens().get(0).start());
        return path(p.tokens().subList(1, p.tokens().size()), p.text().substring(1).trim());
    }

    /** Assignments, increments and address-of at {@code k}: anything that puts another value into a pointer path. */
    void write(Token t, int k) {
        String p = t.text();
        if (p.equals("=") || p.equals("+=") || p.equals("-=")) {
            assignment(t, k);
        } else if (p.equals("++") || p.equals("--")) {
            PointerPath before = tokens.tok(k - 1) != null && tokens.tok(k - 1).isIdent() ? chainBefore(k) : null;
            if (before != null) {
                add(event(PointerEvent.Type.OTHER, before, k, null, Location.of(tokens.file, t)));
            }
        } else if (p.equals("&") && !handledAmpersands.contains(t.start())) {
            addressOf(t, k);
        }
    }

    private void assignment(Token t, int k) {
        PointerPath lhs = chainBefore(k);
        if (lhs == null) {
            return;
        }
        if (t.text().equals("=")) {
            int j = k + 1;
            List<Token> rest = new ArrayList<>();
            for (int m = j; m < tokens.size() && m < j + 64; m++) {
                Token x = tokens.get(m);
                if (x.is(";") || x.is(",") && rest.isEmpty()) {
                    break;
                }
                rest.add(x);
            }
            List<Token> v = stripCasts(rest);
            if (!v.isEmpty()) {
                Token first = v.get(0);
                if (v.size() == 1 && NULLS.contains(first.text())) {
                    return;
                }
                if (first.isIdent() && v.size() > 1 && v.get(1).is("(")) {
                    PoolRoutine r = PoolRoutine.byName(first.text());
                    if (r != null && r.kind() == PoolRoutine.Kind.ALLOCATE || macros.wrapper(first.text()) != null) {
                        return; // the allocation records it
                    }
                }
            }
        }
        add(event(PointerEvent.Type.OTHER, lhs, k, null, Location.of(tokens.file, t)));
    }

    /** {@code &a->b[i].c} not already an allocation's target, not handed to a routine that leaves pointers be. */
    private void addressOf(Token t, int k) {
        Token prev = tokens.tok(k - 1);
        boolean unary = prev == null || prev.kind() == Token.Kind.PUNCT && !prev.is(")") && !prev.is("]")
                || prev.is("return");
        if (!unary) {
            return;
        }
        // the chain after '&': names, members and subscripts
        int j = k + 1;
        int end = -1;
        for (int guard = 0; guard < 64 && tokens.tok(j) != null && tokens.tok(j).isIdent(); guard++) {
            end = j;
            while (tokens.isPunct(end + 1, "[")) {
                int close = matchBracketForward(end + 1);
                if (close < 0) {
                    return;
                }
                end = close;
            }
            if (tokens.isPunct(end + 1, "->") || tokens.isPunct(end + 1, ".")) {
                j = end + 2;
            } else {
                break;
            }
        }
        if (end >= 0 && !tokens.isPunct(end + 1, "(") && !keepsPointers(k)) {
            PointerPath pp = path(tokens.subList(k + 1, end + 1), tokens.sourceText(tokens.subList(k + 1, end + 1)));
            if (pp == null) {
                return;
            }
            add(event(PointerEvent.Type.OTHER, pp, k, null, Location.of(tokens.file, t)));
        }
    }

    /** Index of the ']' matching the '[' at {@code open} within 400 tokens, or -1. */
    private int matchBracketForward(int open) {
        int depth = 0;
        for (int m = open; m < tokens.size() && m < open - 1 + 400; m++) {
            if (tokens.isPunct(m, "[")) {
                depth++;
            } else if (tokens.isPunct(m, "]") && --depth == 0) {
                return m;
            }
        }
        return -1;
    }

    /** The lvalue chain ending just before {@code eq} ({@code a->b.c}), or null when it is not a plain chain. */
    private PointerPath chainBefore(int eq) {
        int j = eq - 1;
        int begin = -1;
        for (int guard = 0; guard < 64 && j >= 0; guard++) {
            if (tokens.isPunct(j, "]")) {
                j = tokens.matchBracketBackward(j) - 1;
                if (j < 0) {
                    return null;
                }
            } else if (tokens.tok(j) != null && tokens.tok(j).isIdent()) {
                if (tokens.isPunct(j - 1, "->") || tokens.isPunct(j - 1, ".")) {
                    j -= 2;
                } else {
                    begin = j;
                    break;
                }
            } else {
                return null; // (*p)->x, f()->x: not followed
            }
        }
        if (begin < 0) {
            return null;
        }
        if (tokens.isPunct(begin - 1, "*")) {
            Token before = tokens.tok(begin - 2);
            boolean declaration = before != null && (before.isIdent() && !ScopeTracker.notFunction(before.text())
                    || before.is("*"));
            if (!declaration) {
                return null; // *p = ...: a store through p, not into p
            }
        }
        return path(tokens.subList(begin, eq), tokens.sourceText(tokens.subList(begin, eq)));
    }

    /** True when the {@code &} at {@code amp} is a direct argument of a routine that leaves the pointers in place. */
    private boolean keepsPointers(int amp) {
        int depth = 0;
        int open = -1;
        for (int j = amp - 1; j >= 0 && amp - j < 400; j--) {
            Token t = tokens.get(j);
            if (t.is(")")) {
                depth++;
            } else if (t.is("(")) {
                if (depth == 0) {
                    open = j;
                    break;
                }
                depth--;
            } else if (t.is(";") || t.is("{") || t.is("}")) {
                return false;
            }
        }
        Token name = tokens.tok(open - 1);
        if (open < 0 || name == null || !MismatchedFreeTagRule.keepsPointers(name.text())) {
            return false;
        }
        List<List<Token>> args = Arg.split(tokens.subList(open + 1, Math.max(open + 1, tokens.matchForward(open))));
        return MismatchedFreeTagRule.keepsPointers(name.text(), args, tokens.get(amp).start());
    }

    /** The tokens without leading casts {@code (PVOID)} and enclosing parentheses. */
    static List<Token> stripCasts(List<Token> ts) {
        List<Token> cur = ts;
        for (int guard = 0; guard < 8 && !cur.isEmpty() && cur.get(0).is("("); guard++) {
            int d = 0;
            int close = -1;
            for (int j = 0; j < cur.size(); j++) {
                if (cur.get(j).is("(")) {
                    d++;
                } else if (cur.get(j).is(")")) {
                    d--;
                    if (d == 0) {
                        close = j;
                        break;
                    }
                }
            }
            if (close < 0) {
                return cur;
            }
            if (close == cur.size() - 1) {
                cur = cur.subList(1, close); // (expr)
            } else if (FileTokens.looksLikeType(cur.subList(1, close))) {
                cur = cur.subList(close + 1, cur.size()); // (TYPE) expr
            } else {
                return cur;
            }
        }
        return cur;
    }

    /**
     * A pointer path from an expression that is exactly a chain of names, members and subscripts ({@code a},
     * {@code a->b}, {@code a.b->c}, {@code ctx->Slots[i].Data}, {@code p[i]}), or null. A subscript stands for any
     * element: {@code Slots[i].Data} and {@code Slots[j].Data} are one place.
     */
    static PointerPath path(List<Token> ts, String text) {
        if (ts.isEmpty() || !ts.get(0).isIdent()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        names.add(ts.get(0).text());
        Boolean dotBase = null;
        int i = 1;
        while (i < ts.size()) {
            Token t = ts.get(i);
            if (t.is("[")) {
                int depth = 0;
                int close = -1;
                for (int j = i; j < ts.size(); j++) {
                    if (ts.get(j).is("[")) {
                        depth++;
                    } else if (ts.get(j).is("]") && --depth == 0) {
                        close = j;
                        break;
                    }
                }
                if (close < 0) {
                    return null;
                }
                names.set(names.size() - 1, names.get(names.size() - 1) + "[]");
                i = close + 1;
            } else if ((t.is("->") || t.is(".")) && i + 1 < ts.size() && ts.get(i + 1).isIdent()) {
                if (dotBase == null) {
                    dotBase = t.is(".");
                }
                names.add(ts.get(i + 1).text());
                i += 2;
            } else {
                return null;
            }
        }
        return pathOfNames(names, text, dotBase != null && dotBase);
    }

    private static PointerPath pathOfNames(List<String> names, String text, boolean dotBase) {
        String first = names.get(0);
        String base = first.endsWith("[]") ? first.substring(0, first.indexOf('[')) : first;
        if (names.size() == 1) {
            return new PointerPath(false, first, text, base, false);
        }
        List<String> members = names.subList(1, names.size());
        String key = String.join(".", members.subList(Math.max(0, members.size() - 2), members.size()));
        return new PointerPath(true, key, text, base, dotBase);
    }
}
