package dev.pooltags.tag;

/**
 * The tags met recently, by value, in a small direct-mapped table: a trace or a table of blocks meets a few hundred
 * tags over millions of events, so most look-ups return a tag already made instead of making one. Not thread-safe:
 * one per reader or table.
 */
public final class TagCache {
    private final PoolTag[] slots;

    /** A cache of {@code slots} slots, a power of two. */
    public TagCache(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, not " + slots);
        }
        this.slots = new PoolTag[slots];
    }

    /** The tag of this 32-bit value, as {@link PoolTag#ofValue} makes it: the one made before while it is still held. */
    public PoolTag ofValue(int value) {
        int slot = (value ^ value >>> 11 ^ value >>> 22) & (slots.length - 1);
        PoolTag t = slots[slot];
        if (t == null || t.value() != value) {
            t = PoolTag.ofValue(value);
            slots[slot] = t;
        }
        return t;
    }
}
