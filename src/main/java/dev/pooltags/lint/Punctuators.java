package dev.pooltags.lint;

import java.util.Arrays;

/** The C and C++ punctuators as shared strings, found from their bytes without making a string. */
final class Punctuators {
    private static final String[] SINGLE = new String[256];
    private static final String[] MULTI = {"<<=", ">>=", "...", "->*", "<=>", "->", "::", "==", "!=", "<=", ">=", "&&",
        "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "##", ".*"};
    private static final int[] KEYS = new int[MULTI.length];
    private static final String[] BY_KEY = new String[MULTI.length];

    static {
        for (int c = 0; c < 256; c++) {
            SINGLE[c] = String.valueOf((char) c).intern();
        }
        long[] packed = new long[MULTI.length];
        for (int i = 0; i < MULTI.length; i++) {
            packed[i] = (long) key(MULTI[i]) << 32 | i;
        }
        Arrays.sort(packed);
        for (int i = 0; i < packed.length; i++) {
            KEYS[i] = (int) (packed[i] >> 32);
            BY_KEY[i] = MULTI[(int) packed[i]];
        }
    }

    private Punctuators() {}

    private static int key(String p) {
        int k = 0;
        for (int i = 0; i < p.length(); i++) {
            k = k << 8 | p.charAt(i);
        }
        return k | p.length() << 24;
    }

    /** The punctuator written at {@code src[start, start + len)}, shared; a new string if it is none of them. */
    static String of(byte[] src, int start, int len) {
        if (len == 1) {
            return SINGLE[src[start] & 0xFF];
        }
        if (len <= 3) {
            int k = 0;
            for (int i = 0; i < len; i++) {
                k = k << 8 | src[start + i] & 0xFF;
            }
            k |= len << 24;
            int at = Arrays.binarySearch(KEYS, k);
            if (at >= 0) {
                return BY_KEY[at];
            }
        }
        return new String(src, start, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
