package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows a file's conditional compilation: which {@code #if} branches are compiled, not compiled or undecided, and
 * the symbols the file defines and undefines on the way. Each {@code #else} branch starts from the brace state at its
 * {@code #if} and the state after the first compiled branch is kept at {@code #endif}, so alternative function
 * headers do not unbalance the file; the branches of an undecided {@code #if} inside a function are blocks of their
 * own, alternatives like those of an {@code if}.
 */
final class ConditionalCompilation {
    /** Symbols that decide nothing worth naming in a finding (they wrap declarations for C and C++ alike). */
    private static final Set<String> UNNAMED = Set.of("__cplusplus");

    /** An {@code #if} group being read: its branches' truth so far, and the brace state to go on from. */
    private static final class Cond {
        final ScopeTracker.Snapshot start;
        final boolean parentActive;
        ScopeTracker.Snapshot firstEnd;
        boolean taken;
        boolean unknownBefore;
        Conditions.Truth branch;
        String text;
        int branchLine;
        boolean blockOpened;
        final List<String> before = new ArrayList<>();

        Cond(ScopeTracker.Snapshot start, boolean parentActive) {
            this.start = start;
            this.parentActive = parentActive;
        }

        boolean active() {
            return parentActive && branch != Conditions.Truth.FALSE;
        }
    }

    private final FileTokens tokens;
    private final ScopeTracker scope;
    private final FileScanner.Defines defines;
    private final List<Cond> conds = new ArrayList<>();
    private final List<FileScanner.Conditional> conditionals = new ArrayList<>();
    /** Symbols the file defined (and not undefined) above the current line, and those it undefined. */
    private final Map<String, String> localDefines = new HashMap<>();
    private final Set<String> undefined = new HashSet<>();

    ConditionalCompilation(FileTokens tokens, ScopeTracker scope, FileScanner.Defines defines) {
        this.tokens = tokens;
        this.scope = scope;
        this.defines = defines;
    }

    /** The ranges of lines compiled only under a condition the sources cannot decide. */
    List<FileScanner.Conditional> conditionals() {
        return conditionals;
    }

    /** True when every enclosing {@code #if} branch is compiled (or may be). */
    boolean active() {
        return conds.isEmpty() || conds.get(conds.size() - 1).active();
    }

    /** The file defines object-like macro {@code name} as {@code value} from here on. */
    void defined(String name, String value) {
        localDefines.put(name, value);
        undefined.remove(name);
    }

    /**
     * The conditional directive (or {@code #undef}) at token {@code k}; true when it was one, false for any other
     * directive.
     */
    boolean directive(Token t, int k) {
        Directive d = t.directive();
        boolean wasActive = active();
        switch (d.name()) {
            case "if", "ifdef", "ifndef" -> {
                Cond c = new Cond(scope.snapshot(), wasActive);
                conds.add(c);
                String text = conditionText(d);
                c.branch = wasActive ? condition(d, k) : Conditions.Truth.FALSE;
                c.text = text;
                beginBranch(c, t);
            }
            case "elif", "else", "elifdef", "elifndef" -> {
                if (!conds.isEmpty()) {
                    nextBranch(conds.get(conds.size() - 1), d, t, k);
                }
            }
            case "endif" -> {
                if (!conds.isEmpty()) {
                    Cond c = conds.remove(conds.size() - 1);
                    endBranch(c, t);
                    if (c.firstEnd != null) {
                        scope.restore(c.firstEnd);
                    }
                    if (!c.active() && !wasActive && scope.atFileScope()) {
                        scope.statementStart(k + 1); // nothing of a skipped branch belongs to the next statement
                    }
                }
            }
            case "undef" -> {
                if (wasActive && !d.tokens().isEmpty()) {
                    localDefines.remove(d.tokens().get(0).text());
                    undefined.add(d.tokens().get(0).text());
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** An {@code #elif} or {@code #else} of the group {@code c}. */
    private void nextBranch(Cond c, Directive d, Token t, int k) {
        endBranch(c, t);
        if (c.firstEnd == null && c.active()) {
            c.firstEnd = scope.snapshot();
        }
        scope.restore(c.start);
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

    private void beginBranch(Cond c, Token t) {
        if (c.branch == Conditions.Truth.TRUE) {
            c.taken = true;
        } else if (c.branch == Conditions.Truth.UNKNOWN) {
            c.unknownBefore = true;
            c.branchLine = t.endLine() + 1;
            if (scope.function() != null) {
                scope.openBlock(); // the branches of an undecided #if are alternatives, like those of an if
                c.blockOpened = true;
            }
        }
    }

    private void endBranch(Cond c, Token t) {
        if (c.branch == Conditions.Truth.UNKNOWN && c.parentActive) {
            if (c.blockOpened) {
                scope.closeBlock();
                c.blockOpened = false;
            }
            if (t.line() - 1 >= c.branchLine && !mentionsOnly(c.text, UNNAMED)) {
                conditionals.add(new FileScanner.Conditional(c.branchLine, t.line() - 1, c.text));
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
        String body = FileTokens.joined(d.tokens());
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
                Token next = tokens.tok(k + 1);
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
            String lower = tokens.file.toLowerCase(java.util.Locale.ROOT);
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
}
