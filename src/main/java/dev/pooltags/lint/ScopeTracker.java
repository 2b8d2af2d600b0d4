package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows the braces of a file: which function, class or namespace the scan is in, the blocks of the current function
 * (also the brace-less bodies of {@code if}, {@code else}, {@code for}, {@code while}, {@code do} and the cases of a
 * {@code switch}), and where the current statement or member declaration began.
 *
 * <p>Structure comes from braces alone: a {@code {} after a parameter list outside any function opens a function;
 * {@code namespace} and {@code extern "C"} blocks are transparent.
 */
final class ScopeTracker {
    private static final Set<String> NOT_FUNCTIONS = Set.of("if", "while", "for", "switch", "return", "sizeof", "catch",
            "__try", "__except", "__finally", "defined", "alignof", "decltype", "_Pragma", "__pragma");
    private static final Set<String> TRAILERS = Set.of("const", "noexcept", "override", "final", "volatile");
    /** Identifiers that may stand before a name without declaring it ({@code return x;}). */
    private static final Set<String> NOT_TYPES = Set.of("return", "case", "goto", "else", "do", "delete", "throw", "new",
            "sizeof", "co_return", "break", "continue", "default", "typedef", "using", "operator");
    /** Blocks deeper than this share their ancestor's id: generated code, not worth following. */
    private static final int MAX_BLOCK_DEPTH = 256;

    enum Brace { TRANSPARENT, FUNCTION, BLOCK, CLASS, OTHER }

    /**
     * A function being scanned: its identity ({@code file:line Class::name}), its class (for a member function,
     * defined out of the class or inside it), its parameters and the names it declares.
     */
    record Function(String id, String className, List<String> params, Set<String> locals) {
    }

    /** The brace state at a point, to go on from at an {@code #else} or {@code #endif}. */
    record Snapshot(List<Brace> stack, Function function, int block, List<Pseudo> pseudo, int parenDepth) {
    }

    /**
     * The brace-less body of {@code if}, {@code else}, {@code for}, {@code while} or {@code do}: a block of its own
     * for the reaching analysis, ended by the {@code ;} (or the closing brace) that ends its statement.
     */
    private record Pseudo(int braceDepth, int parenDepth, boolean label) {
    }

    private final FileTokens tokens;
    private List<Brace> stack = new ArrayList<>();
    private Function function;
    private Token functionName;
    /** Parent of each block of this file (-1 for a function body), and the innermost block now (-1 outside). */
    private final IntList blockParents = new IntList();
    private final IntList blockDepths = new IntList();
    private int block = -1;
    private List<Pseudo> pseudo = new ArrayList<>();
    private int parenDepth;
    private final Set<Integer> controlHeaderEnds = new HashSet<>();
    /** Class names of the CLASS braces open now, innermost last; where the current member declaration starts. */
    private final List<String> classes = new ArrayList<>();
    private int memberStart;
    private int statementStart;

    ScopeTracker(FileTokens tokens) {
        this.tokens = tokens;
    }

    /** The function the scan is in, or null. */
    Function function() {
        return function;
    }

    /** The name token of the function the scan is in. */
    Token functionName() {
        return functionName;
    }

    /** The innermost block now (-1 outside a function). */
    int block() {
        return block;
    }

    IntList blockParents() {
        return blockParents;
    }

    int statementStart() {
        return statementStart;
    }

    void statementStart(int k) {
        statementStart = k;
    }

    int memberStart() {
        return memberStart;
    }

    void memberStart(int k) {
        memberStart = k;
    }

    /** The class whose body the scan is in, innermost, or null. */
    String currentClass() {
        return classes.isEmpty() ? null : classes.get(classes.size() - 1);
    }

    /** True when the innermost brace is a class body. */
    boolean inClassBody() {
        return !stack.isEmpty() && stack.get(stack.size() - 1) == Brace.CLASS;
    }

    boolean atFileScope() {
        for (Brace b : stack) {
            if (b != Brace.TRANSPARENT) {
                return false;
            }
        }
        return true;
    }

    Snapshot snapshot() {
        return new Snapshot(new ArrayList<>(stack), function, block, new ArrayList<>(pseudo), parenDepth);
    }

    void restore(Snapshot s) {
        stack = new ArrayList<>(s.stack());
        function = s.function();
        block = s.block();
        pseudo = new ArrayList<>(s.pseudo());
        parenDepth = s.parenDepth();
    }

    /** Opens a block inside the current one (or a function body when there is none). */
    void openBlock() {
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

    void closeBlock() {
        if (block >= 0) {
            block = blockParents.get(block);
        }
    }

    void openParen() {
        parenDepth++;
    }

    /** A ')': the end of an {@code if (x)} header without a brace after it starts a brace-less body. */
    void closeParen(int k) {
        parenDepth = Math.max(0, parenDepth - 1);
        if (function != null && controlHeaderEnds.remove(k) && !tokens.isPunct(k + 1, "{")) {
            startPseudo(); // if (x) p = ...;
        }
    }

    /** The header of {@code if}, {@code while}, {@code for} or {@code switch} whose '(' is at {@code open}. */
    void controlHeader(int open) {
        controlHeaderEnds.add(tokens.matchForward(open));
    }

    /** A ':' in a class body right after an access specifier ends nothing but starts the next member. */
    void colon(int k) {
        if (function == null && inClassBody() && k == memberStart + 1) {
            memberStart = k + 1; // public: protected: private:
        }
    }

    /** True when the token after {@code k} continues the statement a brace-less body belongs to. */
    private boolean continuesStatement(int k) {
        Token next = tokens.tok(k + 1);
        return next != null && (next.is("else") || next.is("while"));
    }

    /** Ends the brace-less bodies that the statement ending at {@code k} (a ';') closes. */
    void endPseudoAtSemicolon(int k) {
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
     * Inside a function, the keyword at {@code k} may start a block: a {@code case} or {@code default} label, or the
     * brace-less body of {@code else} or {@code do}. True when it was a label (nothing more to do with it).
     */
    boolean statementKeyword(int k) {
        if (parenDepth == 0 && (tokens.isIdent(k, "case") || tokens.isIdent(k, "default") && tokens.isPunct(k + 1, ":"))) {
            caseLabel();
            return true;
        }
        if (tokens.isIdent(k, "else") && !tokens.isPunct(k + 1, "{") && !tokens.isIdent(k + 1, "if")
                || tokens.isIdent(k, "do") && !tokens.isPunct(k + 1, "{")) {
            startPseudo();
        }
        return false;
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

    /** A '{' at {@code k}: what it opens (a function body, a block, a class body, a namespace...). */
    Brace openBrace(int k) {
        if (function != null) {
            stack.add(Brace.BLOCK);
            openBlock();
            return Brace.BLOCK;
        }
        int j = k - 1;
        while (tokens.tok(j) != null && tokens.tok(j).isIdent() && TRAILERS.contains(tokens.tok(j).text())) {
            j--;
        }
        if (tokens.isPunct(j, ")") && openFunction(j)) {
            return Brace.FUNCTION;
        }
        Token prev = tokens.tok(k - 1);
        Token prev2 = tokens.tok(k - 2);
        boolean transparent = prev != null && (prev.is("namespace")
                || prev2 != null && prev2.is("namespace")
                || prev.kind() == Token.Kind.STRING && prev2 != null && prev2.is("extern"));
        if (transparent && atFileScope()) {
            stack.add(Brace.TRANSPARENT);
            statementStart = k + 1;
            return Brace.TRANSPARENT;
        }
        String cls = className(k);
        if (cls != null) {
            stack.add(Brace.CLASS);
            classes.add(cls);
            memberStart = k + 1;
            return Brace.CLASS;
        }
        stack.add(Brace.OTHER);
        return Brace.OTHER;
    }

    /** Opens a function when the ')' at {@code j} ends a function header; false when it does not. */
    private boolean openFunction(int j) {
        int open = headerOpen(tokens.matchBackward(j));
        Token name = tokens.tok(open - 1);
        if (!(open > 0 && name != null && name.isIdent() && !NOT_FUNCTIONS.contains(name.text()))) {
            return false;
        }
        stack.add(Brace.FUNCTION);
        block = -1;
        pseudo.clear();
        parenDepth = 0;
        controlHeaderEnds.clear();
        openBlock();
        String cls = tokens.isPunct(open - 2, "::") && tokens.tok(open - 3) != null && tokens.tok(open - 3).isIdent()
                ? tokens.tok(open - 3).text() : currentClass();
        String qualified = cls != null ? cls + "::" + name.text() : name.text();
        int close = open < 0 ? j : tokens.matchForward(open);
        function = new Function(tokens.file + ":" + name.line() + " " + qualified, cls, params(open, close),
                new HashSet<>());
        functionName = name;
        return true;
    }

    /**
     * The '(' of a function header, seen from the '(' just before its body: a constructor's member initializers
     * ({@code C::C() : m_a(0), m_b(1) {}}) are stepped over to the header they follow.
     */
    private int headerOpen(int open) {
        int cur = open;
        for (int guard = 0; cur > 1 && guard < 256; guard++) {
            int sep = cur - 2;
            if (tokens.isPunct(sep, ",") && tokens.isPunct(sep - 1, ")")) {
                cur = tokens.matchBackward(sep - 1);
            } else if (tokens.isPunct(sep, ":") && tokens.tok(sep - 1) != null) {
                int h = sep - 1;
                while (tokens.tok(h) != null && tokens.tok(h).isIdent() && TRAILERS.contains(tokens.tok(h).text())) {
                    h--;
                }
                return tokens.isPunct(h, ")") ? tokens.matchBackward(h) : cur;
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
            if ((tokens.isIdent(j, "class") || tokens.isIdent(j, "struct")) && tokens.tok(j + 1) != null
                    && tokens.tok(j + 1).isIdent()) {
                // the last name of 'class DECLSPEC CName : public Base {'
                int n = j + 1;
                while (tokens.tok(n + 1) != null && tokens.tok(n + 1).isIdent() && n + 1 < k) {
                    n++;
                }
                return tokens.tok(n).text();
            }
            if (tokens.isPunct(j, "(") || tokens.isPunct(j, "=")) {
                return null;
            }
        }
        return null;
    }

    /**
     * A '}' at {@code k}: closes what the matching '{' opened. When that was a function body, {@code endFunction}
     * runs while the function is still current.
     */
    void closeBrace(int k, Runnable endFunction) {
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
        if (inClassBody() && (b == Brace.FUNCTION || b == Brace.CLASS)) {
            memberStart = k + 1; // an inline method's body or a nested class ends a member
        }
        if (b == Brace.FUNCTION) {
            endFunction.run();
            function = null;
            block = -1;
            pseudo.clear();
        } else if (function != null && b == Brace.BLOCK) {
            closeBlock();
            // 'if (a) for (...) { ... }': the brace was the statement of a brace-less body, which ends with it
            Token next = tokens.tok(k + 1);
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
    boolean declares(int k) {
        if (!(tokens.isPunct(k + 1, "=") || tokens.isPunct(k + 1, ";") || tokens.isPunct(k + 1, ",")
                || tokens.isPunct(k + 1, "["))) {
            return false;
        }
        int j = k - 1;
        while (tokens.isPunct(j, "*") || tokens.isPunct(j, "&")) {
            j--;
        }
        Token before = tokens.tok(j);
        if (before == null) {
            return false;
        }
        if (before.isIdent()) {
            return !NOT_TYPES.contains(before.text()) && !tokens.isPunct(j - 1, ".") && !tokens.isPunct(j - 1, "->");
        }
        return j < k - 1 && before.is(">"); // std::unique_ptr<T> p = ...
    }

    /** True for a name that never heads a function definition or a declaration ({@code if}, {@code sizeof}). */
    static boolean notFunction(String name) {
        return NOT_FUNCTIONS.contains(name);
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
}
