package dev.pooltags.tag;

import java.util.Optional;

/**
 * A Windows pool tag: the 32-bit value a driver passes to the pool routines.
 *
 * <p>The kernel stores the tag little-endian, so the text PoolMon and WinDbg print is the four bytes in
 * memory order: the C character literal {@code 'fByM'} is the value {@code 0x6642794D} and reads
 * {@code MyBf}. This class keeps the full value; {@link #memoryText()} is that printed form.
 *
 * <h2>Text form</h2>
 * Each of the four bytes is one character when it is printable ASCII (0x20-0x7E) other than the backslash,
 * {@code \\} for the backslash, and {@code \xHH} (two upper-case hex digits) for any other byte. Tags shorter
 * than four characters are padded with spaces, as the kernel's own tags are ({@code 'Io  '}).
 * The {@code PROTECTED_POOL} bit (0x80000000, the high bit of the fourth byte in memory) is not part of the
 * characters: it is shown as the suffix {@value #PROTECTED_SUFFIX}, the way WinDbg's {@code !pool} prints it.
 * {@link #parse(String)} reads every form {@link #toString()} writes, so text and value round-trip.
 *
 * <p>Equality is on the 32-bit value (protected bit included); ordering is case-sensitive, by the memory-order
 * bytes, which is the order PoolMon's tag sort shows.
 */
public final class PoolTag implements Comparable<PoolTag> {

    /** The PROTECTED_POOL flag drivers OR into the tag (wdm.h). */
    public static final int PROTECTED_BIT = 0x80000000;

    /** Suffix that marks a protected tag in text. */
    public static final String PROTECTED_SUFFIX = " (Protected)";

    private final int value;

    private PoolTag(int value) {
        this.value = value;
    }

    /** The tag with this 32-bit value, exactly as passed to the pool routines. */
    public static PoolTag ofValue(int value) {
        return new PoolTag(value);
    }

    /** The tag whose bytes in memory are {@code b0 b1 b2 b3}. */
    public static PoolTag ofBytes(byte b0, byte b1, byte b2, byte b3) {
        return new PoolTag((b0 & 0xFF) | (b1 & 0xFF) << 8 | (b2 & 0xFF) << 16 | (b3 & 0xFF) << 24);
    }

    /**
     * The tag a C character literal denotes: {@code 'fByM'} (without the quotes) is {@code MyBf}. As in MSVC, the
     * last character is the low byte; literals shorter than four characters leave the high bytes zero.
     *
     * @throws TagFormatException when the literal is empty or longer than four characters
     */
    public static PoolTag ofCharLiteral(String literal) {
        int[] units = decodeUnits(literal, true);
        if (units.length == 0 || units.length > 4) {
            throw new TagFormatException("a character literal holds 1 to 4 characters, '" + literal + "' has "
                    + units.length);
        }
        int v = 0;
        for (int u : units) {
            v = v << 8 | u;
        }
        return new PoolTag(v);
    }

    /**
     * The tag whose memory-order text is {@code text} (as PoolMon prints it), padded with spaces to four
     * characters, with an optional {@value #PROTECTED_SUFFIX} suffix.
     *
     * @throws TagFormatException when the text is empty or has more than four characters
     */
    public static PoolTag ofMemoryText(String text) {
        boolean prot = false;
        if (text.endsWith(PROTECTED_SUFFIX)) {
            prot = true;
            text = text.substring(0, text.length() - PROTECTED_SUFFIX.length());
        }
        int[] units = decodeUnits(text, false);
        if (units.length == 0) {
            throw new TagFormatException("an empty tag: a tag has 1 to 4 characters");
        }
        if (units.length > 4) {
            throw new TagFormatException("'" + text + "' has " + units.length
                    + " characters; a pool tag has at most 4 (did you mean '" + new String(units, 0, 4) + "'?)");
        }
        int v = 0;
        for (int i = 3; i >= 0; i--) {
            int b = i < units.length ? units[i] : ' ';
            v = v << 8 | b;
        }
        if (prot) {
            v |= PROTECTED_BIT;
        }
        return new PoolTag(v);
    }

    /**
     * Parses what a user types for a tag:
     * <ul>
     *   <li>{@code 0x6642794D}: hex value, {@code 0x} followed by 3 to 8 hex digits (shorter text is a tag's
     *       characters, since {@code 0x1} could be one);</li>
     *   <li>{@code 'fByM'} with the single quotes: C character-literal order, as in the driver's source;</li>
     *   <li>anything else: memory-order text as PoolMon prints it, up to 4 characters, with {@code \xHH}
     *       escapes and an optional {@value #PROTECTED_SUFFIX} suffix.</li>
     * </ul>
     *
     * @throws TagFormatException with a message naming what is wrong
     */
    public static PoolTag parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new TagFormatException("an empty tag: a tag has 1 to 4 characters");
        }
        Optional<Integer> hex = parseHex(text);
        if (hex.isPresent()) {
            return new PoolTag(hex.get());
        }
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return ofCharLiteral(text.substring(1, text.length() - 1));
        }
        return ofMemoryText(text);
    }

    /** True when {@code text} would be read as a hex value by {@link #parse(String)}. */
    public static boolean looksLikeHex(String text) {
        return parseHex(text).isPresent();
    }

    private static Optional<Integer> parseHex(String text) {
        if (text.length() < 5 || text.length() > 10 || !(text.startsWith("0x") || text.startsWith("0X"))) {
            return Optional.empty();
        }
        for (int i = 2; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of((int) Long.parseLong(text.substring(2), 16));
    }

    /** Splits text into byte values, reading {@code \xHH} and {@code \\} (and C escapes in literals). */
    private static int[] decodeUnits(String s, boolean cLiteral) {
        int[] out = new int[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    throw new TagFormatException("'" + s + "' ends with a lone backslash; write \\\\ for a backslash");
                }
                char e = s.charAt(i + 1);
                if (e == 'x' || e == 'X') {
                    int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                    int lo = i + 3 < s.length() ? Character.digit(s.charAt(i + 3), 16) : -1;
                    if (hi < 0 || lo < 0) {
                        throw new TagFormatException("'" + s + "': \\x needs two hex digits");
                    }
                    out[n++] = hi << 4 | lo;
                    i += 3;
                } else if (e == '\\') {
                    out[n++] = '\\';
                    i++;
                } else if (cLiteral && e == '\'') {
                    out[n++] = '\'';
                    i++;
                } else if (cLiteral && e == '0') {
                    out[n++] = 0;
                    i++;
                } else {
                    throw new TagFormatException("'" + s + "': unknown escape \\" + e
                            + " (use \\xHH for a byte, \\\\ for a backslash)");
                }
            } else if (c > 0xFF) {
                throw new TagFormatException("'" + s + "' has the character '" + c + "' (U+"
                        + String.format("%04X", (int) c) + "), which is not one byte; write bytes as \\xHH");
            } else {
                out[n++] = c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The 32-bit value, protected bit included. */
    public int value() {
        return value;
    }

    /** True when the PROTECTED_POOL bit is set. */
    public boolean isProtected() {
        return (value & PROTECTED_BIT) != 0;
    }

    /** The same tag without the PROTECTED_POOL bit: what a lookup in Pooltag.txt should use. */
    public PoolTag unprotected() {
        return isProtected() ? new PoolTag(value & ~PROTECTED_BIT) : this;
    }

    /** Byte {@code i} (0-3) in memory order. */
    public int byteAt(int i) {
        return value >>> (8 * i) & 0xFF;
    }

    /** The four characters in memory order with the protected bit removed, escaped as described above. */
    public String memoryText() {
        int v = value & ~PROTECTED_BIT;
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 4; i++) {
            appendEscaped(sb, v >>> (8 * i) & 0xFF);
        }
        return sb.toString();
    }

    /** The four characters with no escaping: non-printable bytes as their Latin-1 characters. For matching. */
    public String rawText() {
        int v = value & ~PROTECTED_BIT;
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (v >>> (8 * i) & 0xFF);
        }
        return new String(c);
    }

    /** The C character literal (without quotes) a driver writes for this tag: {@code fByM} for {@code MyBf}. */
    public String charLiteralText() {
        StringBuilder sb = new StringBuilder(8);
        for (int i = 3; i >= 0; i--) {
            int b = byteAt(i);
            if (b == '\'') {
                sb.append("\\'");
            } else {
                appendEscaped(sb, b);
            }
        }
        return sb.toString();
    }

    /** {@code 0x6642794D}. */
    public String hexText() {
        return String.format("0x%08X", value);
    }

    /** True when all four bytes (protected bit aside) are printable ASCII. */
    public boolean isPrintable() {
        int v = value & ~PROTECTED_BIT;
        for (int i = 0; i < 4; i++) {
            int b = v >>> (8 * i) & 0xFF;
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** True when at least one byte is an ASCII letter or digit (the kernel refuses tags with none). */
    public boolean hasLetterOrDigit() {
        int v = value & ~PROTECTED_BIT;
        for (int i = 0; i < 4; i++) {
            int b = v >>> (8 * i) & 0xFF;
            if (b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z') {
                return true;
            }
        }
        return false;
    }

    private static void appendEscaped(StringBuilder sb, int b) {
        if (b == '\\') {
            sb.append("\\\\");
        } else if (b >= 0x20 && b <= 0x7E) {
            sb.append((char) b);
        } else {
            sb.append("\\x").append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
    }

    /** Memory-order text with the protected suffix when the bit is set; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return isProtected() ? memoryText() + PROTECTED_SUFFIX : memoryText();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolTag t && t.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /** Case-sensitive order of the memory-order bytes, as PoolMon sorts tags; protected after unprotected. */
    @Override
    public int compareTo(PoolTag o) {
        int a = Integer.reverseBytes(value & ~PROTECTED_BIT);
        int b = Integer.reverseBytes(o.value & ~PROTECTED_BIT);
        int c = Integer.compareUnsigned(a, b);
        return c != 0 ? c : Boolean.compare(isProtected(), o.isProtected());
    }
}
