package dev.pooltags.lint;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The tokens of one file kept as arrays (a kind byte and three ints a token, an int a line) and handed out as
 * {@link Token} objects on demand, so a 50 MB file costs a few hundred megabytes less than a list of objects. Tokens
 * handed out own their text (they keep nothing of the file alive). A small cache returns the same object for a
 * recently read index, since the scanner looks back and ahead around where it is. Not thread-safe: one file, one
 * thread.
 */
public final class TokenList extends AbstractList<Token> implements RandomAccess {
    private static final Token.Kind[] KINDS = Token.Kind.values();
    private static final int CACHE = 8192;
    private static final byte PUNCT = (byte) Token.Kind.PUNCT.ordinal();
    private static final byte IDENT = (byte) Token.Kind.IDENT.ordinal();
    private static final byte DIRECTIVE = (byte) Token.Kind.DIRECTIVE.ordinal();

    private final byte[] src;
    private final int[] lineStarts;
    private final int lineCount;
    private final byte[] kinds;
    private final int[] starts;
    private final char[] lengths;
    private final int size;
    private final int[] longAt;
    private final int[] longLength;
    private final int longCount;
    private final int[] directiveAt;
    private final Directive[] directives;
    private final int directiveCount;
    private final Token[] cache;
    private final int[] cached;
    private final int mask;

    private TokenList(Builder b, int[] lineStarts, int lineCount) {
        this.src = b.src;
        this.lineStarts = lineStarts;
        this.lineCount = lineCount;
        this.kinds = b.kinds;
        this.starts = b.starts;
        this.lengths = b.lengths;
        this.size = b.size;
        this.longAt = b.longAt;
        this.longLength = b.longLength;
        this.longCount = b.longCount;
        this.directiveAt = b.directiveAt;
        this.directives = b.directives;
        this.directiveCount = b.directiveCount;
        // a file of few tokens gets a cache its size: a tree has tens of thousands of small files
        int c = Math.min(CACHE, Integer.highestOneBit(Math.max(16, b.size) - 1) << 1);
        this.cache = new Token[c];
        this.cached = new int[c];
        this.mask = c - 1;
        Arrays.fill(cached, -1);
    }

    /**
     * Collects tokens while the tokenizer runs: a kind byte, a start offset and a length a token (lengths beyond
     * 65,535 in a side table); line starts are known only at the end.
     */
    static final class Builder {
        private final byte[] src;
        private byte[] kinds;
        private int[] starts;
        private char[] lengths;
        private int size;
        private int[] longAt = new int[0];
        private int[] longLength = new int[0];
        private int longCount;
        private int[] directiveAt = new int[8];
        private Directive[] directives = new Directive[8];
        private int directiveCount;

        Builder(byte[] src) {
            this.src = src;
            int c = Math.max(16, src.length / 5);
            kinds = new byte[c];
            starts = new int[c];
            lengths = new char[c];
        }

        void add(Token.Kind kind, int start, int end, Directive d) {
            if (size == kinds.length) {
                int c = size + (size >> 2) + 16;
                kinds = Arrays.copyOf(kinds, c);
                starts = Arrays.copyOf(starts, c);
                lengths = Arrays.copyOf(lengths, c);
            }
            kinds[size] = (byte) kind.ordinal();
            starts[size] = start;
            int len = end - start;
            if (len >= Character.MAX_VALUE) {
                if (longCount == longAt.length) {
                    longAt = Arrays.copyOf(longAt, longCount * 2 + 4);
                    longLength = Arrays.copyOf(longLength, longCount * 2 + 4);
                }
                longAt[longCount] = size;
                longLength[longCount++] = len;
                lengths[size] = Character.MAX_VALUE;
            } else {
                lengths[size] = (char) len;
            }
            if (d != null) {
                if (directiveCount == directiveAt.length) {
                    directiveAt = Arrays.copyOf(directiveAt, directiveCount * 2);
                    directives = Arrays.copyOf(directives, directiveCount * 2);
                }
                directiveAt[directiveCount] = size;
                directives[directiveCount++] = d;
            }
            size++;
        }

        TokenList build(IntList lineStarts) {
            return new TokenList(this, lineStarts.toArray(), lineStarts.size());
        }
    }

    @Override
    public int size() {
        return size;
    }

    private int end(int k) {
        char len = lengths[k];
        if (len != Character.MAX_VALUE) {
            return starts[k] + len;
        }
        int at = Arrays.binarySearch(longAt, 0, longCount, k);
        return starts[k] + longLength[at];
    }

    /** The kind of token {@code k}, without making a token object. */
    public Token.Kind kind(int k) {
        return KINDS[kinds[k]];
    }

    /** The text of punctuator {@code k} (shared, no copy), or null when it is no punctuator. */
    public String punct(int k) {
        return kinds[k] == PUNCT ? Punctuators.of(src, starts[k], lengths[k]) : null;
    }

    /** True when token {@code k} exists and is the punctuator {@code p}. */
    public boolean isPunct(int k, String p) {
        return is(k, PUNCT, p);
    }

    /** True when token {@code k} exists and is the identifier {@code name}. */
    public boolean isIdent(int k, String name) {
        return is(k, IDENT, name);
    }

    private boolean is(int k, byte kind, String text) {
        if (k < 0 || k >= size || kinds[k] != kind || lengths[k] != text.length()) {
            return false;
        }
        int s = starts[k];
        for (int i = 0; i < text.length(); i++) {
            if ((src[s + i] & 0xFF) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The file's text, one byte a character (Latin-1). */
    public byte[] source() {
        return src;
    }

    /** The line of token {@code k}. */
    public int line(int k) {
        if (kinds[k] == DIRECTIVE) {
            return directive(k).line();
        }
        return lineOf(starts[k]);
    }

    /** The indices of the directive tokens, in order. */
    public int[] directiveIndices() {
        return Arrays.copyOf(directiveAt, directiveCount);
    }

    private Directive directive(int k) {
        int at = Arrays.binarySearch(directiveAt, 0, directiveCount, k);
        return at >= 0 ? directives[at] : new Directive("", java.util.List.of(), lineOf(starts[k]));
    }

    @Override
    public Token get(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException(k);
        }
        int slot = k & mask;
        if (cached[slot] == k) {
            return cache[slot];
        }
        Token t = make(k);
        cache[slot] = t;
        cached[slot] = k;
        return t;
    }

    private Token make(int k) {
        Token.Kind kind = KINDS[kinds[k]];
        int start = starts[k];
        int end = end(k);
        int line = lineOf(start);
        int col = start - lineStart(line) + 1;
        int endLine = line;
        if (line < lineCount && end >= lineStart(line + 1)) {
            endLine = lineOf(end);
        }
        int endCol = Math.max(1, end - lineStart(endLine) + 1);
        Directive d = null;
        String text;
        if (kind == Token.Kind.DIRECTIVE) {
            d = directive(k);
            text = d.name();
        } else if (kind == Token.Kind.PUNCT) {
            text = Punctuators.of(src, start, end - start);
        } else {
            text = new String(src, start, end - start, StandardCharsets.ISO_8859_1);
        }
        return new Token(kind, text, line, col, endLine, endCol, start, end, d);
    }

    private int lineStart(int line) {
        return lineStarts[Math.min(Math.max(line, 1), lineCount) - 1];
    }

    private int lastLine = 1;

    /** The line holding character offset {@code o} (a hint makes the scanner's forward walk cheap). */
    private int lineOf(int o) {
        int h = lastLine;
        if (lineStarts[h - 1] <= o && (h == lineCount || lineStarts[h] > o)) {
            return h;
        }
        if (h < lineCount && lineStarts[h] <= o && (h + 1 == lineCount || lineStarts[h + 1] > o)) {
            lastLine = h + 1;
            return h + 1;
        }
        int lo = 0;
        int hi = lineCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= o) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lastLine = lo + 1;
        return lo + 1;
    }
}
