package dev.pooltags.pool;

/**
 * The last {@code capacity} freed addresses, so that a second free of one (or an access to a freed special-pool
 * block) is recognised while memory stays bounded however long the trace. An address leaves the set when it is
 * allocated again or when {@code capacity} newer frees have pushed it out.
 */
final class RecentlyFreed {
    private final long[] ring;
    private final boolean[] special;
    /** Where each remembered address sits in the ring; the values are the fixed holders below, so adding allocates nothing. */
    private final LongMap<int[]> where;
    private final int[][] slot;
    private int next;

    RecentlyFreed(int capacity) {
        ring = new long[Math.max(1, capacity)];
        special = new boolean[ring.length];
        slot = new int[ring.length][];
        for (int i = 0; i < ring.length; i++) {
            slot[i] = new int[] {i};
        }
        where = new LongMap<>(Math.min(capacity, 1 << 16));
    }

    void add(long address, boolean wasSpecial) {
        if (ring.length == 0) {
            return;
        }
        long old = ring[next];
        if (old != 0 && where.get(old) == slot[next]) {
            where.remove(old);
        }
        ring[next] = address;
        special[next] = wasSpecial;
        where.put(address, slot[next]);
        next = next + 1 == ring.length ? 0 : next + 1;
    }

    boolean contains(long address) {
        return where.get(address) != null;
    }

    /** True when the address was freed recently from special pool. */
    boolean containsSpecial(long address) {
        int[] pos = where.get(address);
        return pos != null && special[pos[0]];
    }

    void remove(long address) {
        where.remove(address);
    }
}
