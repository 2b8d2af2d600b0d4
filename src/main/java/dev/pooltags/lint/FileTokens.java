package dev.pooltags.lint;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The tokens of one file as the scanners walk them: safe access by index, matching brackets in both directions, and
 * the source text of a run of tokens.
 */
final class FileTokens {
    final String file;
    final TokenList list;

    FileTokens(String file, TokenList list) {
        this.file = file;
        this.list = list;
    }

    int size() {
        return list.size();
    }

    Token get(int k) {
        return list.get(k);
    }

    /** The token at {@code k}, or null outside the file. */
    Token tok(int k) {
        return k >= 0 && k < list.size() ? list.get(k) : null;
    }

    boolean isPunct(int k, String p) {
        return list.isPunct(k, p);
    }

    boolean isIdent(int k, String name) {
        return list.isIdent(k, name);
    }

    String punct(int k) {
        return list.punct(k);
    }

    Token.Kind kind(int k) {
        return list.kind(k);
    }

    List<Token> subList(int from, int to) {
        return list.subList(from, to);
    }

    byte[] source() {
        return list.source();
    }

    /** Index of the ')' matching the '(' at {@code open} (or the last token when unbalanced). */
    int matchForward(int open) {
        return closing(list::punct, list.size(), open, 2000, list.size() - 1);
    }

    /**
     * Index of the ')' matching the '(' at {@code open} among {@code size} tokens whose punctuators {@code punct}
     * gives (null for other tokens); {@code unbalanced} when there is none. Past {@code patience} tokens a ';' at the
     * outermost level ends the search there (an unbalanced '(' must not take the rest of the file as its arguments).
     */
    static int closing(IntFunction<String> punct, int size, int open, int patience, int unbalanced) {
        int depth = 0;
        for (int j = open; j < size; j++) {
            String p = punct.apply(j);
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
            } else if (p.equals(";") && depth <= 1 && j - open > patience) {
                return j;
            }
        }
        return unbalanced;
    }

    /** Index of the '(' matching the ')' at {@code close}, or -1. */
    int matchBackward(int close) {
        return opening(close, "(", ")", 4000);
    }

    /** Index of the '[' matching the ']' at {@code close}, or -1. */
    int matchBracketBackward(int close) {
        return opening(close, "[", "]", 400);
    }

    /**
     * Index of the {@code open} matching the {@code shut} at {@code close} within {@code reach} tokens before it, or
     * -1: a statement or block boundary (';', '{', '}') on the way means there is none.
     */
    private int opening(int close, String open, String shut, int reach) {
        int depth = 0;
        for (int j = close; j >= 0 && close - j < reach; j--) {
            String p = list.punct(j);
            if (shut.equals(p)) {
                depth++;
            } else if (open.equals(p) && --depth == 0) {
                return j;
            } else if (";".equals(p) || "{".equals(p) || "}".equals(p)) {
                return -1;
            }
        }
        return -1;
    }

    /** The tokens as written in the source (lines joined), or joined by {@link #joined} when that is not possible. */
    String sourceText(List<Token> ts) {
        int a = ts.get(0).start();
        int b = ts.get(ts.size() - 1).end();
        if (a < 0 || b > list.source().length || a > b || b - a > 400) {
            return joined(ts);
        }
        String raw = new String(list.source(), a, b - a, java.nio.charset.StandardCharsets.ISO_8859_1);
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

    /** True when the tokens could be a type in a cast: names, {@code *}, {@code ::}, {@code <>}, {@code &}. */
    static boolean looksLikeType(List<Token> ts) {
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

    /** The index just before the expression starting at {@code k}, past casts and opening parentheses. */
    int beforeExpression(int k) {
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
                if (open < 0 || !looksLikeType(list.subList(open + 1, j))) {
                    return -1;
                }
                j = open - 1; // (PVOID)
            } else {
                return j;
            }
        }
        return -1;
    }
}
