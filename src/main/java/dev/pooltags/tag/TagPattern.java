package dev.pooltags.tag;

import java.util.Objects;

/**
 * A PoolMon tag pattern, as given to {@code poolmon /iTag} and {@code /xTag}: {@code *} stands for zero or more
 * characters, {@code ?} for exactly one, everything else matches itself case-sensitively.
 *
 * <p>The pattern is matched against the tag's four memory-order characters, trailing spaces included. A pattern
 * without {@code *} that is shorter than four characters is padded with spaces as a tag is, so {@code Io}
 * matches the tag {@code 'Io  '} and nothing else; {@code Io*} matches every tag that starts with {@code Io}.
 * Escapes ({@code \xHH}, {@code \\}) are read as in {@link PoolTag}. The protected bit is ignored.
 */
public final class TagPattern {
    /** As written; for {@link #exact(PoolTag)} made on first use, since tag files create thousands of patterns. */
    private String text;
    /** The pattern as raw bytes (0-255) with -1 for '*' and -2 for '?'. */
    private final int[] units;
    private final boolean wildcard;
    /** The tag of a pattern without wildcards. */
    private final PoolTag exactTag;

    private TagPattern(String text, int[] units) {
        this.text = text;
        this.units = units;
        boolean w = false;
        for (int u : units) {
            w |= u < 0;
        }
        this.wildcard = w;
        this.exactTag = w ? null : PoolTag.ofBytes((byte) units[0], (byte) units[1], (byte) units[2], (byte) units[3]).unprotected();
    }

    private TagPattern(PoolTag tag) {
        this.units = null; // matching, equality and hashing use exactTag; tag files create thousands of these
        this.wildcard = false;
        this.exactTag = tag.unprotected();
    }

    /**
     * Reads a pattern.
     *
     * @throws TagFormatException when it is empty, or has more than four characters without a {@code *}
     */
    public static TagPattern parse(String text) {
        Objects.requireNonNull(text);
        if (text.isEmpty()) {
            throw new TagFormatException("an empty tag pattern: use * to match every tag");
        }
        int[] units = new int[text.length()];
        int n = 0;
        boolean star = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*') {
                units[n++] = -1;
                star = true;
            } else if (c == '?') {
                units[n++] = -2;
            } else if (c == '\\') {
                // reuse PoolTag's escape reading on the one escape sequence
                int end = i + 1 < text.length() && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X') ? i + 4 : i + 2;
                if (end > text.length()) {
                    throw new TagFormatException("tag pattern '" + text + "': incomplete escape at the end");
                }
                PoolTag one = PoolTag.ofMemoryText(text.substring(i, end));
                units[n++] = one.byteAt(0);
                i = end - 1;
            } else if (c > 0xFF) {
                throw new TagFormatException("tag pattern '" + text + "' has the character '" + c
                        + "', which is not one byte; write bytes as \\xHH");
            } else {
                units[n++] = c;
            }
        }
        int fixed = 0;
        for (int i = 0; i < n; i++) {
            fixed += units[i] == -1 ? 0 : 1;
        }
        if (fixed > 4) {
            throw new TagFormatException("tag pattern '" + text + "' needs more than 4 characters; a tag has 4");
        }
        if (!star && n < 4) {
            int[] padded = new int[4];
            System.arraycopy(units, 0, padded, 0, n);
            for (int i = n; i < 4; i++) {
                padded[i] = ' ';
            }
            return new TagPattern(text, padded);
        }
        return new TagPattern(text, java.util.Arrays.copyOf(units, n));
    }

    /** The pattern that matches exactly this tag (protected bit ignored). */
    public static TagPattern exact(PoolTag tag) {
        return new TagPattern(tag);
    }

    /** The pattern as the user wrote it. */
    public String text() {
        String t = text;
        if (t == null) {
            t = exactTag.memoryText();
            text = t;
        }
        return t;
    }

    /** True when the pattern contains {@code *} or {@code ?}. */
    public boolean isWildcard() {
        return wildcard;
    }

    /** The single tag this pattern denotes when it has no wildcard. */
    public PoolTag exactTag() {
        if (wildcard) {
            throw new IllegalStateException("pattern '" + text + "' has wildcards");
        }
        return exactTag;
    }

    /** True when the tag's four memory-order characters match (the protected bit is ignored). */
    public boolean matches(PoolTag tag) {
        int v = tag.value() & ~PoolTag.PROTECTED_BIT;
        if (exactTag != null) {
            return v == exactTag.value();
        }
        return match(v, 0, 0);
    }

    /** Iterative glob match with single backtrack point, over 4 bytes: no recursion, no allocation. */
    private boolean match(int v, int p0, int t0) {
        int p = p0;
        int t = t0;
        int starP = -1;
        int starT = 0;
        while (t < 4) {
            if (p < units.length && (units[p] == -2 || units[p] == (v >>> (8 * t) & 0xFF))) {
                p++;
                t++;
            } else if (p < units.length && units[p] == -1) {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < units.length && units[p] == -1) {
            p++;
        }
        return p == units.length;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TagPattern other)) {
            return false;
        }
        if (exactTag != null || other.exactTag != null) {
            return java.util.Objects.equals(exactTag, other.exactTag);
        }
        return java.util.Arrays.equals(units, other.units);
    }

    @Override
    public int hashCode() {
        return exactTag != null ? exactTag.hashCode() : java.util.Arrays.hashCode(units);
    }

    @Override
    public String toString() {
        return text();
    }
}
