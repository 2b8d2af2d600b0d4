package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * One pass over a file's tokens that finds what the rules need: definitions, includes, file-scope names, function
 * bodies, pool-routine calls (also through macros that wrap them), and the pointer events of the mismatched-free rule.
 *
 * <p>Structure comes from braces alone: a {@code {} after a parameter list outside any function opens a function;
 * {@code namespace} and {@code extern "C"} blocks are transparent. Conditional compilation is not evaluated, but
 * each {@code #else} branch starts from the brace state at its {@code #if} and the state after the first branch is
 * kept at {@code #endif}, so alternative function headers do not unbalance the file.
 */
public final class FileScanner {
    /**
     * The preprocessor symbols a file is compiled with: those every configuration of its project defines (name to
     * value), and those only some do.
     */
    public record Defines(Map<String, String> defined, Set<String> maybe) {
        public static final Defines NONE = new Defines(Map.of(), Set.of());
    }

    /** Wrapper macros visible to the file being scanned. */
    public interface Macros {
        /** The macro named {@code name} that (eventually) calls a pool routine, or null. */
        Definition wrapper(String name);

        Macros NONE = name -> null;
    }

    /** Functions of the driver's own known to allocate or free pool, visible to the file being scanned. */
    public interface Wrappers {
        /** The wrapper function named {@code name}, or null. */
        PoolWrapper wrapper(String name);

        Wrappers NONE = name -> null;
    }

    private static final Set<String> NOT_FUNCTIONS = Set.of("if", "while", "for", "switch", "return", "sizeof", "catch",
            "__try", "__except", "__finally", "defined", "alignof", "decltype", "_Pragma", "__pragma");
    private static final Set<String> TRAILERS = Set.of("const", "noexcept", "override", "final", "volatile");
    private static final Set<String> NULLS = Set.of("NULL", "nullptr", "0", "FALSE");
    private static final Set<String> STATEMENT_KEYWORDS = Set.of("typedef", "using", "return", "friend", "template",
            "static_assert", "C_ASSERT");

    private enum Brace { TRANSPARENT, FUNCTION, BLOCK, CLASS, OTHER }

    /**
     * A function being scanned: its identity ({@code file:line Class::name}), its class (for a member function,
     * defined out of the class or inside it), its parameters and the names it declares.
     */
    private record Function(String id, String className, List<String> params, Set<String> locals) {
    }

    /** Identifiers that may stand before a name without declaring it ({@code return x;}). */
    private static final Set<String> NOT_TYPES = Set.of("return", "case", "goto", "else", "do", "delete", "throw", "new",
            "sizeof", "co_return", "break", "continue", "default", "typedef", "using", "operator");

    private record Snapshot(List<Brace> stack, Function function, int block, List<Pseudo> pseudo, int parenDepth) {
    }

    /**
     * The brace-less body of {@code if}, {@code else}, {@code for}, {@code while} or {@code do}: a block of its own
     * for the reaching analysis, ended by the {@code ;} (or the closing brace) that ends its statement.
     */
    private record Pseudo(int braceDepth, int parenDepth, boolean label) {
    }

    /** Blocks deeper than this share their ancestor's id: generated code, not worth following. */
    private static final int MAX_BLOCK_DEPTH = 256;

    /** An {@code #if} group being read: its branches' truth so far, and the brace state to go on from. */
    private static final class Cond {
        final Snapshot start;
        final boolean parentActive;
        Snapshot firstEnd;
        boolean taken;
        boolean unknownBefore;
        Conditions.Truth branch;
        String text;
        int branchLine;
        boolean blockOpened;
        final List<String> before = new ArrayList<>();

        Cond(Snapshot start, boolean parentActive) {
            this.start = start;
            this.parentActive = parentActive;
        }

        boolean active() {
            return parentActive && branch != Conditions.Truth.FALSE;
        }
    }

    /** A range of lines compiled only under a condition the sources cannot decide. */
    public record Conditional(int fromLine, int toLine, String condition) {
    }

    /** Symbols that decide nothing worth naming in a finding (they wrap declarations for C and C++ alike). */
    private static final Set<String> UNNAMED = Set.of("__cplusplus");

    /** A token and where it came from: the file itself, or a macro body (possibly in another file). */
    private record FTok(Token t, String file, boolean body) {
    }

    /**
     * Receives what a full scan finds, in file order and in pieces, so a file's calls and pointer events never need
     * to be held all at once.
     */
    public interface Sink {
        /** Pool-routine calls: inside functions, and inside macro definitions (reported once, at the body). */
        void calls(List<Call> calls);

        /**
         * The pointer events of one function, when it ends. {@code blockParents} links each block of the file to the
         * one around it (see {@link PointerEvent#block()}); {@code truncated} is true when the function had more
         * than {@link #MAX_EVENTS} of them and the rest were not kept.
         */
        void function(String function, List<PointerEvent> events, IntList blockParents, boolean truncated);

        /** A function that turned out to allocate or free pool for its callers. */
        default void wrapper(PoolWrapper w) {
        }
    }

    /** Tokens of a constant's initializer kept: longer ones are tables, not values a rule reads. */
    private static final int MAX_EXPRESSION = 64;

    /** Calls handed to the sink at a time. */
    static final int CALL_BATCH = 4096;
    /** Pointer events kept per function: beyond this a function is generated code, not followed further. */
    static final int MAX_EVENTS = 20_000;

    private final String file;
    private final TokenList tokens;
    private final Macros macros;
    private final Wrappers wrappers;
    // what the current function does with pool, for its summary as a wrapper
    private final List<Call> fnCalls = new ArrayList<>();
    private final Set<Call> fnReturned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Map<Call, String> fnStoredThrough = new java.util.IdentityHashMap<>();
    private final Set<String> fnReturnNames = new HashSet<>();
    private Token fnName;
    /** Pool calls a function may make and still be summarized as a wrapper. */
    private static final int MAX_WRAPPER_CALLS = 16;
    private final Sink sink;
    private final boolean full;

    private final List<Definition> definitions = new ArrayList<>();
    private final List<String> includes = new ArrayList<>();
    private final Set<String> globals = new HashSet<>();
    private final Map<String, Set<String>> members = new HashMap<>();
    /** Class names of the CLASS braces open now, innermost last; where the current member declaration starts. */
    private final List<String> classes = new ArrayList<>();
    private int memberStart;
    private final Set<String> calledNames = new HashSet<>();
    private List<Call> calls = new ArrayList<>();
    private List<PointerEvent> events = new ArrayList<>();
    private boolean eventsTruncated;
    private final Set<Integer> handledAmpersands = new HashSet<>();
    private Location nxRuntime;
    private Miniport.Registration miniport;
    private boolean virtualMiniport;

    private List<Brace> stack = new ArrayList<>();
    private Function function;
    /** Parent of each block of this file (-1 for a function body), and the innermost block now (-1 outside). */
    private final IntList blockParents = new IntList();
    private final IntList blockDepths = new IntList();
    private int block = -1;
    private List<Pseudo> pseudo = new ArrayList<>();
    private int parenDepth;
    private final Set<Integer> controlHeaderEnds = new HashSet<>();
    private final List<Cond> conds = new ArrayList<>();
    private final List<Conditional> conditionals = new ArrayList<>();
    /** Symbols the file defined (and not undefined) above the current line, and those it undefined. */
    private final Map<String, String> localDefines = new HashMap<>();
    private final Set<String> undefined = new HashSet<>();
    private final Defines defines;
    private int statementStart;

    private FileScanner(String file, TokenList tokens, Defines defines, Macros macros, Wrappers wrappers, Sink sink) {
        this.file = file;
        this.defines = defines;
        this.tokens = tokens;
        this.macros = macros;
        this.wrappers = wrappers;
        this.sink = sink;
        this.full = sink != null;
    }

    /**
     * Indexes a file (the first pass over every file): definitions, includes, file-scope names, the names it calls,
     * and where it registers as a miniport or opts in to NX pool.
     */
    public static FileFacts index(String file, Tokenizer.Result r, Defines defines, Suppressions suppressions) {
        FileScanner s = new FileScanner(file, r.tokens(), defines, Macros.NONE, Wrappers.NONE, null);
        s.run();
        return s.facts(r, suppressions);
    }

    /**
     * Scans a file fully: as {@link #index}, and its pool-routine calls (through the wrapper macros it can see) and
     * pointer events go to the sink as they are found.
     */
    public static FileFacts scan(String file, Tokenizer.Result r, Defines defines, Macros macros, Wrappers wrappers,
            Sink sink, Suppressions suppressions) {
        FileScanner s = new FileScanner(file, r.tokens(), defines, macros, wrappers, sink);
        s.run();
        s.flushCalls();
        if (s.function != null) {
            s.endFunction(); // an unclosed function at the end of the file
        }
        return s.facts(r, suppressions);
    }

    private FileFacts facts(Tokenizer.Result r, Suppressions suppressions) {
        Map<String, NameSet> classMembers = new HashMap<>();
        members.forEach((c, m) -> classMembers.put(c, NameSet.of(m)));
        return new FileFacts(file, r.lines(), List.copyOf(definitions), List.copyOf(includes), Set.copyOf(globals),
                Map.copyOf(classMembers), NameSet.of(calledNames), nxRuntime, miniport, virtualMiniport,
                List.copyOf(conditionals), suppressions);
    }

    private void flushCalls() {
        if (!calls.isEmpty()) {
            sink.calls(calls);
            calls = new ArrayList<>();
        }
    }

    private void endFunction() {
        if (full && !fnCalls.isEmpty() && fnCalls.size() <= MAX_WRAPPER_CALLS && fnName != null) {
            Set<String> storedParams = new HashSet<>();
            for (PointerEvent e : events) {
                if (e.param() && e.type() != PointerEvent.Type.FREE && !e.path().field()) {
                    storedParams.add(e.path().base()); // Info = Convert(Info): what it frees is no longer the caller's
                }
            }
            PoolWrapper w = WrapperSummary.of(function.id(), fnName, function.params(), function.locals(), fnCalls,
                    fnReturned, fnStoredThrough, fnReturnNames, storedParams, file);
            if (w != null) {
                sink.wrapper(w);
            }
        }
        fnCalls.clear();
        if (full && (!events.isEmpty() || eventsTruncated)) {
            sink.function(function.id(), events, blockParents, eventsTruncated);
        }
        events = new ArrayList<>();
        eventsTruncated = false;
    }

    private void addEvent(PointerEvent e) {
        if (events.size() < MAX_EVENTS) {
            events.add(e);
        } else {
            eventsTruncated = true;
        }
    }

    private Token tok(int k) {
        return k >= 0 && k < tokens.size() ? tokens.get(k) : null;
    }

    private boolean isPunct(int k, String p) {
        return tokens.isPunct(k, p);
    }

    private boolean atFileScope() {
        for (Brace b : stack) {
            if (b != Brace.TRANSPARENT) {
                return false;
            }
        }
        return true;
    }

    private void run() {
        int n = tokens.size();
        boolean active = true;
        for (int k = 0; k < n; k++) {
            Token.Kind kind = tokens.kind(k);
            if (kind == Token.Kind.DIRECTIVE) {
                directive(tokens.get(k), k);
                active = active();
                continue;
            }
            if (!active) {
                continue; // a branch that is not compiled
            }
            switch (kind) {
                case PUNCT -> punct(tokens.punct(k), k);
                case IDENT -> ident(k);
                default -> {
                }
            }
        }
    }

    // ---- preprocessor -------------------------------------------------------------------------------------------

    private Snapshot snapshot() {
        return new Snapshot(new ArrayList<>(stack), function, block, new ArrayList<>(pseudo), parenDepth);
    }

    private void restore(Snapshot s) {
        stack = new ArrayList<>(s.stack());
        function = s.function();
        block = s.block();
        pseudo = new ArrayList<>(s.pseudo());
        parenDepth = s.parenDepth();
    }

    /** Opens a block inside the current one (or a function body when there is none). */
    private void openBlock() {
        int depth = block < 0 ? 0 : blockDepths.get(block) + 1;
        if (depth > MAX_BLOCK_DEPTH) {
            blockDepths.add(blockDepths.get(block));
            blockParents.add(blockParents.get(block));
            block = blockParents.size() - 1; // a sibling of the deepest followed block
            return;
        }
        blockParents.add(block);
        blockDepths.add(depth);
        block = blockParents.size() - 1;
    }

    private void closeBlock() {
        if (block >= 0) {
            block = blockParents.get(block);
        }
    }

    /** True when the token after {@code k} continues the statement a brace-less body belongs to. */
    private boolean continuesStatement(int k) {
        Token next = tok(k + 1);
        return next != null && (next.is("else") || next.is("while"));
    }

    /** Ends the brace-less bodies that the statement ending at {@code k} (a ';') closes. */
    private void endPseudoAtSemicolon(int k) {
        while (!pseudo.isEmpty()) {
            Pseudo p = pseudo.get(pseudo.size() - 1);
            if (p.braceDepth() != stack.size() || p.parenDepth() != parenDepth || p.label()) {
                return;
            }
            pseudo.remove(pseudo.size() - 1);
            closeBlock();
            if (continuesStatement(k)) {
                return; // 'if (a) x; else y;': the else belongs to the statement of the next body out
            }
        }
    }

    /** A brace-less body begins after the token at {@code k}. */
    private void startPseudo() {
        pseudo.add(new Pseudo(stack.size(), parenDepth, false));
        openBlock();
    }

    /**
     * A {@code case} or {@code default} label: control may arrive from the switch as well as from the case before,
     * so each case is a block of its own, ended by the next label or the switch's closing brace.
     */
    private void caseLabel() {
        while (!pseudo.isEmpty() && pseudo.get(pseudo.size() - 1).braceDepth() >= stack.size()) {
            pseudo.remove(pseudo.size() - 1);
            closeBlock();
        }
        pseudo.add(new Pseudo(stack.size(), parenDepth, true));
        openBlock();
    }

    /** True when every enclosing {@code #if} branch is compiled (or may be). */
    private boolean active() {
        return conds.isEmpty() || conds.get(conds.size() - 1).active();
    }

    private void directive(Token t, int k) {
        Directive d = t.directive();
        boolean wasActive = active();
        switch (d.name()) {
            case "if", "ifdef", "ifndef" -> {
                Cond c = new Cond(snapshot(), wasActive);
                conds.add(c);
                String text = conditionText(d);
                c.branch = wasActive ? condition(d, k) : Conditions.Truth.FALSE;
                c.text = text;
                beginBranch(c, t);
            }
            case "elif", "else", "elifdef", "elifndef" -> {
                if (!conds.isEmpty()) {
                    Cond c = conds.get(conds.size() - 1);
                    endBranch(c, t);
                    if (c.firstEnd == null && c.active()) {
                        c.firstEnd = snapshot();
                    }
                    restore(c.start);
                    if (c.before.size() < 4) {
                        c.before.add(c.text.length() > 120 ? c.text.substring(0, 117) + "..." : c.text);
                    } else {
                        c.before.add("");
                    }
                    Conditions.Truth now = d.name().equals("else") ? Conditions.Truth.TRUE : condition(d, k);
                    String mine = d.name().equals("else") ? null : conditionText(d);
                    StringBuilder text = new StringBuilder();
                    if (c.before.size() > 3) {
                        text.append("none of the ").append(c.before.size()).append(" conditions above");
                    } else {
                        for (String b : c.before) {
                            text.append(text.length() == 0 ? "" : " && ").append("!(").append(b).append(')');
                        }
                    }
                    if (mine != null) {
                        text.append(" && ").append(mine);
                    }
                    c.text = text.toString();
                    if (!c.parentActive || c.taken || now == Conditions.Truth.FALSE) {
                        c.branch = Conditions.Truth.FALSE;
                    } else if (c.unknownBefore || now == Conditions.Truth.UNKNOWN) {
                        c.branch = Conditions.Truth.UNKNOWN;
                    } else {
                        c.branch = Conditions.Truth.TRUE;
                    }
                    beginBranch(c, t);
                }
            }
            case "endif" -> {
                if (!conds.isEmpty()) {
                    Cond c = conds.remove(conds.size() - 1);
                    endBranch(c, t);
                    if (c.firstEnd != null) {
                        restore(c.firstEnd);
                    }
                    if (!c.active() && !wasActive && atFileScope()) {
                        statementStart = k + 1; // nothing of a skipped branch belongs to the next statement
                    }
                }
            }
            case "define" -> {
                if (wasActive) {
                    define(t);
                }
            }
            case "undef" -> {
                if (wasActive && !d.tokens().isEmpty()) {
                    localDefines.remove(d.tokens().get(0).text());
                    undefined.add(d.tokens().get(0).text());
                }
            }
            case "include", "include_next", "import" -> {
                if (wasActive) {
                    include(d);
                }
            }
            default -> {
            }
        }
        if (atFileScope() && statementStart == k) {
            statementStart = k + 1; // a directive between statements is not part of the next one
        }
    }

    private void beginBranch(Cond c, Token t) {
        if (c.branch == Conditions.Truth.TRUE) {
            c.taken = true;
        } else if (c.branch == Conditions.Truth.UNKNOWN) {
            c.unknownBefore = true;
            c.branchLine = t.endLine() + 1;
            if (function != null) {
                openBlock(); // the branches of an undecided #if are alternatives, like those of an if
                c.blockOpened = true;
            }
        }
    }

    private void endBranch(Cond c, Token t) {
        if (c.branch == Conditions.Truth.UNKNOWN && c.parentActive) {
            if (c.blockOpened) {
                closeBlock();
                c.blockOpened = false;
            }
            if (t.line() - 1 >= c.branchLine && !mentionsOnly(c.text, UNNAMED)) {
                conditionals.add(new Conditional(c.branchLine, t.line() - 1, c.text));
            }
        }
    }

    private static boolean mentionsOnly(String text, Set<String> names) {
        String rest = text;
        for (String n : names) {
            rest = rest.replace(n, "");
        }
        return !rest.matches(".*[A-Za-z_].*") || rest.replaceAll("defined|[^A-Za-z_]", "").isEmpty();
    }

    /** The condition as written: {@code DBG}, {@code defined(X)}, {@code !defined(X)}. */
    private static String conditionText(Directive d) {
        String body = joined(d.tokens());
        return switch (d.name()) {
            case "ifdef", "elifdef" -> "defined(" + body + ")";
            case "ifndef", "elifndef" -> "!defined(" + body + ")";
            default -> body;
        };
    }

    /** How an {@code #if} line at token {@code k} comes out with what is known here. */
    private Conditions.Truth condition(Directive d, int k) {
        List<Token> ts = d.tokens();
        String name = d.name();
        if (name.equals("ifdef") || name.equals("ifndef") || name.equals("elifdef") || name.equals("elifndef")) {
            if (ts.isEmpty() || !ts.get(0).isIdent()) {
                return Conditions.Truth.UNKNOWN;
            }
            String sym = ts.get(0).text();
            Conditions.Truth def = isDefined(sym);
            if (name.endsWith("ndef")) {
                Token next = tok(k + 1);
                if (next != null && next.kind() == Token.Kind.DIRECTIVE && next.text().equals("define")
                        && !next.directive().tokens().isEmpty() && next.directive().tokens().get(0).text().equals(sym)) {
                    return Conditions.Truth.TRUE; // an include guard
                }
                return def == Conditions.Truth.TRUE ? Conditions.Truth.FALSE
                        : def == Conditions.Truth.FALSE ? Conditions.Truth.TRUE : Conditions.Truth.UNKNOWN;
            }
            return def;
        }
        Map<String, String> known = new HashMap<>(defines.defined());
        known.keySet().removeAll(undefined);
        known.putAll(localDefines);
        return Conditions.eval(ts, known, defines.maybe());
    }

    /** Whether a symbol is defined here: by the file above, by every configuration, or not that we can tell. */
    private Conditions.Truth isDefined(String sym) {
        if (localDefines.containsKey(sym)) {
            return Conditions.Truth.TRUE;
        }
        if (sym.equals("__cplusplus")) {
            String lower = file.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".c")) {
                return Conditions.Truth.FALSE;
            }
            if (lower.endsWith(".cpp") || lower.endsWith(".cc") || lower.endsWith(".cxx")) {
                return Conditions.Truth.TRUE;
            }
        }
        if (!undefined.contains(sym) && defines.defined().containsKey(sym)) {
            return Conditions.Truth.TRUE;
        }
        return Conditions.Truth.UNKNOWN;
    }

    private void include(Directive d) {
        List<Token> ts = d.tokens();
        if (ts.isEmpty()) {
            return;
        }
        Token first = ts.get(0);
        if (first.kind() == Token.Kind.STRING && first.text().length() >= 2) {
            includes.add(first.text().substring(1, first.text().length() - 1).trim());
        } else if (first.is("<")) {
            StringBuilder sb = new StringBuilder();
            for (int k = 1; k < ts.size() && !ts.get(k).is(">"); k++) {
                sb.append(ts.get(k).text());
            }
            includes.add(sb.toString());
        }
    }

    private void define(Token directive) {
        Definition def = Definition.ofDefine(file, directive, tokens.source());
        if (def == null) {
            return;
        }
        calledNames.addAll(def.callees());
        definitions.add(def);
        if (!def.functionLike()) {
            List<Token> after = directive.directive().tokens();
            localDefines.put(def.name(), joined(after.subList(1, after.size())));
            undefined.remove(def.name());
        }
        if (sink != null && def.callees().stream().anyMatch(n -> PoolRoutine.byName(n) != null)) {
            // calls written inside a macro body: reported once, at the body
            List<Token> body = def.body();
            List<FTok> seq = new ArrayList<>(body.size());
            for (Token b : body) {
                seq.add(new FTok(b, file, false));
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
    }

    // ---- braces and statements ----------------------------------------------------------------------------------

    private void punct(String p, int k) {
        switch (p) {
            case "{" -> openBrace(k);
            case "}" -> closeBrace(k);
            case ";" -> {
                if (atFileScope()) {
                    fileScopeStatement(statementStart, k);
                    statementStart = k + 1;
                } else if (function != null) {
                    endPseudoAtSemicolon(k);
                } else if (stack.get(stack.size() - 1) == Brace.CLASS) {
                    memberDeclaration(memberStart, k);
                    memberStart = k + 1;
                }
            }
            case ":" -> {
                if (function == null && !stack.isEmpty() && stack.get(stack.size() - 1) == Brace.CLASS
                        && k == memberStart + 1) {
                    memberStart = k + 1; // public: protected: private:
                }
            }
            case "(" -> parenDepth++;
            case ")" -> {
                parenDepth = Math.max(0, parenDepth - 1);
                if (function != null && controlHeaderEnds.remove(k) && !isPunct(k + 1, "{")) {
                    startPseudo(); // if (x) p = ...;
                }
            }
            default -> {
                if (full && function != null && (p.equals("=") || p.equals("+=") || p.equals("-=")
                        || p.equals("++") || p.equals("--") || p.equals("&"))) {
                    pointerWrite(tokens.get(k), k);
                }
            }
        }
    }

    private void openBrace(int k) {
        if (function != null) {
            stack.add(Brace.BLOCK);
            openBlock();
            return;
        }
        int j = k - 1;
        while (tok(j) != null && tok(j).isIdent() && TRAILERS.contains(tok(j).text())) {
            j--;
        }
        if (isPunct(j, ")")) {
            int open = headerOpen(matchBackward(j));
            Token name = tok(open - 1);
            if (open > 0 && name != null && name.isIdent() && !NOT_FUNCTIONS.contains(name.text())) {
                stack.add(Brace.FUNCTION);
                block = -1;
                pseudo.clear();
                parenDepth = 0;
                controlHeaderEnds.clear();
                openBlock();
                String cls = isPunct(open - 2, "::") && tok(open - 3) != null && tok(open - 3).isIdent()
                        ? tok(open - 3).text() : classes.isEmpty() ? null : classes.get(classes.size() - 1);
                String qualified = cls != null ? cls + "::" + name.text() : name.text();
                int close = open < 0 ? j : matchForward(open);
                function = new Function(file + ":" + name.line() + " " + qualified, cls, params(open, close),
                        new HashSet<>());
                fnName = name;
                fnCalls.clear();
                fnReturned.clear();
                fnStoredThrough.clear();
                fnReturnNames.clear();
                return;
            }
        }
        Token prev = tok(k - 1);
        Token prev2 = tok(k - 2);
        boolean transparent = prev != null && (prev.is("namespace")
                || prev2 != null && prev2.is("namespace")
                || prev.kind() == Token.Kind.STRING && prev2 != null && prev2.is("extern"));
        if (transparent && atFileScope()) {
            stack.add(Brace.TRANSPARENT);
            statementStart = k + 1;
            return;
        }
        String cls = className(k);
        if (cls != null) {
            stack.add(Brace.CLASS);
            classes.add(cls);
            members.computeIfAbsent(cls, c -> new HashSet<>());
            memberStart = k + 1;
        } else {
            stack.add(Brace.OTHER);
        }
    }

    /**
     * The '(' of a function header, seen from the '(' just before its body: a constructor's member initializers
     * ({@code C::C() : m_a(0), m_b(1) {}}) are stepped over to the header they follow.
     */
    private int headerOpen(int open) {
        int cur = open;
        for (int guard = 0; cur > 1 && guard < 256; guard++) {
            int sep = cur - 2;
            if (isPunct(sep, ",") && isPunct(sep - 1, ")")) {
                cur = matchBackward(sep - 1);
            } else if (isPunct(sep, ":") && tok(sep - 1) != null) {
                int h = sep - 1;
                while (tok(h) != null && tok(h).isIdent() && TRAILERS.contains(tok(h).text())) {
                    h--;
                }
                return isPunct(h, ")") ? matchBackward(h) : cur;
            } else {
                return cur;
            }
        }
        return cur;
    }

    /** The name of the class or structure whose body the brace at {@code k} opens, or null. */
    private String className(int k) {
        int from = classes.isEmpty() ? statementStart : memberStart;
        for (int j = Math.max(from, k - 64); j < k; j++) {
            if ((tokens.isIdent(j, "class") || tokens.isIdent(j, "struct")) && tok(j + 1) != null
                    && tok(j + 1).isIdent()) {
                // the last name of 'class DECLSPEC CName : public Base {'
                int n = j + 1;
                while (tok(n + 1) != null && tok(n + 1).isIdent() && n + 1 < k) {
                    n++;
                }
                return tok(n).text();
            }
            if (isPunct(j, "(") || isPunct(j, "=")) {
                return null;
            }
        }
        return null;
    }

    /** A declaration inside a class body, {@code [from, to)}: its member names. */
    private void memberDeclaration(int from, int to) {
        if (from >= to || classes.isEmpty()) {
            return;
        }
        Token first = tok(from);
        for (int j = from; j < to; j++) {
            if (tokens.isIdent(j, "const") || tokens.isIdent(j, "constexpr")) {
                constants(from, to); // static const ULONG TAG = 'gaTC'; in a class
                break;
            }
        }
        enums(from, to);
        if (first == null || first.isIdent() && (STATEMENT_KEYWORDS.contains(first.text()) || first.is("enum")
                || first.is("friend"))) {
            return;
        }
        int depth = 0;
        for (int j = from; j < to; j++) {
            String p = tokens.punct(j);
            if ("(".equals(p)) {
                return; // a method, or a pointer to a function
            }
            if ("{".equals(p) || "[".equals(p) || "<".equals(p)) {
                depth++;
            } else if ("}".equals(p) || "]".equals(p) || ">".equals(p)) {
                depth--;
            } else if (depth == 0 && tokens.kind(j) == Token.Kind.IDENT && (isPunct(j + 1, ";") || isPunct(j + 1, ",")
                    || isPunct(j + 1, "=") || isPunct(j + 1, "[") || isPunct(j + 1, ":") || j + 1 == to)) {
                members.get(classes.get(classes.size() - 1)).add(tokens.get(j).text());
            }
        }
    }

    private void closeBrace(int k) {
        if (stack.isEmpty()) {
            return;
        }
        if (function != null) {
            // brace-less bodies inside the closing brace end with it
            while (!pseudo.isEmpty() && pseudo.get(pseudo.size() - 1).braceDepth() >= stack.size()) {
                pseudo.remove(pseudo.size() - 1);
                closeBlock();
            }
        }
        Brace b = stack.remove(stack.size() - 1);
        if (b == Brace.CLASS && !classes.isEmpty()) {
            classes.remove(classes.size() - 1);
        }
        if (!stack.isEmpty() && stack.get(stack.size() - 1) == Brace.CLASS && (b == Brace.FUNCTION || b == Brace.CLASS)) {
            memberStart = k + 1; // an inline method's body or a nested class ends a member
        }
        if (b == Brace.FUNCTION) {
            endFunction();
            function = null;
            block = -1;
            pseudo.clear();
        } else if (function != null && b == Brace.BLOCK) {
            closeBlock();
            // 'if (a) for (...) { ... }': the brace was the statement of a brace-less body, which ends with it
            Token next = tok(k + 1);
            boolean inExpression = next != null && (next.is(";") || next.is(",") || next.is(")"));
            while (!inExpression && !pseudo.isEmpty() && pseudo.get(pseudo.size() - 1).braceDepth() == stack.size()
                    && !continuesStatement(k)) {
                pseudo.remove(pseudo.size() - 1);
                closeBlock();
            }
        }
        if (atFileScope() && (b == Brace.FUNCTION || b == Brace.TRANSPARENT)) {
            statementStart = k + 1;
        }
    }

    /** True when the name at {@code k} is declared there: {@code PVOID p = ...}, {@code UCHAR *buf;}, {@code T a[4];}. */
    private boolean declares(int k) {
        if (!(isPunct(k + 1, "=") || isPunct(k + 1, ";") || isPunct(k + 1, ",") || isPunct(k + 1, "["))) {
            return false;
        }
        int j = k - 1;
        while (isPunct(j, "*") || isPunct(j, "&")) {
            j--;
        }
        Token before = tok(j);
        if (before == null) {
            return false;
        }
        if (before.isIdent()) {
            return !NOT_TYPES.contains(before.text()) && !isPunct(j - 1, ".") && !isPunct(j - 1, "->");
        }
        return j < k - 1 && before.is(">"); // std::unique_ptr<T> p = ...
    }

    /** Index of the '(' matching the ')' at {@code close}, or -1. */
    private int matchBackward(int close) {
        int depth = 0;
        for (int j = close; j >= 0 && close - j < 4000; j--) {
            String p = tokens.punct(j);
            if (p == null) {
                continue;
            }
            if (p.equals(")")) {
                depth++;
            } else if (p.equals("(")) {
                depth--;
                if (depth == 0) {
                    return j;
                }
            } else if (p.equals(";") || p.equals("{") || p.equals("}")) {
                return -1;
            }
        }
        return -1;
    }

    /** Parameter names of a function header between {@code open} and {@code close}. */
    private List<String> params(int open, int close) {
        List<String> out = new ArrayList<>();
        Token last = null;
        int depth = 0;
        for (int j = open + 1; j <= close; j++) {
            Token t = tokens.get(j);
            if (t.is("(") || t.is("[")) {
                depth++;
            } else if ((t.is(")") || t.is("]")) && j < close) {
                depth--;
            } else if (depth == 0 && (t.is(",") || j == close)) {
                if (last != null) {
                    out.add(last.text());
                }
                last = null;
            } else if (depth == 0 && t.isIdent()) {
                last = t;
            } else if (depth == 0 && t.is("=")) {
                depth += 1000; // default argument: the name is already known
            }
            if (depth >= 1000 && (t.is(",") || j == close)) {
                depth -= 1000;
                if (last != null) {
                    out.add(last.text());
                }
                last = null;
            }
        }
        if (out.size() == 1 && (out.get(0).equals("VOID") || out.get(0).equals("void"))) {
            return List.of(); // f(VOID)
        }
        return out;
    }

    /** A statement at file scope: a global declaration, a constant, or an enum. */
    private void fileScopeStatement(int from, int to) {
        if (from >= to) {
            return;
        }
        Token first = tok(from);
        if (first != null && STATEMENT_KEYWORDS.contains(first.text())) {
            enums(from, to);
            return;
        }
        boolean paren = false;
        boolean hasConst = false;
        boolean hasEnum = false;
        for (int j = from; j < to; j++) {
            if (isPunct(j, "(")) {
                paren = true;
            } else if (tokens.isIdent(j, "const") || tokens.isIdent(j, "constexpr")) {
                hasConst = true;
            } else if (tokens.isIdent(j, "enum")) {
                hasEnum = true;
            }
        }
        if (hasConst) {
            constants(from, to);
        }
        if (hasEnum) {
            enums(from, to);
        }
        if (paren) {
            return;
        }
        int depth = 0;
        for (int j = from; j < to; j++) {
            String p = tokens.punct(j);
            if ("{".equals(p) || "[".equals(p)) {
                depth++;
            } else if ("}".equals(p) || "]".equals(p)) {
                depth--;
            } else if (depth == 0 && tokens.kind(j) == Token.Kind.IDENT) {
                if (isPunct(j + 1, "=") || isPunct(j + 1, ",") || isPunct(j + 1, ";") || isPunct(j + 1, "[")) {
                    if (isPunct(j - 1, "::") && tok(j - 2) != null && tok(j - 2).isIdent()) {
                        // a static member defined out of its class: T CName::m_p = NULL;
                        members.computeIfAbsent(tok(j - 2).text(), c -> new HashSet<>()).add(tokens.get(j).text());
                    } else {
                        globals.add(tokens.get(j).text().intern());
                    }
                }
            }
        }
    }

    /** {@code const ULONG NAME = expr} (also {@code constexpr}, {@code static const}) in a statement. */
    private void constants(int from, int to) {
        boolean isConst = false;
        for (int j = from; j < to; j++) {
            Token t = tokens.get(j);
            if (t.isIdent() && (t.text().equals("const") || t.text().equals("constexpr"))) {
                isConst = true;
            }
            if (isConst && t.is("=")) {
                int nameIdx = j - 1;
                if (isPunct(nameIdx, "]")) {
                    while (nameIdx > from && !isPunct(nameIdx, "[")) {
                        nameIdx--;
                    }
                    nameIdx--;
                }
                Token name = tok(nameIdx);
                if (name == null || !name.isIdent()) {
                    return;
                }
                if (isPunct(j + 1, "{")) {
                    return; // an aggregate (a table, a structure): not a value a tag or pool type is read from
                }
                int end = j + 1;
                int depth = 0;
                while (end < to) {
                    Token e = tokens.get(end);
                    if (e.is("(") || e.is("{") || e.is("[")) {
                        depth++;
                    } else if (e.is(")") || e.is("}") || e.is("]")) {
                        depth--;
                    } else if (depth == 0 && e.is(",")) {
                        break;
                    }
                    end++;
                }
                List<Token> body = new ArrayList<>();
                boolean contiguous = true;
                for (int b = j + 1; b < end; b++) {
                    Token bt = tokens.get(b);
                    if (bt.kind() != Token.Kind.DIRECTIVE && !bt.is("{") && !bt.is("}")) {
                        body.add(bt);
                    } else {
                        contiguous = false;
                    }
                }
                if (body.size() <= MAX_EXPRESSION) {
                    definitions.add(Definition.ofExpression(file, name, Definition.Kind.CONST, body, contiguous, null,
                            tokens.source()));
                }
                return;
            }
        }
    }

    /** {@code enum [name] { A = expr, B, ... }} in a statement; implicit values count up from the previous one. */
    private void enums(int from, int to) {
        for (int j = from; j < to; j++) {
            if (!tokens.isIdent(j, "enum")) {
                continue;
            }
            int open = j + 1;
            while (open < to && !tokens.get(open).is("{") && !tokens.get(open).is(";")) {
                open++;
            }
            if (open >= to || !tokens.get(open).is("{")) {
                return;
            }
            Token prevName = null;
            int k = open + 1;
            while (k < to && !tokens.get(k).is("}")) {
                Token name = tokens.get(k);
                if (!name.isIdent()) {
                    k++;
                    continue;
                }
                int end = k + 1;
                List<Token> body = null;
                boolean contiguous = true;
                if (end < to && isPunct(end, "=")) {
                    body = new ArrayList<>();
                    int depth = 0;
                    end++;
                    while (end < to) {
                        Token e = tokens.get(end);
                        if (e.is("(")) {
                            depth++;
                        } else if (e.is(")")) {
                            depth--;
                        } else if (depth == 0 && (e.is(",") || e.is("}"))) {
                            break;
                        }
                        if (e.kind() != Token.Kind.DIRECTIVE) {
                            body.add(e);
                        } else {
                            contiguous = false;
                        }
                        end++;
                    }
                }
                definitions.add(Definition.ofExpression(file, name, Definition.Kind.ENUM,
                        body != null && body.size() > MAX_EXPRESSION ? List.of() : body, contiguous,
                        prevName == null ? null : prevName.text(), tokens.source()));
                prevName = name;
                k = end;
                while (k < to && !tokens.get(k).is(",") && !tokens.get(k).is("}")) {
                    k++;
                }
                if (k < to && tokens.get(k).is(",")) {
                    k++;
                }
            }
            j = k;
        }
    }

    private static Token synthetic(Token.Kind kind, String text, Token at) {
        return new Token(kind, text, at.line(), at.col(), at.endLine(), at.endCol(), at.start(), at.end(), null);
    }

    // ---- calls --------------------------------------------------------------------------------------------------

    private void ident(int k) {
        if (function != null) {
            if (parenDepth == 0 && (tokens.isIdent(k, "case") || tokens.isIdent(k, "default") && isPunct(k + 1, ":"))) {
                caseLabel();
                return;
            }
            if (tokens.isIdent(k, "else") && !isPunct(k + 1, "{") && !tokens.isIdent(k + 1, "if")
                    || tokens.isIdent(k, "do") && !isPunct(k + 1, "{")) {
                startPseudo();
            }
        }
        if (!virtualMiniport && tokens.isIdent(k, "VIRTUAL_HW_INITIALIZATION_DATA")) {
            virtualMiniport = true; // a Storport virtual miniport, which may call kernel routines
        }
        if (!isPunct(k + 1, "(")) {
            if (function != null && declares(k)) {
                function.locals().add(tokens.get(k).text());
            } else if (full && function != null && tokens.isIdent(k, "return")) {
                returnStatement(k);
            }
            return;
        }
        if (full && function != null && tokens.isIdent(k, "return")) {
            returnStatement(k);
        }
        Token t = tokens.get(k);
        String name = t.text();
        if (function != null && (name.equals("if") || name.equals("while") || name.equals("for")
                || name.equals("switch"))) {
            controlHeaderEnds.add(matchForward(k + 1));
            return;
        }
        calledNames.add(name);
        if (function == null || isPunct(k - 1, ".") || isPunct(k - 1, "->")) {
            return; // calls are followed inside function bodies only
        }
        switch (name) {
            case "NdisMRegisterMiniportDriver", "StorPortInitialize", "VideoPortInitialize" -> {
                if (miniport == null) {
                    miniport = new Miniport.Registration(Miniport.registeredBy(name), Location.of(file, t));
                }
                return;
            }
            case "ExInitializeDriverRuntime" -> {
                int close = matchForward(k + 1);
                for (int j = k + 2; j < close; j++) {
                    if (tokens.get(j).text().equals("DrvRtPoolNxOptIn") && nxRuntime == null) {
                        nxRuntime = Location.of(file, t);
                    }
                }
                return;
            }
            default -> {
            }
        }
        if (!full) {
            return;
        }
        Definition w = macros.wrapper(name);
        if (w != null) {
            expandAndExtract(w, k);
            return;
        }
        PoolRoutine r = PoolRoutine.byName(name);
        if (r != null) {
            List<FTok> seq = fileSeq(k, matchForward(k + 1));
            Call c = extractCall(r, seq, 0, null, k, null, List.of());
            if (c != null) {
                addCall(c);
            }
            return;
        }
        PoolWrapper pw = wrappers.wrapper(name);
        if (pw != null && !function.id().endsWith(" " + name) && !function.id().endsWith("::" + name)) {
            List<FTok> seq = fileSeq(k, matchForward(k + 1));
            Call c = extractCall(pw, seq, 0, null, k, null, List.of());
            if (c != null) {
                addCall(pw.fixedTag() != null ? c.withArg(pw.tagArg(), pw.fixedTag()) : c);
            }
        }
    }

    /** Index of the ')' matching the '(' at {@code open} (or the last token when unbalanced). */
    private int matchForward(int open) {
        int depth = 0;
        int n = tokens.size();
        for (int j = open; j < n; j++) {
            String p = tokens.punct(j);
            if (p == null) {
                continue;
            }
            if (p.equals("(")) {
                depth++;
            } else if (p.equals(")")) {
                depth--;
                if (depth == 0) {
                    return j;
                }
            } else if (p.equals(";") && depth <= 1 && j - open > 2000) {
                return j;
            }
        }
        return n - 1;
    }

    private List<FTok> fileSeq(int from, int to) {
        List<FTok> out = new ArrayList<>(to - from + 1);
        for (int j = from; j <= to && j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.kind() != Token.Kind.DIRECTIVE) {
                out.add(new FTok(t, file, false));
            }
        }
        return out;
    }

    private void expandAndExtract(Definition w, int k) {
        int close = matchForward(k + 1);
        List<FTok> expansion = expand(w, fileSeq(k, close), 0, new HashSet<>());
        if (expansion == null) {
            return;
        }
        Location site = Location.of(file, tokens.get(k));
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
     * Expands a use of macro {@code w}; {@code use} starts with the macro name and (for a function-like macro) holds
     * its argument list. Nested wrapper macros are expanded too, a macro never inside itself.
     */
    private List<FTok> expand(Definition w, List<FTok> use, int depth, Set<String> active) {
        if (depth > 6 || active.contains(w.name())) {
            return null;
        }
        List<List<FTok>> args = new ArrayList<>();
        if (w.functionLike()) {
            if (use.size() < 2 || !use.get(1).t().is("(")) {
                return null;
            }
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
        }
        List<FTok> out = new ArrayList<>();
        List<Token> body = w.body();
        if (!w.functionLike()) {
            for (Token b : body) {
                out.add(new FTok(b, w.file(), true));
            }
            out.addAll(use.subList(1, use.size()));
            return out; // an alias: #define MyAlloc ExAllocatePoolWithTag
        }
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

    private boolean isWrapperName(String name) {
        return macros.wrapper(name) != null;
    }

    private static int matchIn(List<FTok> seq, int open) {
        if (open >= seq.size() || !seq.get(open).t().is("(")) {
            return -1;
        }
        int d = 0;
        for (int j = open; j < seq.size(); j++) {
            Token t = seq.get(j).t();
            if (t.is("(")) {
                d++;
            } else if (t.is(")")) {
                d--;
                if (d == 0) {
                    return j;
                }
            }
        }
        return -1;
    }

    /**
     * Builds the call of {@code r} whose name is at {@code at} in {@code seq}. {@code site} is the macro use (null
     * for a direct call), {@code fileIndex} the token index in this file of the name or macro use (-1 inside a
     * definition).
     */
    private Call extractCall(Routine r, List<FTok> seq, int at, Location site, int fileIndex, String viaMacro,
            List<String> unknowns) {
        int close = matchIn(seq, at + 1);
        if (close < 0) {
            return null;
        }
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
        FTok callee = seq.get(at);
        FTok closing = seq.get(close);
        Location calleeLoc = Location.of(callee.file(), callee.t());
        Location region = callee.file().equals(closing.file()) && callee.body() == closing.body()
                ? new Location(callee.file(), callee.t().line(), callee.t().col(), closing.t().endLine(),
                        closing.t().endCol(), callee.t().start(), closing.t().end())
                : null;
        PointerPath target = null;
        if (fileIndex >= 0 && function != null) {
            if (r.kind() == PoolRoutine.Kind.ALLOCATE) {
                target = targetBefore(fileIndex);
            } else if (r.kind() == PoolRoutine.Kind.ALLOCATE_OUT) {
                Arg p = r.pointerArg() < args.size() ? args.get(r.pointerArg()) : null;
                if (p != null && !p.isEmpty() && p.tokens().get(0).is("&")) {
                    target = path(p.tokens().subList(1, p.tokens().size()), p.text().substring(1).trim());
                    handledAmpersands.add(p.tokens().get(0).start());
                }
            }
        }
        return new Call(r, calleeLoc, region, site != null ? site : calleeLoc, viaMacro, List.copyOf(args),
                fileIndex >= 0 && function != null ? function.id() : null, fileIndex, target, unknowns);
    }

    private Arg arg(List<FTok> part, Location site) {
        List<Token> ts = new ArrayList<>(part.size());
        boolean allBody = !part.isEmpty();
        boolean noneBody = true;
        String f = part.isEmpty() ? file : part.get(0).file();
        boolean oneFile = true;
        for (FTok x : part) {
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
            text = noneBody ? sourceText(ts) : joined(ts);
        } else {
            where = site;
            text = joined(ts);
        }
        return new Arg(List.copyOf(ts), text, where, allBody);
    }

    private String sourceText(List<Token> ts) {
        int a = ts.get(0).start();
        int b = ts.get(ts.size() - 1).end();
        if (a < 0 || b > tokens.source().length || a > b || b - a > 400) {
            return joined(ts);
        }
        String raw = new String(tokens.source(), a, b - a, java.nio.charset.StandardCharsets.ISO_8859_1);
        return raw.indexOf('\n') < 0 ? raw : raw.replaceAll("\\s*\\\\?\\r?\\n\\s*", " ");
    }

    /** Tokens joined with a space only between two word-like tokens. */
    static String joined(List<Token> ts) {
        StringBuilder sb = new StringBuilder();
        Token prev = null;
        for (Token t : ts) {
            if (prev != null && prev.kind() != Token.Kind.PUNCT && t.kind() != Token.Kind.PUNCT) {
                sb.append(' ');
            } else if (prev != null && (t.is(",") || prev.is(","))) {
                if (prev.is(",")) {
                    sb.append(' ');
                }
            }
            sb.append(t.text());
            prev = t;
        }
        return sb.toString();
    }

    private void addCall(Call c) {
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
            flushCalls();
        }
        if (function == null) {
            return;
        }
        if (c.routine().allocates() && c.target() != null) {
            addEvent(new PointerEvent(PointerEvent.Type.ALLOC, c.target(), function.id(), isParam(c.target()), isLocal(c.target()),
                    c.order(), block, c, c.site()));
        } else if (c.routine().kind() == PoolRoutine.Kind.FREE) {
            Arg p = c.arg(c.routine().pointerArg());
            PointerPath path = p == null ? null : path(stripCasts(p.tokens()), p.text());
            if (path != null) {
                addEvent(new PointerEvent(PointerEvent.Type.FREE, path, function.id(), isParam(path), isLocal(path),
                        c.order(), block, c, c.site()));
            }
        }
    }

    /** True when the path starts from a name the function declares (not a member, not a global). */
    private boolean isLocal(PointerPath p) {
        return function != null && function.locals().contains(p.base());
    }

    private boolean isParam(PointerPath p) {
        return function != null && function.params().contains(p.base()) && (!p.field() || p.dotBase());
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
            } else if (looksLikeType(cur.subList(1, close))) {
                cur = cur.subList(close + 1, cur.size()); // (TYPE) expr
            } else {
                return cur;
            }
        }
        return cur;
    }

    private static boolean looksLikeType(List<Token> ts) {
        if (ts.isEmpty()) {
            return false;
        }
        for (Token t : ts) {
            if (!(t.isIdent() || t.is("*") || t.is("::") || t.is("<") || t.is(">") || t.is("&"))) {
                return false;
            }
        }
        return true;
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

    /** The index just before the expression starting at {@code k}, past casts and opening parentheses. */
    private int beforeExpression(int k) {
        int j = k - 1;
        for (int guard = 0; guard < 6; guard++) {
            Token t = tok(j);
            if (t == null) {
                return -1;
            }
            if (t.is("(")) {
                Token before = tok(j - 1);
                if (before != null && before.is(">")) {
                    int m = j - 1;
                    while (m > 0 && !tok(m).is("<")) {
                        m--;
                    }
                    j = m - 2; // static_cast<T*>(
                } else {
                    j--;
                }
            } else if (t.is(")")) {
                int open = matchBackward(j);
                if (open < 0 || !looksLikeType(tokens.subList(open + 1, j))) {
                    return -1;
                }
                j = open - 1; // (PVOID)
            } else {
                return j;
            }
        }
        return -1;
    }

    /** True when the call at {@code k} is the value a {@code return} hands back. */
    private boolean returnedAt(int k) {
        return k >= 0 && tokens.isIdent(beforeExpression(k), "return");
    }

    /** The parameter the call at {@code k} is stored through ({@code *Out = ExAllocate...}), or null. */
    private String storedThrough(int k) {
        int eq = k < 0 ? -1 : beforeExpression(k);
        if (eq < 2 || !isPunct(eq, "=") || !isPunct(eq - 2, "*") || tok(eq - 1) == null || !tok(eq - 1).isIdent()) {
            return null;
        }
        Token before = tok(eq - 3);
        boolean unary = before == null || before.kind() == Token.Kind.PUNCT && !before.is(")") && !before.is("]")
                || before.kind() == Token.Kind.DIRECTIVE;
        String name = tok(eq - 1).text();
        return unary && function.params().contains(name) ? name : null;
    }

    /** {@code return x;} or {@code return (T)x;}: a name the function hands back. */
    private void returnStatement(int k) {
        int j = k + 1;
        while (isPunct(j, "(")) {
            int close = matchForward(j);
            if (close + 1 < tokens.size() && looksLikeType(tokens.subList(j + 1, close)) && close > j + 1) {
                j = close + 1; // a cast
            } else {
                j++;
            }
        }
        if (tok(j) != null && tok(j).isIdent() && (isPunct(j + 1, ";") || isPunct(j + 1, ")"))) {
            fnReturnNames.add(tok(j).text());
        }
    }

    /** Where the value of the expression starting at {@code k} is stored: {@code x = (T)(ExAllocate...)}. */
    private PointerPath targetBefore(int k) {
        int j = beforeExpression(k);
        return isPunct(j, "=") ? chainBefore(j) : null;
    }

    /** The lvalue chain ending just before {@code eq} ({@code a->b.c}), or null when it is not a plain chain. */
    private PointerPath chainBefore(int eq) {
        int j = eq - 1;
        int begin = -1;
        for (int guard = 0; guard < 64 && j >= 0; guard++) {
            if (isPunct(j, "]")) {
                j = matchBracketBackward(j) - 1;
                if (j < 0) {
                    return null;
                }
            } else if (tok(j) != null && tok(j).isIdent()) {
                if (isPunct(j - 1, "->") || isPunct(j - 1, ".")) {
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
        if (isPunct(begin - 1, "*")) {
            Token before = tok(begin - 2);
            boolean declaration = before != null && (before.isIdent() && !NOT_FUNCTIONS.contains(before.text())
                    || before.is("*"));
            if (!declaration) {
                return null; // *p = ...: a store through p, not into p
            }
        }
        return path(tokens.subList(begin, eq), sourceText(tokens.subList(begin, eq)));
    }

    /** Index of the '[' matching the ']' at {@code close}, or -1. */
    private int matchBracketBackward(int close) {
        int depth = 0;
        for (int j = close; j >= 0 && close - j < 400; j--) {
            String p = tokens.punct(j);
            if ("]".equals(p)) {
                depth++;
            } else if ("[".equals(p) && --depth == 0) {
                return j;
            } else if (";".equals(p) || "{".equals(p) || "}".equals(p)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Routines that take {@code &s} of a UNICODE_STRING (or any structure) and read it or fill its existing buffer,
     * never storing another pointer in it; the case routines only with AllocateDestinationString FALSE.
     */
    private static final Set<String> KEEPS_POINTERS = Set.of("RtlCopyUnicodeString", "RtlAppendUnicodeStringToString",
            "RtlAppendUnicodeToString", "RtlCompareUnicodeString", "RtlEqualUnicodeString", "RtlPrefixUnicodeString",
            "FsRtlIsNameInExpression", "RtlUnicodeStringCopy", "RtlUnicodeStringCat", "RtlUnicodeStringPrintf",
            "RtlUnicodeStringCbCopyN", "RtlUnicodeStringCchCopyN", "RtlUnicodeStringCopyString", "RtlUnicodeStringCatString",
            "RtlUpcaseUnicodeString", "RtlDowncaseUnicodeString", "RtlInitEmptyUnicodeString", "DbgPrint", "DbgPrintEx",
            "KdPrint", "KdPrintEx");

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
        Token name = tok(open - 1);
        if (open < 0 || name == null || !KEEPS_POINTERS.contains(name.text())) {
            return false;
        }
        List<List<Token>> args = Arg.split(tokens.subList(open + 1, Math.max(open + 1, matchForward(open))));
        switch (name.text()) {
            case "RtlUpcaseUnicodeString", "RtlDowncaseUnicodeString" -> {
                // with AllocateDestinationString TRUE the routine stores a new buffer of its own
                List<Token> last = args.get(args.size() - 1);
                return args.size() == 3 && last.size() == 1 && last.get(0).text().equals("FALSE");
            }
            case "RtlInitEmptyUnicodeString" -> {
                // stores its second argument as the buffer: harmless only when that is NULL
                return args.size() == 3 && args.get(1).size() == 1 && NULLS.contains(args.get(1).get(0).text())
                        && !args.get(0).isEmpty() && args.get(0).get(0).start() == tokens.get(amp).start();
            }
            default -> {
                return true;
            }
        }
    }

    /** Assignments, increments and address-of: anything that puts another value into a pointer path. */
    private void pointerWrite(Token t, int k) {
        String p = t.text();
        if (p.equals("=") || p.equals("+=") || p.equals("-=")) {
            PointerPath lhs = chainBefore(k);
            if (lhs == null) {
                return;
            }
            if (p.equals("=")) {
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
            addEvent(new PointerEvent(PointerEvent.Type.OTHER, lhs, function.id(), isParam(lhs), isLocal(lhs), k, block, null,
                    Location.of(file, t)));
        } else if (p.equals("++") || p.equals("--")) {
            PointerPath before = tok(k - 1) != null && tok(k - 1).isIdent() ? chainBefore(k) : null;
            if (before != null) {
                addEvent(new PointerEvent(PointerEvent.Type.OTHER, before, function.id(), isParam(before), isLocal(before), k, block,
                        null,
                        Location.of(file, t)));
            }
        } else if (p.equals("&") && !handledAmpersands.contains(t.start())) {
            Token prev = tok(k - 1);
            boolean unary = prev == null || prev.kind() == Token.Kind.PUNCT && !prev.is(")") && !prev.is("]")
                    || prev.is("return");
            if (!unary) {
                return;
            }
            // the chain after '&': names, members and subscripts
            int j = k + 1;
            int end = -1;
            for (int guard = 0; guard < 64 && tok(j) != null && tok(j).isIdent(); guard++) {
                end = j;
                while (isPunct(end + 1, "[")) {
                    int depth = 0;
                    int close = -1;
                    for (int m = end + 1; m < tokens.size() && m < end + 400; m++) {
                        if (isPunct(m, "[")) {
                            depth++;
                        } else if (isPunct(m, "]") && --depth == 0) {
                            close = m;
                            break;
                        }
                    }
                    if (close < 0) {
                        return;
                    }
                    end = close;
                }
                if (isPunct(end + 1, "->") || isPunct(end + 1, ".")) {
                    j = end + 2;
                } else {
                    break;
                }
            }
            if (end >= 0 && !isPunct(end + 1, "(") && !keepsPointers(k)) {
                PointerPath pp = path(tokens.subList(k + 1, end + 1), sourceText(tokens.subList(k + 1, end + 1)));
                if (pp == null) {
                    return;
                }
                addEvent(new PointerEvent(PointerEvent.Type.OTHER, pp, function.id(), isParam(pp), isLocal(pp), k, block, null,
                        Location.of(file, t)));
            }
        }
    }
}
