package dev.pooltags.pool;

import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-tag accounting the way the kernel's tag tracking table keeps it and {@code SystemPoolTagInformation} /
 * PoolMon report it: for each tag, paged and nonpaged apart, the number of allocations and frees since boot (32-bit
 * counters that wrap) and the bytes outstanding now (block sizes, see {@link PoolGeometry}).
 *
 * <p>Source: <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/poolmon-display">PoolMon
 * display</a> (Tag, Type "paged or nonpaged", Allocs, Frees, Diff, Bytes) and the real snapshots in
 * {@code ../shared/data}, whose Allocs and Frees are ULONG counters that wrap.
 */
public final class TagTracker {
    private long[] keys = new long[256];
    private int[] allocs = new int[256];
    private int[] frees = new int[256];
    private long[] bytes = new long[256];
    private int size;

    private static long key(PoolTag tag, PoolType type) {
        // +1 so no key is 0 (the empty slot)
        return ((tag.value() & 0xFFFFFFFFL) << 2 | (type == PoolType.PAGED ? 1 : 2));
    }

    private int slot(long k, boolean create) {
        int mask = keys.length - 1;
        long h = k * 0x9E3779B97F4A7C15L;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (true) {
            if (keys[i] == k) {
                return i;
            }
            if (keys[i] == 0) {
                if (!create) {
                    return -1;
                }
                keys[i] = k;
                if (++size * 2 > keys.length) {
                    grow();
                    return slot(k, false);
                }
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] ok = keys;
        int[] oa = allocs;
        int[] of = frees;
        long[] ob = bytes;
        int n = ok.length * 2;
        keys = new long[n];
        allocs = new int[n];
        frees = new int[n];
        bytes = new long[n];
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != 0) {
                int s = slot(ok[i], true);
                allocs[s] = oa[i];
                frees[s] = of[i];
                bytes[s] = ob[i];
            }
        }
    }

    /** Counts an allocation of {@code charged} bytes. */
    public void allocated(PoolTag tag, PoolType type, long charged) {
        int s = slot(key(tag, type), true);
        allocs[s]++;
        bytes[s] += charged;
    }

    /** Counts a free of a block of {@code charged} bytes. */
    public void freed(PoolTag tag, PoolType type, long charged) {
        int s = slot(key(tag, type), true);
        frees[s]++;
        bytes[s] -= charged;
    }

    /** Starts a row at given counters, as a machine that has been up for a while would have them. */
    public void seed(PoolTag tag, PoolType type, long allocsSinceBoot, long freesSinceBoot, long bytesNow) {
        int s = slot(key(tag, type), true);
        allocs[s] = (int) allocsSinceBoot;
        frees[s] = (int) freesSinceBoot;
        bytes[s] = bytesNow;
    }

    /** The row for a tag and pool, or null when it has never been used. */
    public TagCounters row(PoolTag tag, PoolType type) {
        int s = slot(key(tag, type), false);
        return s < 0 ? null : row(s);
    }

    private TagCounters row(int s) {
        PoolTag tag = PoolTag.ofValue((int) (keys[s] >>> 2));
        PoolType type = (keys[s] & 3) == 1 ? PoolType.PAGED : PoolType.NONPAGED;
        return TagCounters.of(tag, type, Integer.toUnsignedLong(allocs[s]), Integer.toUnsignedLong(frees[s]), bytes[s]);
    }

    /** Every row, in PoolMon's order. */
    public List<TagCounters> rows() {
        List<TagCounters> out = new ArrayList<>(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                out.add(row(i));
            }
        }
        out.sort((a, b) -> a.key().compareTo(b.key()));
        return out;
    }

    /** Bytes outstanding in one pool over all tags. */
    public long totalBytes(PoolType type) {
        long t = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0 && ((keys[i] & 3) == 1) == (type == PoolType.PAGED)) {
                t += bytes[i];
            }
        }
        return t;
    }
}
