package dev.pooltags.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finding a byte eight bytes at a time ("SWAR": a word's bytes compared at once with arithmetic), which is where the
 * CSV reader spends its time: the newline of each line and the commas between fields.
 */
final class ByteSearch {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteSearch() {}

    /** A word with {@code b} in every byte. */
    static long pattern(byte b) {
        return (b & 0xFFL) * ONES;
    }

    /** The index of the first byte equal to the pattern's in {@code a[from, to)}, or -1. */
    static int indexOf(byte[] a, int from, int to, long pattern) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        byte b = (byte) pattern;
        for (; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
