package dev.pooltags.pool;

/**
 * What the model's two open-addressing tables ({@link LongMap} and {@link BlockTable}) share: where a key's probe
 * starts, and when a key must move back into the slot a removal left empty (backward-shift deletion, which keeps
 * every key reachable from its home slot without tombstones).
 */
final class LinearProbing {
    private LinearProbing() {}

    /** The key's home slot in a table of {@code mask + 1} slots: Fibonacci hashing spreads neighbouring addresses. */
    static int home(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /**
     * True when the key found at slot {@code j}, whose home slot is {@code home}, must move back into the empty slot
     * {@code gap}: its home is not in the cyclic range (gap, j], so leaving it would cut it off from its home.
     */
    static boolean movesBack(int gap, int j, int home) {
        boolean between = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
        return !between;
    }
}
