package dev.pooltags.scan;

import java.util.Arrays;

/**
 * What is known at one point of a function: a {@link Value} per register and the values stored in the stack
 * frame (by offset from the entry stack pointer, per epoch, with their width). Loads from the entry epoch's
 * argument area that nothing stored to are the function's own parameters.
 *
 * <p>Frame slots are kept sorted by (epoch, offset), so a lookup is a binary search and the meet of two states
 * one merge: functions spill many locals, and this is the inner loop of the analysis.
 */
final class State {
    /** More stack slots than compiled code keeps live at once; beyond this slots are dropped. */
    private static final int MAX_SLOTS = 96;
    /** The widest value a slot holds (a 64-bit store): overlaps are found among neighbours this close. */
    private static final int MAX_WIDTH = 8;
    private static final long[] NO_LONGS = new long[0];
    private static final byte[] NO_BYTES = new byte[0];

    final long[] regs;
    /** Bytes pushed or stored above the stack pointer since the last call, or -1 when paths disagree (x86). */
    int pushed;
    private long[] keys = NO_LONGS;
    private byte[] sizes = NO_BYTES;
    private long[] values = NO_LONGS;
    private int slots;
    /** Set when slots had to be dropped: from then on, a slot with no entry is unknown, not a parameter. */
    private boolean frameLost;

    State(int registers) {
        regs = new long[registers];
    }

    private static long key(int epoch, long offset) {
        return (long) epoch << 33 | (offset + (1L << 32));
    }

    private static long offsetOf(long key) {
        return (key & ((1L << 33) - 1)) - (1L << 32);
    }

    State copy() {
        State s = new State(regs.length);
        System.arraycopy(regs, 0, s.regs, 0, regs.length);
        s.pushed = pushed;
        if (slots > 0) {
            s.keys = Arrays.copyOf(keys, slots);
            s.sizes = Arrays.copyOf(sizes, slots);
            s.values = Arrays.copyOf(values, slots);
        }
        s.slots = slots;
        s.frameLost = frameLost;
        return s;
    }

    void setAll(long v) {
        Arrays.fill(regs, v);
        slots = 0;
        pushed = 0;
        frameLost = false;
    }

    /** Index of the first slot whose key is at least {@code k}. */
    private int lowerBound(long k) {
        int lo = 0;
        int hi = slots;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < k) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The value stored at this frame slot, or {@code absent} when nothing (whole) is known there. */
    long load(int epoch, int offset, int size, long absent) {
        long want = key(epoch, offset);
        for (int i = lowerBound(key(epoch, (long) offset - MAX_WIDTH + 1)); i < slots && keys[i] < key(epoch, (long) offset + size); i++) {
            long end = keys[i] + sizes[i];
            if (end <= want) {
                continue; // ends before the load starts
            }
            if (keys[i] == want && sizes[i] >= size) {
                long v = values[i];
                if (size >= 4 || v == absent) {
                    return v;
                }
                if (Value.isConst(v)) {
                    int mask = size == 1 ? 0xFF : 0xFFFF;
                    return Value.constant(Value.constValue(v) & mask, Value.constOrigin(v));
                }
                return Value.unknown(Value.Why.COMPUTED);
            }
            return Value.unknown(Value.Why.MEMORY); // partly overwritten
        }
        return frameLost ? Value.unknown(Value.Why.MEMORY) : absent;
    }

    /** Records a store, forgetting whatever it overwrites. */
    void store(int epoch, int offset, int size, long value) {
        if (size > MAX_WIDTH) {
            forget(epoch, offset, size);
            return;
        }
        forget(epoch, offset, size);
        if (slots == MAX_SLOTS) {
            removeRange(0, 1);
            frameLost = true;
        }
        insert(lowerBound(key(epoch, offset)), key(epoch, offset), size, value);
    }

    private void insert(int at, long k, int size, long value) {
        if (slots == keys.length) {
            int n = Math.max(8, slots * 2);
            keys = Arrays.copyOf(keys, n);
            sizes = Arrays.copyOf(sizes, n);
            values = Arrays.copyOf(values, n);
        }
        System.arraycopy(keys, at, keys, at + 1, slots - at);
        System.arraycopy(sizes, at, sizes, at + 1, slots - at);
        System.arraycopy(values, at, values, at + 1, slots - at);
        keys[at] = k;
        sizes[at] = (byte) size;
        values[at] = value;
        slots++;
    }

    private void removeRange(int from, int to) {
        if (from >= to) {
            return;
        }
        System.arraycopy(keys, to, keys, from, slots - to);
        System.arraycopy(sizes, to, sizes, from, slots - to);
        System.arraycopy(values, to, values, from, slots - to);
        slots -= to - from;
    }

    /** Forgets every slot overlapping [offset, offset + size) of the epoch. */
    void forget(int epoch, int offset, int size) {
        long start = key(epoch, offset);
        int from = lowerBound(key(epoch, (long) offset - MAX_WIDTH + 1));
        while (from < slots && keys[from] + sizes[from] <= start) {
            from++;
        }
        int to = lowerBound(key(epoch, (long) offset + size));
        removeRange(from, Math.max(from, to));
    }

    /** Forgets every slot below {@code offset} in the epoch: memory under the stack pointer is dead. */
    void forgetBelow(int epoch, int offset) {
        removeRange(lowerBound(key(epoch, Integer.MIN_VALUE)), lowerBound(key(epoch, offset)));
    }

    /** Forgets the whole frame: its address escaped to code the scan does not follow. */
    void forgetStack() {
        slots = 0;
    }

    /**
     * Meets another path's state into this one: registers value by value; a frame slot keeps its value only when
     * both paths stored the same thing there, and becomes unknown (not absent, which could read as a parameter)
     * when only one path stored it. Returns true when this state changed.
     */
    boolean meet(State o) {
        boolean changed = false;
        for (int i = 0; i < regs.length; i++) {
            long m = Value.meet(regs[i], o.regs[i]);
            if (m != regs[i]) {
                regs[i] = m;
                changed = true;
            }
        }
        if (pushed != o.pushed && pushed != -1) {
            pushed = -1;
            changed = true;
        }
        if (o.frameLost && !frameLost) {
            frameLost = true;
            changed = true;
        }
        if (slots == 0 && o.slots == 0) {
            return changed;
        }
        if (slots == o.slots && Arrays.equals(keys, 0, slots, o.keys, 0, slots)
                && Arrays.equals(sizes, 0, slots, o.sizes, 0, slots)) {
            // the same slots on both paths (the usual case): meet the values in place
            for (int i = 0; i < slots; i++) {
                long m = Value.meet(values[i], o.values[i]);
                if (m != values[i]) {
                    values[i] = m;
                    changed = true;
                }
            }
            return changed;
        }
        changed |= mergeSlots(o);
        return changed;
    }

    /**
     * Merges the two sorted slot lists; a slot only one path stored to is dropped when it lies below the entry stack
     * pointer (absent reads as unknown there), and kept as unknown above it (absent could read as a parameter), so
     * the lists do not grow with every join. Returns true when this state's slots changed.
     */
    private boolean mergeSlots(State o) {
        boolean changed = false;
        long paths = Value.unknown(Value.Why.PATHS);
        int n = slots + o.slots;
        long[] k = new long[n];
        byte[] z = new byte[n];
        long[] v = new long[n];
        int i = 0;
        int j = 0;
        int w = 0;
        while (i < slots || j < o.slots) {
            if (j >= o.slots || i < slots && (keys[i] < o.keys[j] || keys[i] == o.keys[j] && sizes[i] < o.sizes[j])) {
                if (offsetOf(keys[i]) < 0) {
                    changed = true;
                    i++;
                    continue;
                }
                k[w] = keys[i];
                z[w] = sizes[i];
                v[w] = paths;
                changed |= values[i] != paths;
                i++;
            } else if (i >= slots || keys[i] > o.keys[j] || sizes[i] > o.sizes[j]) {
                if (offsetOf(o.keys[j]) < 0) {
                    j++;
                    continue;
                }
                k[w] = o.keys[j];
                z[w] = o.sizes[j];
                v[w] = paths;
                changed = true;
                j++;
            } else {
                k[w] = keys[i];
                z[w] = sizes[i];
                v[w] = Value.meet(values[i], o.values[j]);
                changed |= v[w] != values[i];
                i++;
                j++;
            }
            w++;
        }
        keys = k;
        sizes = z;
        values = v;
        slots = w;
        return changed;
    }
}
