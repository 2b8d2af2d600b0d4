package dev.pooltags.lint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a file's tokens that finds what the rules need: definitions, includes, file-scope names, function
 * bodies, pool-routine calls (also through macros that wrap them), and the pointer events of the mismatched-free rule.
 *
 * <p>The pass hands each token to the part that reads it: {@link ConditionalCompilation} (which {@code #if}
 * branches are compiled), {@link ScopeTracker} (braces: functions, blocks, classes, statements),
 * {@link DeclarationIndex} (definitions, includes, globals, members), {@link CallExtractor} (pool calls, with
 * {@link MacroExpander} for wrapper macros), {@link PointerEventExtractor} (the mismatched-free rule's events) and
 * {@link DriverFacts} (miniport registration, NX opt-in).
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

    /** Calls handed to the sink at a time. */
    static final int CALL_BATCH = CallExtractor.CALL_BATCH;
    /** Pointer events kept per function: beyond this a function is generated code, not followed further. */
    static final int MAX_EVENTS = PointerEventExtractor.MAX_EVENTS;

    /** A range of lines compiled only under a condition the sources cannot decide. */
    public record Conditional(int fromLine, int toLine, String condition) {
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

    private final FileTokens tokens;
    private final boolean full;
    private final ScopeTracker scope;
    private final ConditionalCompilation conditions;
    private final DeclarationIndex declarations;
    private final DriverFacts driver;
    private final PointerEventExtractor events;
    private final CallExtractor calls;
    private final Sink sink;

    private FileScanner(String file, TokenList tokens, Defines defines, Macros macros, Wrappers wrappers, Sink sink) {
        this.tokens = new FileTokens(file, tokens);
        this.sink = sink;
        this.full = sink != null;
        this.scope = new ScopeTracker(this.tokens);
        this.conditions = new ConditionalCompilation(this.tokens, scope, defines);
        this.declarations = new DeclarationIndex(this.tokens);
        this.driver = new DriverFacts(this.tokens);
        MacroExpander expander = new MacroExpander(this.tokens, macros);
        this.events = new PointerEventExtractor(this.tokens, scope, expander);
        this.calls = new CallExtractor(this.tokens, scope, expander, wrappers, events, sink);
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
        s.calls.flush();
        if (s.scope.function() != null) {
            s.endFunction(); // an unclosed function at the end of the file
        }
        return s.facts(r, suppressions);
    }

    private FileFacts facts(Tokenizer.Result r, Suppressions suppressions) {
        Map<String, NameSet> classMembers = new HashMap<>();
        declarations.members.forEach((c, m) -> classMembers.put(c, NameSet.of(m)));
        return new FileFacts(tokens.file, r.lines(), List.copyOf(declarations.definitions),
                List.copyOf(declarations.includes), Set.copyOf(declarations.globals), Map.copyOf(classMembers),
                NameSet.of(declarations.calledNames), driver.nxRuntime, driver.miniport, driver.virtualMiniport,
                List.copyOf(conditions.conditionals()), suppressions);
    }

    private void endFunction() {
        if (!full) {
            return;
        }
        calls.endFunction(events.events());
        if (!events.events().isEmpty() || events.truncated()) {
            sink.function(scope.function().id(), events.events(), scope.blockParents(), events.truncated());
        }
        events.clear();
    }

    private void run() {
        int n = tokens.size();
        boolean active = true;
        for (int k = 0; k < n; k++) {
            Token.Kind kind = tokens.kind(k);
            if (kind == Token.Kind.DIRECTIVE) {
                directive(tokens.get(k), k);
                active = conditions.active();
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

    private void directive(Token t, int k) {
        if (!conditions.directive(t, k) && conditions.active()) {
            Directive d = t.directive();
            switch (d.name()) {
                case "define" -> define(t);
                case "include", "include_next", "import" -> declarations.include(d);
                default -> {
                }
            }
        }
        if (scope.atFileScope() && scope.statementStart() == k) {
            scope.statementStart(k + 1); // a directive between statements is not part of the next one
        }
    }

    private void define(Token directive) {
        Definition def = Definition.ofDefine(tokens.file, directive, tokens.source());
        if (def == null) {
            return;
        }
        declarations.define(def);
        if (!def.functionLike()) {
            List<Token> after = directive.directive().tokens();
            conditions.defined(def.name(), FileTokens.joined(after.subList(1, after.size())));
        }
        if (full) {
            calls.macroBody(def);
        }
    }

    private void punct(String p, int k) {
        switch (p) {
            case "{" -> openBrace(k);
            case "}" -> scope.closeBrace(k, this::endFunction);
            case ";" -> {
                if (scope.atFileScope()) {
                    declarations.fileScopeStatement(scope.statementStart(), k);
                    scope.statementStart(k + 1);
                } else if (scope.function() != null) {
                    scope.endPseudoAtSemicolon(k);
                } else if (scope.inClassBody()) {
                    declarations.memberDeclaration(scope.memberStart(), k, scope.currentClass());
                    scope.memberStart(k + 1);
                }
            }
            case ":" -> scope.colon(k);
            case "(" -> scope.openParen();
            case ")" -> scope.closeParen(k);
            default -> {
                if (full && scope.function() != null && (p.equals("=") || p.equals("+=") || p.equals("-=")
                        || p.equals("++") || p.equals("--") || p.equals("&"))) {
                    events.write(tokens.get(k), k);
                }
            }
        }
    }

    private void openBrace(int k) {
        ScopeTracker.Brace b = scope.openBrace(k);
        if (b == ScopeTracker.Brace.FUNCTION) {
            calls.startFunction();
        } else if (b == ScopeTracker.Brace.CLASS) {
            declarations.classOpened(scope.currentClass());
        }
    }

    private void ident(int k) {
        ScopeTracker.Function function = scope.function();
        if (function != null && scope.statementKeyword(k)) {
            return;
        }
        driver.ident(k);
        if (!tokens.isPunct(k + 1, "(")) {
            if (function != null && scope.declares(k)) {
                function.locals().add(tokens.get(k).text());
            } else if (full && function != null && tokens.isIdent(k, "return")) {
                calls.returnStatement(k);
            }
            return;
        }
        if (full && function != null && tokens.isIdent(k, "return")) {
            calls.returnStatement(k);
        }
        String name = tokens.get(k).text();
        if (function != null && (name.equals("if") || name.equals("while") || name.equals("for")
                || name.equals("switch"))) {
            scope.controlHeader(k + 1);
            return;
        }
        declarations.calledNames.add(name);
        if (function == null || tokens.isPunct(k - 1, ".") || tokens.isPunct(k - 1, "->")) {
            return; // calls are followed inside function bodies only
        }
        if (driver.call(name, k) || !full) {
            return;
        }
        calls.call(name, k);
    }
}
