package dev.pooltags.pool;

import dev.pooltags.event.SpecialAlignment;
import dev.pooltags.event.WindowsPoolType;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Chooses addresses when the model allocates for a simulation, the way a pool allocator does: separate regions for
 * nonpaged, paged, session and special pool; a freed block's address is handed out again (last freed, first reused)
 * to the next allocation of the same size; big allocations are page-aligned; special-pool blocks each get a page
 * followed by an inaccessible one, and their pages are not reused while they are remembered as freed.
 */
final class AddressSpace {
    // Kernel-looking bases, after the regions real 64-bit dumps show (fffffa80..., fffff8a0..., fffff980...).
    private static final long NONPAGED = 0xFFFFA08000000000L;
    private static final long PAGED = 0xFFFFC08000000000L;
    private static final long SESSION = 0xFFFFF90000000000L;
    private static final long SPECIAL = 0xFFFFF98000000000L;
    private static final long BIG_OFFSET = 0x0000001000000000L;

    private final PoolGeometry g;
    private final Map<Long, ArrayDeque<Long>> freeLists = new HashMap<>();
    private final long[] next = {NONPAGED, PAGED, SESSION, NONPAGED + BIG_OFFSET, PAGED + BIG_OFFSET, SESSION + BIG_OFFSET};
    private long nextSpecial = SPECIAL;

    AddressSpace(PoolGeometry g) {
        this.g = g;
    }

    private static int region(WindowsPoolType t, boolean big) {
        int r = t == null ? 0 : t.isSession() ? 2 : t.isPaged() ? 1 : 0;
        return big ? r + 3 : r;
    }

    long allocate(WindowsPoolType type, long size, long charged, boolean big, SpecialAlignment special) {
        if (special != null) {
            long page = nextSpecial;
            nextSpecial += 2L * g.pageSize(); // the block's page and an inaccessible one
            return special == SpecialAlignment.VERIFY_START ? page : page + g.pageSize() - PoolGeometry.roundUp(size, g.granularity());
        }
        int r = region(type, big);
        ArrayDeque<Long> list = freeLists.get(listKey(r, charged));
        if (list != null && !list.isEmpty()) {
            return list.pop();
        }
        long base = next[r];
        next[r] += charged;
        return big ? base : base + g.headerBytes();
    }

    void release(Block b) {
        if (b.isSpecial()) {
            return;
        }
        freeLists.computeIfAbsent(listKey(region(b.poolType(), b.big()), b.charged()), k -> new ArrayDeque<>()).push(b.address());
    }

    private static long listKey(int region, long charged) {
        return charged << 3 | region;
    }
}
