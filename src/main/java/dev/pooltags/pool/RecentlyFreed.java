package dev.pooltags.pool;

/**
 * The last {@code capacity} freed addresses, so that a second free of one (or an access to a freed special-pool
 * block) is recognised while memory stays bounded however long the trace. An address leaves the set when it is
 * allocated again or when {@code capacity} newer frees have pushed it out.
 */
final class RecentlyFreed {
    private final long[] ring;
    private final boolean[] special;
    private final LongMap<int[]> where;
    private int next;

    RecentlyFreed(int capacity) {
        ring = new long[Math.max(1, capacity)];
        special = new boolean[ring.length];
        where = new LongMap<>(Math.min(capacity, 1 << 16));
    }

    void add(long address, boolean wasSpecial) {
        if (ring.length == 0) {
            return;
        }
        long old = ring[next];
        if (old != 0) {
            int[] pos = where.get(old);
            if (pos != null && pos[0] == next) {
                where.remove(old);
            }
        }
        ring[next] = address;
        special[next] = wasSpecial;
        int[] pos = where.get(address);
        if (pos == null) {
            where.put(address, new int[] {next});
        } else {
            pos[0] = next;
        }
        next = (next + 1) % ring.length;
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
