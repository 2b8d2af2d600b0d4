package dev.pooltags.lint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits C/C++ source text into tokens, the way the compiler's first phases see it, without headers or a compiler:
 * comments are set aside (kept for suppressions), backslash-newline joins lines, string and character literals
 * (prefixes {@code L u U u8}, raw strings, multi-character literals such as {@code 'fByM'}) are single tokens, and
 * every preprocessor line becomes one {@link Token.Kind#DIRECTIVE} token holding its own tokens.
 *
 * <p>Never throws and always ends: malformed input (an unterminated literal or comment, a stray byte) ends the
 * token at the end of the line or file, because real driver trees contain such text in disabled {@code #if 0}
 * blocks and the analysis must go on.
 */
public final class Tokenizer {
    /** Tokens and comments of one text. */
    public record Result(TokenList tokens, List<Comment> comments, int lines) {
    }

    private final byte[] b;
    private final int n;
    private int i;
    private int line = 1;
    private int lineStart;
    private boolean codeOnLine;
    private final TokenList.Builder tokens;
    private final IntList lineStarts = new IntList();
    private final List<Comment> comments = new ArrayList<>();
    private List<Token> directiveTokens;
    private int directiveStart;
    private int directiveLine;
    private int directiveCol;

    private Tokenizer(byte[] bytes) {
        this.b = bytes;
        this.n = bytes.length;
        this.tokens = new TokenList.Builder(bytes);
        lineStarts.add(0);
    }

    /** Tokenizes a whole file's text. */
    public static Result tokenize(String text) {
        return tokenize(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Tokenizes a file's bytes, each byte one character (Latin-1), so no byte is lost whatever the code page. */
    public static Result tokenize(byte[] bytes) {
        Tokenizer t = new Tokenizer(bytes);
        t.run();
        // lines as wc counts them, plus an unterminated last line
        int lines = bytes.length > 0 && bytes[bytes.length - 1] == '\n' ? t.line - 1 : t.line;
        return new Result(t.tokens.build(t.lineStarts), t.comments, Math.max(lines, bytes.length > 0 ? 1 : 0));
    }

    /** Character {@code i}: the byte as Latin-1. */
    private char c(int i) {
        return (char) (b[i] & 0xFF);
    }

    private String str(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Adds a token to the directive being read, or to the file's tokens. */
    private void out(Token.Kind kind, int start, int end, int startLine, int startCol, int endLine, int endCol,
            String punct) {
        if (directiveTokens != null) {
            directiveTokens.add(new Token(kind, punct != null ? punct : str(start, end), startLine, startCol, endLine,
                    endCol, start, end, null));
        } else {
            tokens.add(kind, start, end, null);
        }
    }

    private void newline() {
        line++;
        lineStart = i;
        lineStarts.add(i);
        codeOnLine = false;
    }

    private void run() {
        while (i < n) {
            char c = c(i);
            if (c == '\n') {
                i++;
                if (directiveTokens != null) {
                    endDirective(i - 1);
                }
                newline();
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                i++;
                continue;
            }
            if (c == '\\' && continuation(i)) {
                continue;
            }
            if (c == '/' && i + 1 < n && c(i + 1) == '/') {
                lineComment();
                continue;
            }
            if (c == '/' && i + 1 < n && c(i + 1) == '*') {
                blockComment();
                continue;
            }
            if (c == '#' && !codeOnLine && directiveTokens == null) {
                startDirective();
                continue;
            }
            codeOnLine = true;
            if (isIdentStart(c)) {
                identOrPrefixedLiteral();
            } else if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && isDigit(c(i + 1))) {
                number();
            } else if (c == '"') {
                string(i, i);
            } else if (c == '\'') {
                charLiteral(i, i);
            } else {
                punct();
            }
        }
        if (directiveTokens != null) {
            endDirective(n);
        }
    }

    /** Skips a backslash-newline at {@code at}; returns false (and skips nothing) when it is not one. */
    private boolean continuation(int at) {
        int j = at + 1;
        while (j < n && (c(j) == ' ' || c(j) == '\t' || c(j) == '\r')) {
            j++; // MSVC accepts trailing blanks after the backslash
        }
        if (j < n && c(j) == '\n') {
            i = j + 1;
            boolean code = codeOnLine;
            newline();
            codeOnLine = code;
            return true;
        }
        if (j >= n) {
            i = n;
            return true;
        }
        return false;
    }

    private void lineComment() {
        int startLine = line;
        boolean trailing = codeOnLine || directiveTokens != null;
        int from = i + 2;
        StringBuilder sb = null;
        int j = from;
        while (j < n) {
            char c = c(j);
            if (c == '\n') {
                // a comment line ending in a backslash continues on the next line, as in the compiler
                int k = j - 1;
                while (k >= from && c(k) == '\r') {
                    k--;
                }
                if (k >= from && c(k) == '\\') {
                    if (sb == null) {
                        sb = new StringBuilder();
                    }
                    sb.append(str(from, k)).append(' ');
                    from = j + 1;
                    i = j + 1;
                    boolean code = codeOnLine;
                    newline();
                    codeOnLine = code;
                    j = i;
                    continue;
                }
                break;
            }
            j++;
        }
        String text = sb == null ? str(from, j) : sb.append(str(from, j)).toString();
        comments.add(new Comment(startLine, line, text, trailing));
        i = j;
    }

    private void blockComment() {
        int startLine = line;
        boolean trailing = codeOnLine || directiveTokens != null;
        int from = i + 2;
        int j = from;
        while (j < n && !(c(j) == '*' && j + 1 < n && c(j + 1) == '/')) {
            if (c(j) == '\n') {
                i = j + 1;
                boolean code = codeOnLine;
                newline();
                codeOnLine = code;
            }
            j++;
        }
        comments.add(new Comment(startLine, line, str(from, Math.min(j, n)), trailing));
        i = Math.min(n, j + 2);
    }

    private void startDirective() {
        directiveStart = i;
        directiveLine = line;
        directiveCol = i - lineStart + 1;
        directiveTokens = new ArrayList<>(8);
        codeOnLine = true;
        i++;
    }

    private void endDirective(int endOffset) {
        List<Token> dt = directiveTokens;
        directiveTokens = null;
        String name = "";
        List<Token> rest = dt;
        if (!dt.isEmpty() && (dt.get(0).kind() == Token.Kind.IDENT || dt.get(0).kind() == Token.Kind.NUMBER)) {
            name = dt.get(0).text();
            rest = dt.subList(1, dt.size());
        }
        Directive d = new Directive(name, List.copyOf(rest), directiveLine);
        tokens.add(Token.Kind.DIRECTIVE, directiveStart, endOffset, d);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c >= 0x80;
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    private void add(Token.Kind kind, int start, int end) {
        add(kind, start, end, line, start - lineStart + 1);
    }

    private void add(Token.Kind kind, int start, int end, int startLine, int startCol) {
        out(kind, start, end, startLine, startCol, line, end - lineStart + 1, null);
    }

    private void identOrPrefixedLiteral() {
        int start = i;
        int j = i + 1;
        while (j < n && isIdentPart(c(j))) {
            j++;
        }
        if (j < n && (c(j) == '"' || c(j) == '\'') && j - start <= 3) {
            String p = str(start, j);
            boolean strPrefix = p.equals("L") || p.equals("u") || p.equals("U") || p.equals("u8");
            boolean rawPrefix = p.equals("R") || p.equals("LR") || p.equals("uR") || p.equals("UR") || p.equals("u8R");
            if (c(j) == '"' && rawPrefix) {
                rawString(start, j);
                return;
            }
            if (strPrefix) {
                if (c(j) == '"') {
                    string(start, j);
                } else {
                    charLiteral(start, j);
                }
                return;
            }
        }
        i = j;
        add(Token.Kind.IDENT, start, j);
    }

    private void number() {
        int start = i;
        int j = i + 1;
        while (j < n) {
            char c = c(j);
            if (isIdentPart(c) || c == '.') {
                j++;
            } else if ((c == '+' || c == '-') && "eEpP".indexOf(c(j - 1)) >= 0
                    && !(c(start) == '0' && j - start >= 2 && "xX".indexOf(c(start + 1)) >= 0 && "eE".indexOf(c(j - 1)) >= 0)) {
                j++;
            } else if (c == '\'' && j + 1 < n && isIdentPart(c(j + 1)) && isIdentPart(c(j - 1))) {
                j++; // C++14 digit separator
            } else {
                break;
            }
        }
        i = j;
        add(Token.Kind.NUMBER, start, j);
    }

    /** A quoted literal from {@code quote}; stops at the closing quote, or unterminated at the end of the line. */
    private int quoted(int quote, char q) {
        int j = quote + 1;
        while (j < n) {
            char c = c(j);
            if (c == q) {
                return j + 1;
            }
            if (c == '\n') {
                return j;
            }
            if (c == '\\' && j + 1 < n) {
                if (c(j + 1) == '\n' || c(j + 1) == '\r' && j + 2 < n && c(j + 2) == '\n') {
                    // a continued literal: count the line
                    j += c(j + 1) == '\n' ? 2 : 3;
                    i = j;
                    boolean code = codeOnLine;
                    int keepLine = line;
                    newline();
                    codeOnLine = code;
                    if (keepLine == line) {
                        break;
                    }
                    continue;
                }
                j += 2;
                continue;
            }
            j++;
        }
        return Math.min(j, n);
    }

    private void string(int start, int quote) {
        quotedLiteral(start, quote, '"', Token.Kind.STRING);
    }

    private void charLiteral(int start, int quote) {
        quotedLiteral(start, quote, '\'', Token.Kind.CHAR);
    }

    /** A string or character literal (with any prefix from {@code start}) closed by {@code close}. */
    private void quotedLiteral(int start, int quote, char close, Token.Kind kind) {
        int startLine = line;
        int startCol = start - lineStart + 1;
        int end = quoted(quote, close);
        i = end;
        add(kind, start, end, startLine, startCol);
    }

    private void rawString(int start, int quote) {
        int startLine = line;
        int startCol = start - lineStart + 1;
        int open = indexOf('(', quote + 1);
        int lineEnd = indexOf('\n', quote + 1);
        if (open < 0 || open - quote > 17 || lineEnd >= 0 && open > lineEnd) {
            string(start, quote); // not a valid raw string: read it as an ordinary one
            return;
        }
        String close = ")" + str(quote + 1, open) + "\"";
        int endIdx = indexOf(close, open + 1);
        int end = endIdx < 0 ? n : endIdx + close.length();
        for (int k = quote; k < end; k++) {
            if (c(k) == '\n') {
                i = k + 1;
                boolean code = codeOnLine;
                newline();
                codeOnLine = code;
            }
        }
        i = end;
        add(Token.Kind.STRING, start, end, startLine, startCol);
    }

    private int indexOf(char ch, int from) {
        for (int k = from; k < n; k++) {
            if (b[k] == (byte) ch) {
                return k;
            }
        }
        return -1;
    }

    private int indexOf(String what, int from) {
        outer:
        for (int k = from; k + what.length() <= n; k++) {
            for (int m = 0; m < what.length(); m++) {
                if (c(k + m) != what.charAt(m)) {
                    continue outer;
                }
            }
            return k;
        }
        return -1;
    }


    private void punct() {
        int start = i;
        char a = c(i);
        char x = i + 1 < n ? c(i + 1) : 0;
        char y = i + 2 < n ? c(i + 2) : 0;
        int len = punctLength(a, x, y);
        i += len;
        String text = len == 1 ? (a < 128 ? SINGLE[a] : String.valueOf(a)) : intern(a, x, len == 3 ? y : 0);
        addPunct(text, start);
    }

    /** Length of the punctuator starting with {@code a x y}: the longest of C and C++'s multi-character ones. */
    private static int punctLength(char a, char x, char y) {
        switch (a) {
            case '-':
                if (x == '>') {
                    return y == '*' ? 3 : 2;
                }
                return x == '-' || x == '=' ? 2 : 1;
            case '<':
                if (x == '<') {
                    return y == '=' ? 3 : 2;
                }
                if (x == '=') {
                    return y == '>' ? 3 : 2;
                }
                return 1;
            case '>':
                if (x == '>') {
                    return y == '=' ? 3 : 2;
                }
                return x == '=' ? 2 : 1;
            case '.':
                if (x == '.' && y == '.') {
                    return 3;
                }
                return x == '*' ? 2 : 1;
            case ':':
                return x == ':' ? 2 : 1;
            case '=', '!', '*', '/', '%', '^':
                return x == '=' ? 2 : 1;
            case '&':
                return x == '&' || x == '=' ? 2 : 1;
            case '|':
                return x == '|' || x == '=' ? 2 : 1;
            case '+':
                return x == '+' || x == '=' ? 2 : 1;
            case '#':
                return x == '#' ? 2 : 1;
            default:
                return 1;
        }
    }

    private static final java.util.Map<String, String> MULTI = new java.util.HashMap<>();

    static {
        for (String p : new String[] {"<<=", ">>=", "...", "->*", "<=>", "->", "::", "==", "!=", "<=", ">=", "&&", "||",
            "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "##", ".*"}) {
            MULTI.put(p, p);
        }
    }

    private static String intern(char a, char x, char y) {
        String key = y == 0 ? new String(new char[] {a, x}) : new String(new char[] {a, x, y});
        return MULTI.getOrDefault(key, key);
    }

    private static final String[] SINGLE = new String[128];

    static {
        for (char ch = 0; ch < 128; ch++) {
            SINGLE[ch] = String.valueOf(ch).intern();
        }
    }

    /** Punctuators share their text: no string per token. */
    private void addPunct(String text, int start) {
        out(Token.Kind.PUNCT, start, i, line, start - lineStart + 1, line, i - lineStart + 1, text);
    }
}
