package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a file declares for the other files of its project: macro, constant and enumerator definitions, includes,
 * file-scope names (globals), the members of its classes, and the names it calls.
 */
final class DeclarationIndex {
    private static final Set<String> STATEMENT_KEYWORDS = Set.of("typedef", "using", "return", "friend", "template",
            "static_assert", "C_ASSERT");
    /** Tokens of a constant's initializer kept: longer ones are tables, not values a rule reads. */
    private static final int MAX_EXPRESSION = 64;

    private final FileTokens tokens;
    final List<Definition> definitions = new ArrayList<>();
    final List<String> includes = new ArrayList<>();
    final Set<String> globals = new HashSet<>();
    final Map<String, Set<String>> members = new HashMap<>();
    final Set<String> calledNames = new HashSet<>();

    DeclarationIndex(FileTokens tokens) {
        this.tokens = tokens;
    }

    /** A class body opens: its members are collected from here. */
    void classOpened(String cls) {
        members.computeIfAbsent(cls, c -> new HashSet<>());
    }

    /** A {@code #define}: its definition, and the names its body calls. */
    void define(Definition def) {
        calledNames.addAll(def.callees());
        definitions.add(def);
    }

    /** A statement at file scope: a global declaration, a constant, or an enum. */
    void fileScopeStatement(int from, int to) {
        if (from >= to) {
            return;
        }
        Token first = tokens.tok(from);
        if (first != null && STATEMENT_KEYWORDS.contains(first.text())) {
            enums(from, to);
            return;
        }
        boolean paren = false;
        boolean hasConst = false;
        boolean hasEnum = false;
        for (int j = from; j < to; j++) {
            if (tokens.isPunct(j, "(")) {
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
                if (tokens.isPunct(j + 1, "=") || tokens.isPunct(j + 1, ",") || tokens.isPunct(j + 1, ";") || tokens.isPunct(j + 1, "[")) {
                    if (tokens.isPunct(j - 1, "::") && tokens.tok(j - 2) != null && tokens.tok(j - 2).isIdent()) {
                        // a static member defined out of its class: T CName::m_p = NULL;
                        members.computeIfAbsent(tokens.tok(j - 2).text(), c -> new HashSet<>()).add(tokens.get(j).text());
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
                if (tokens.isPunct(nameIdx, "]")) {
                    while (nameIdx > from && !tokens.isPunct(nameIdx, "[")) {
                        nameIdx--;
                    }
                    nameIdx--;
                }
                Token name = tokens.tok(nameIdx);
                if (name == null || !name.isIdent()) {
                    return;
                }
                if (tokens.isPunct(j + 1, "{")) {
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
                    definitions.add(Definition.ofExpression(tokens.file, name, Definition.Kind.CONST, body, contiguous, null,
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
                if (end < to && tokens.isPunct(end, "=")) {
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
                definitions.add(Definition.ofExpression(tokens.file, name, Definition.Kind.ENUM,
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

    /** A declaration inside a class body, {@code [from, to)}: its member names. */
    void memberDeclaration(int from, int to, String cls) {
        if (from >= to || cls == null) {
            return;
        }
        Token first = tokens.tok(from);
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
            } else if (depth == 0 && tokens.kind(j) == Token.Kind.IDENT && (tokens.isPunct(j + 1, ";") || tokens.isPunct(j + 1, ",")
                    || tokens.isPunct(j + 1, "=") || tokens.isPunct(j + 1, "[") || tokens.isPunct(j + 1, ":") || j + 1 == to)) {
                members.get(cls).add(tokens.get(j).text());
            }
        }
    }

    void include(Directive d) {
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
}
