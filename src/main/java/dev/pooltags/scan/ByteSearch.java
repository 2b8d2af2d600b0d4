package dev.pooltags.scan;

import dev.pooltags.tag.PoolTag;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code findstr} method: which of a set of tags occur as four bytes (memory order, as the tag sits in a
 * pool header and usually in code) anywhere in a file. One pass over the bytes, whatever the number of tags:
 * each 4-byte window is looked up in an open-addressing set.
 */
public final class ByteSearch {
    private final int[] keys;
    private final boolean[] used;
    private final int mask;
    private final PoolTag[] tags;
    private final int[] slotOfTag;

    /** A search for these tags (their values as the 32-bit little-endian word the bytes form). */
    public ByteSearch(List<PoolTag> wanted) {
        PoolTag[] distinct = wanted.stream().distinct().toArray(PoolTag[]::new);
        int cap = Integer.highestOneBit(Math.max(8, distinct.length * 4)) << 1;
        this.keys = new int[cap];
        this.used = new boolean[cap];
        this.mask = cap - 1;
        this.tags = distinct;
        this.slotOfTag = new int[cap];
        Arrays.fill(slotOfTag, -1);
        for (int t = 0; t < distinct.length; t++) {
            int k = distinct[t].value();
            int i = slot(k);
            used[i] = true;
            keys[i] = k;
            slotOfTag[i] = t;
        }
    }

    private int slot(int key) {
        int h = key * 0x9E3779B1;
        int i = (h ^ h >>> 16) & mask;
        while (used[i] && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The tags whose bytes occur in {@code bytes}, in the order they were given, with counts and first offsets. */
    public List<ByteMatch> find(ByteBuffer bytes) {
        ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int n = b.limit();
        int[] count = new int[tags.length];
        long[] first = new long[tags.length];
        for (int p = 0; p + 4 <= n; p++) {
            int k = b.getInt(p);
            int h = k * 0x9E3779B1;
            int i = (h ^ h >>> 16) & mask;
            while (used[i]) {
                if (keys[i] == k) {
                    int t = slotOfTag[i];
                    if (count[t]++ == 0) {
                        first[t] = p;
                    }
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        List<ByteMatch> out = new ArrayList<>();
        for (int t = 0; t < tags.length; t++) {
            if (count[t] > 0) {
                out.add(new ByteMatch(tags[t], count[t], first[t]));
            }
        }
        return out;
    }
}
