package dev.pooltags.scan;

import java.util.Arrays;

/**
 * What is known at one point of a function: a {@link Value} per register and the values stored in the stack
 * frame (by offset from the entry stack pointer, per epoch, with their width). Loads from the entry epoch's
 * argument area that nothing stored to are the function's own parameters.
 */
final class State {
    /** More stack slots than compiled code keeps live at once; beyond this the oldest are forgotten. */
    private static final int MAX_SLOTS = 96;

    final long[] regs;
    /** Bytes pushed since the last call, or -1 when paths disagree (x86 callee-cleanup inference). */
    int pushed;
    private static final int[] NO_INTS = new int[0];
    private static final long[] NO_LONGS = new long[0];
    private int[] slotOffset = NO_INTS;
    private int[] slotEpoch = NO_INTS;
    private int[] slotSize = NO_INTS;
    private long[] slotValue = NO_LONGS;
    private int slots;
    /** Set when slots had to be dropped: from then on, a slot with no entry is unknown, not a parameter. */
    private boolean frameLost;

    State(int registers) {
        regs = new long[registers];
    }

    State copy() {
        State s = new State(regs.length);
        System.arraycopy(regs, 0, s.regs, 0, regs.length);
        s.pushed = pushed;
        if (slots > 0) {
            s.slotOffset = Arrays.copyOf(slotOffset, slots);
            s.slotEpoch = Arrays.copyOf(slotEpoch, slots);
            s.slotSize = Arrays.copyOf(slotSize, slots);
            s.slotValue = Arrays.copyOf(slotValue, slots);
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

    /** The value stored at this frame slot, or {@code absent} when nothing (whole) is known there. */
    long load(int epoch, int offset, int size, long absent) {
        for (int i = slots - 1; i >= 0; i--) {
            if (slotEpoch[i] != epoch) {
                continue;
            }
            int o = slotOffset[i];
            int z = slotSize[i];
            if (o == offset && z >= size) {
                long v = slotValue[i];
                if (size >= 4 || v == absent) {
                    return v;
                }
                if (Value.isConst(v)) {
                    int mask = size == 1 ? 0xFF : 0xFFFF;
                    return Value.constant(Value.constValue(v) & mask, Value.constOrigin(v));
                }
                return Value.unknown(Value.Why.COMPUTED);
            }
            if (offset < o + z && o < offset + size) {
                return Value.unknown(Value.Why.MEMORY);
            }
        }
        return frameLost ? Value.unknown(Value.Why.MEMORY) : absent;
    }

    /** Records a store, forgetting whatever it overwrites. */
    void store(int epoch, int offset, int size, long value) {
        forget(epoch, offset, size);
        if (slots == MAX_SLOTS) {
            System.arraycopy(slotOffset, 1, slotOffset, 0, slots - 1);
            System.arraycopy(slotEpoch, 1, slotEpoch, 0, slots - 1);
            System.arraycopy(slotSize, 1, slotSize, 0, slots - 1);
            System.arraycopy(slotValue, 1, slotValue, 0, slots - 1);
            slots--;
            frameLost = true;
        }
        append(epoch, offset, size, value);
    }

    /** Forgets every slot overlapping [offset, offset + size) of the epoch. */
    void forget(int epoch, int offset, int size) {
        forgetRange(epoch, offset, (long) offset + size);
    }

    /** Forgets every slot below {@code offset} in the epoch: memory under the stack pointer is dead. */
    void forgetBelow(int epoch, int offset) {
        forgetRange(epoch, Long.MIN_VALUE, offset);
    }

    private void forgetRange(int epoch, long from, long to) {
        int w = 0;
        for (int i = 0; i < slots; i++) {
            boolean overlaps = slotEpoch[i] == epoch && from < (long) slotOffset[i] + slotSize[i] && slotOffset[i] < to;
            if (!overlaps) {
                if (w != i) {
                    slotOffset[w] = slotOffset[i];
                    slotEpoch[w] = slotEpoch[i];
                    slotSize[w] = slotSize[i];
                    slotValue[w] = slotValue[i];
                }
                w++;
            }
        }
        slots = w;
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
        long paths = Value.unknown(Value.Why.PATHS);
        for (int i = 0; i < slots; i++) {
            long other = o.exact(slotEpoch[i], slotOffset[i], slotSize[i]);
            long m = other == NONE ? paths : Value.meet(slotValue[i], other);
            if (m != slotValue[i]) {
                slotValue[i] = m;
                changed = true;
            }
        }
        for (int i = 0; i < o.slots; i++) {
            if (exact(o.slotEpoch[i], o.slotOffset[i], o.slotSize[i]) == NONE) {
                append(o.slotEpoch[i], o.slotOffset[i], o.slotSize[i], paths);
                changed = true;
            }
        }
        return changed;
    }

    private void append(int epoch, int offset, int size, long value) {
        if (slots == slotOffset.length) {
            int n = Math.max(8, slots * 2);
            slotOffset = Arrays.copyOf(slotOffset, n);
            slotEpoch = Arrays.copyOf(slotEpoch, n);
            slotSize = Arrays.copyOf(slotSize, n);
            slotValue = Arrays.copyOf(slotValue, n);
        }
        slotOffset[slots] = offset;
        slotEpoch[slots] = epoch;
        slotSize[slots] = size;
        slotValue[slots] = value;
        slots++;
    }

    private static final long NONE = Long.MIN_VALUE;

    private long exact(int epoch, int offset, int size) {
        for (int i = slots - 1; i >= 0; i--) {
            if (slotEpoch[i] == epoch && slotOffset[i] == offset && slotSize[i] == size) {
                return slotValue[i];
            }
        }
        return NONE;
    }
}
