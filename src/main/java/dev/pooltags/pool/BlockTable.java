package dev.pooltags.pool;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.SpecialAlignment;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The outstanding blocks by address, packed eight longs to a slot in one array (open addressing): a free or an
 * allocation touches one slot, so replaying a trace with 100,000 blocks outstanding costs about one cache miss an
 * event rather than one for the map entry, one for the block object and more for its fields. Driver and caller names
 * are kept once each and referred to by number. {@link Block} objects are made when asked for.
 */
final class BlockTable {
    private static final int STRIDE = 8;
    /** Slots start 48 bytes into the array, so with the 16-byte array header each slot is one 64-byte cache line. */
    private static final int BASE = 6;
    private static final AllocRoutine[] ROUTINES = AllocRoutine.values();
    private static final WindowsPoolType[] TYPES = WindowsPoolType.values();
    private static final SpecialAlignment[] ALIGNS = SpecialAlignment.values();
    private static final PoolType[] TRACKED = PoolType.values();

    private long[] d;
    private int mask;
    private int size;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final TagCache tags = new TagCache(512);
    private String lastName0;
    private int lastId0;
    private String lastName1;
    private int lastId1;

    BlockTable(int expected) {
        int slots = Integer.highestOneBit(Math.max(64, expected * 2) - 1) << 1;
        d = new long[BASE + slots * STRIDE];
        mask = slots - 1;
        names.add("");
        ids.put("", 0);
    }

    private int id(String s, boolean caller) {
        if (caller ? s == lastName1 : s == lastName0) {
            return caller ? lastId1 : lastId0;
        }
        Integer id = ids.get(s);
        if (id == null) {
            id = names.size();
            names.add(s);
            ids.put(s, id);
        }
        if (caller) {
            lastName1 = s;
            lastId1 = id;
        } else {
            lastName0 = s;
            lastId0 = id;
        }
        return id;
    }

    int size() {
        return size;
    }

    /** Adds the block; false (and nothing changed) when its address is already there. */
    boolean insert(Block b) {
        int i = LinearProbing.home(b.address(), mask);
        while (true) {
            int at = BASE + i * STRIDE;
            long k = d[at];
            if (k == b.address()) {
                return false;
            }
            if (k == 0) {
                d[at] = b.address();
                d[at + 1] = b.size();
                d[at + 2] = b.charged();
                d[at + 3] = b.time();
                d[at + 4] = b.line();
                d[at + 5] = (b.tag().value() & 0xFFFFFFFFL)
                        | (long) (b.tracked() == null ? 0 : b.tracked().ordinal() + 1) << 32
                        | (long) (b.special() == null ? 0 : b.special().ordinal() + 1) << 34
                        | (b.big() ? 1L : 0L) << 36
                        | (long) b.routine().ordinal() << 37
                        | (long) (b.poolType() == null ? 0 : b.poolType().ordinal() + 1) << 41;
                d[at + 6] = (long) id(b.driver(), false) << 32 | id(b.caller(), true);
                if (++size * 2 > mask + 1) {
                    grow();
                }
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    private int find(long address) {
        if (address == 0) {
            return -1; // 0 marks an empty slot; NULL is never a block
        }
        int i = LinearProbing.home(address, mask);
        while (true) {
            long k = d[BASE + i * STRIDE];
            if (k == address) {
                return i;
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    boolean contains(long address) {
        return find(address) >= 0;
    }

    /** The block at an address, or null. */
    Block get(long address) {
        int i = find(address);
        return i < 0 ? null : block(BASE + i * STRIDE);
    }

    /** Removes the block at an address and returns it, or null. */
    Block remove(long address) {
        int i = find(address);
        if (i < 0) {
            return null;
        }
        Block b = block(BASE + i * STRIDE);
        int gap = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            int at = BASE + j * STRIDE;
            long k = d[at];
            if (k == 0) {
                break;
            }
            int home = LinearProbing.home(k, mask);
            if (LinearProbing.movesBack(gap, j, home)) {
                System.arraycopy(d, at, d, BASE + gap * STRIDE, STRIDE);
                gap = j;
            }
        }
        java.util.Arrays.fill(d, BASE + gap * STRIDE, BASE + gap * STRIDE + STRIDE, 0L);
        size--;
        return b;
    }

    private Block block(int at) {
        long bits = d[at + 5];
        int tagValue = (int) bits;
        PoolTag tag = tags.ofValue(tagValue);
        int tracked = (int) (bits >>> 32) & 3;
        int special = (int) (bits >>> 34) & 3;
        int type = (int) (bits >>> 41) & 31;
        long names2 = d[at + 6];
        return new Block(d[at], tag, d[at + 1], d[at + 2], type == 0 ? null : TYPES[type - 1],
                tracked == 0 ? null : TRACKED[tracked - 1], ROUTINES[(int) (bits >>> 37) & 15], names.get((int) (names2 >>> 32)),
                names.get((int) names2), d[at + 3], d[at + 4], special == 0 ? null : ALIGNS[special - 1], ((bits >>> 36) & 1) != 0);
    }

    void forEach(Consumer<Block> action) {
        for (int i = 0; i <= mask; i++) {
            int at = BASE + i * STRIDE;
            if (d[at] != 0) {
                action.accept(block(at));
            }
        }
    }

    private void grow() {
        long[] old = d;
        int oldSlots = mask + 1;
        d = new long[BASE + oldSlots * 2 * STRIDE];
        mask = oldSlots * 2 - 1;
        for (int s = 0; s < oldSlots; s++) {
            int from = BASE + s * STRIDE;
            long k = old[from];
            if (k != 0) {
                int i = LinearProbing.home(k, mask);
                while (d[BASE + i * STRIDE] != 0) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, from, d, BASE + i * STRIDE, STRIDE);
            }
        }
    }
}
