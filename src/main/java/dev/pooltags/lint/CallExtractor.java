package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the pool-routine calls of a file: direct calls inside functions, calls through wrapper macros (expanded by
 * {@link MacroExpander}) and through the driver's own wrapper functions, and calls written inside macro bodies
 * (reported once, at the body). It also keeps what the current function does with pool, so a function that turns
 * out to allocate or free for its callers is summarized as a wrapper when it ends.
 */
final class CallExtractor {
    /** Calls handed to the sink at a time. */
    static final int CALL_BATCH = 4096;
    /** Pool calls a function may make and still be summarized as a wrapper. */
    private static final int MAX_WRAPPER_CALLS = 16;

    private final FileTokens tokens;
    private final ScopeTracker scope;
    private final MacroExpander macros;
    private final FileScanner.Wrappers wrappers;
    private final PointerEventExtractor events;
    private final FileScanner.Sink sink;
    private List<Call> calls = new ArrayList<>();
    // what the current function does with pool, for its summary as a wrapper
    private final List<Call> fnCalls = new ArrayList<>();
    private final Set<Call> fnReturned = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Call, String> fnStoredThrough = new IdentityHashMap<>();
    private final Set<String> fnReturnNames = new HashSet<>();

    CallExtractor(FileTokens tokens, ScopeTracker scope, MacroExpander macros, FileScanner.Wrappers wrappers,
            PointerEventExtractor events, FileScanner.Sink sink) {
        this.tokens = tokens;
        this.scope = scope;
        this.macros = macros;
        this.wrappers = wrappers;
        this.events = events;
        this.sink = sink;
    }

    /** Hands the calls found so far to the sink. */
    void flush() {
        if (!calls.isEmpty()) {
            sink.calls(calls);
            calls = new ArrayList<>();
        }
    }

    /** A function body opens: its summary starts afresh. */
    void startFunction() {
        fnCalls.clear();
        fnReturned.clear();
        fnStoredThrough.clear();
        fnReturnNames.clear();
    }

    /** The current function ends: the sink hears of it as a wrapper when it allocates or frees for its callers. */
    void endFunction(List<PointerEvent> functionEvents) {
        Token fnName = scope.functionName();
        ScopeTracker.Function function = scope.function();
        if (!fnCalls.isEmpty() && fnCalls.size() <= MAX_WRAPPER_CALLS && fnName != null) {
            Set<String> storedParams = new HashSet<>();
            for (PointerEvent e : functionEvents) {
                if (e.param() && e.type() != PointerEvent.Type.FREE && !e.path().field()) {
                    storedParams.add(e.path().base()); // Info = Convert(Info): what it frees is no longer the caller's
                }
            }
            PoolWrapper w = WrapperSummary.of(function.id(), fnName, function.params(), function.locals(), fnCalls,
                    fnReturned, fnStoredThrough, fnReturnNames, storedParams, tokens.file);
            if (w != null) {
                sink.wrapper(w);
            }
        }
        fnCalls.clear();
    }

    /** Calls written inside the body of macro {@code def}: reported once, at the body. */
    void macroBody(Definition def) {
        if (def.callees().stream().noneMatch(n -> PoolRoutine.byName(n) != null)) {
            return;
        }
        List<Token> body = def.body();
        List<MacroExpander.FTok> seq = new ArrayList<>(body.size());
        for (Token b : body) {
            seq.add(new MacroExpander.FTok(b, tokens.file, false));
        }
        List<String> unknowns = def.params() == null ? List.of() : def.params();
        for (int k = 0; k + 1 < seq.size(); k++) {
            Token b = seq.get(k).t();
            if (b.isIdent() && seq.get(k + 1).t().is("(")) {
                PoolRoutine r = PoolRoutine.byName(b.text());
                if (r != null && !b.text().equals(def.name())) {
                    Call c = extractCall(r, seq, k, null, -1, null, unknowns);
                    if (c != null) {
                        addCall(c);
                    }
                }
            }
        }
    }

    /** The call of {@code name} at token {@code k} inside a function: a wrapper macro, a pool routine, a wrapper. */
    void call(String name, int k) {
        Definition w = macros.wrapper(name);
        if (w != null) {
            expandAndExtract(w, k);
            return;
        }
        PoolRoutine r = PoolRoutine.byName(name);
        if (r != null) {
            List<MacroExpander.FTok> seq = macros.fileSeq(k, tokens.matchForward(k + 1));
            Call c = extractCall(r, seq, 0, null, k, null, List.of());
            if (c != null) {
                addCall(c);
            }
            return;
        }
        PoolWrapper pw = wrappers.wrapper(name);
        String id = scope.function().id();
        if (pw != null && !id.endsWith(" " + name) && !id.endsWith("::" + name)) {
            List<MacroExpander.FTok> seq = macros.fileSeq(k, tokens.matchForward(k + 1));
            Call c = extractCall(pw, seq, 0, null, k, null, List.of());
            if (c != null) {
                addCall(pw.fixedTag() != null ? c.withArg(pw.tagArg(), pw.fixedTag()) : c);
            }
        }
    }

    private void expandAndExtract(Definition w, int k) {
        List<MacroExpander.FTok> expansion = macros.expandAt(w, k);
        if (expansion == null) {
            return;
        }
        Location site = Location.of(tokens.file, tokens.get(k));
        for (int j = 0; j + 1 < expansion.size(); j++) {
            Token b = expansion.get(j).t();
            if (b.isIdent() && expansion.get(j + 1).t().is("(")) {
                PoolRoutine r = PoolRoutine.byName(b.text());
                if (r != null) {
                    Call c = extractCall(r, expansion, j, site, k, w.name(), List.of());
                    if (c != null) {
                        addCall(c);
                    }
                }
            }
        }
    }

    /**
     * Builds the call of {@code r} whose name is at {@code at} in {@code seq}. {@code site} is the macro use (null
     * for a direct call), {@code fileIndex} the token index in this file of the name or macro use (-1 inside a
     * definition).
     */
    private Call extractCall(Routine r, List<MacroExpander.FTok> seq, int at, Location site, int fileIndex,
            String viaMacro, List<String> unknowns) {
        int close = MacroExpander.matchIn(seq, at + 1);
        if (close < 0) {
            return null;
        }
        List<Arg> args = arguments(seq, at, close, site);
        MacroExpander.FTok callee = seq.get(at);
        MacroExpander.FTok closing = seq.get(close);
        Location calleeLoc = Location.of(callee.file(), callee.t());
        Location region = callee.file().equals(closing.file()) && callee.body() == closing.body()
                ? new Location(callee.file(), callee.t().line(), callee.t().col(), closing.t().endLine(),
                        closing.t().endCol(), callee.t().start(), closing.t().end())
                : null;
        ScopeTracker.Function function = scope.function();
        PointerPath target = null;
        if (fileIndex >= 0 && function != null) {
            if (r.kind() == PoolRoutine.Kind.ALLOCATE) {
                target = events.targetBefore(fileIndex);
            } else if (r.kind() == PoolRoutine.Kind.ALLOCATE_OUT) {
                target = events.outTarget(r.pointerArg() < args.size() ? args.get(r.pointerArg()) : null);
            }
        }
        return new Call(r, calleeLoc, region, site != null ? site : calleeLoc, viaMacro, List.copyOf(args),
                fileIndex >= 0 && function != null ? function.id() : null, fileIndex, target, unknowns);
    }

    /** The arguments of the call whose name is at {@code at} and whose ')' is at {@code close}. */
    private List<Arg> arguments(List<MacroExpander.FTok> seq, int at, int close, Location site) {
        List<Arg> args = new ArrayList<>();
        int d = 0;
        int argStart = at + 2;
        for (int j = at + 2; j <= close; j++) {
            Token t = seq.get(j).t();
            if (t.is("(") || t.is("[") || t.is("{")) {
                d++;
            } else if ((t.is(")") || t.is("]") || t.is("}")) && j < close) {
                d--;
            } else if (d == 0 && (t.is(",") || j == close)) {
                if (j > argStart || !args.isEmpty() || t.is(",")) {
                    args.add(arg(seq.subList(argStart, j), site));
                }
                argStart = j + 1;
            }
        }
        return args;
    }

    private Arg arg(List<MacroExpander.FTok> part, Location site) {
        List<Token> ts = new ArrayList<>(part.size());
        boolean allBody = !part.isEmpty();
        boolean noneBody = true;
        String f = part.isEmpty() ? tokens.file : part.get(0).file();
        boolean oneFile = true;
        for (MacroExpander.FTok x : part) {
            ts.add(x.t());
            allBody &= x.body();
            noneBody &= !x.body();
            oneFile &= x.file().equals(f);
        }
        Location where;
        String text;
        if (part.isEmpty()) {
            where = site;
            text = "";
        } else if (oneFile && (allBody || noneBody)) {
            where = Location.span(f, ts.get(0), ts.get(ts.size() - 1));
            text = noneBody ? tokens.sourceText(ts) : FileTokens.joined(ts);
        } else {
            where = site;
            text = FileTokens.joined(ts);
        }
        return new Arg(List.copyOf(ts), text, where, allBody);
    }

    private void addCall(Call c) {
        ScopeTracker.Function function = scope.function();
        if (c.function() != null && function != null) {
            if (fnCalls.size() <= MAX_WRAPPER_CALLS) {
                fnCalls.add(c);
                if (returnedAt(c.order())) {
                    fnReturned.add(c);
                }
                String through = storedThrough(c.order());
                if (through != null) {
                    fnStoredThrough.put(c, through);
                }
            }
        }
        calls.add(c);
        if (calls.size() >= CALL_BATCH) {
            flush();
        }
        if (function != null) {
            events.call(c);
        }
    }

    /** True when the call at {@code k} is the value a {@code return} hands back. */
    private boolean returnedAt(int k) {
        return k >= 0 && tokens.isIdent(tokens.beforeExpression(k), "return");
    }

    /** The parameter the call at {@code k} is stored through ({@code *Out = ExAllocate...}), or null. */
    private String storedThrough(int k) {
        int eq = k < 0 ? -1 : tokens.beforeExpression(k);
        if (eq < 2 || !tokens.isPunct(eq, "=") || !tokens.isPunct(eq - 2, "*") || tokens.tok(eq - 1) == null
                || !tokens.tok(eq - 1).isIdent()) {
            return null;
        }
        Token before = tokens.tok(eq - 3);
        boolean unary = before == null || before.kind() == Token.Kind.PUNCT && !before.is(")") && !before.is("]")
                || before.kind() == Token.Kind.DIRECTIVE;
        String name = tokens.tok(eq - 1).text();
        return unary && scope.function().params().contains(name) ? name : null;
    }

    /** {@code return x;} or {@code return (T)x;}: a name the function hands back. */
    void returnStatement(int k) {
        int j = k + 1;
        while (tokens.isPunct(j, "(")) {
            int close = tokens.matchForward(j);
            if (close + 1 < tokens.size() && FileTokens.looksLikeType(tokens.subList(j + 1, close)) && close > j + 1) {
                j = close + 1; // a cast
            } else {
                j++;
            }
        }
        if (tokens.tok(j) != null && tokens.tok(j).isIdent() && (tokens.isPunct(j + 1, ";") || tokens.isPunct(j + 1, ")"))) {
            fnReturnNames.add(tokens.tok(j).text());
        }
    }
}
