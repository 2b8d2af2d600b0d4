package dev.pooltags.scan;

import dev.pooltags.pe.PeImage;
import java.util.Arrays;

/**
 * One instruction set's part of the scan: decoding, what each instruction does to a {@link State}, the calling
 * convention (where arguments are, what a call destroys), and the fast byte scans that find code referring to
 * an import slot or calling an address. {@link RegionAnalysis} drives it.
 */
abstract class Isa {
    final PeImage image;
    /** Every import slot of the image, sorted: a load from one yields the imported routine's address. */
    private final int[] importSlots;

    Isa(PeImage image) {
        this.image = image;
        this.importSlots = image.imports().stream().mapToInt(i -> i.slotRva()).sorted().toArray();
    }

    abstract Insn newInsn();

    /** Decodes the instruction at the RVA; false (and flow STOP) when the bytes are not an instruction. */
    abstract boolean decode(Code code, int rva, Insn out);

    /** True for the fill compilers put between functions (int3, nop forms, zero words). */
    abstract boolean isPadding(Insn in);

    abstract int registers();

    abstract int stackPointer();

    /** Pointer size in bytes. */
    abstract int pointerSize();

    /** The state where a function starts: parameters in their registers, the stack pointer at offset 0. */
    abstract void entry(State s, int epoch);

    /** The value of a frame slot nothing stored to, in a function's entry epoch: a stack parameter, or unknown. */
    abstract long stackParameter(int offset, int size);

    /** Applies everything but the control transfer of an instruction. */
    abstract void execute(Insn in, State s, RegionAnalysis f);

    /** What a call or jump reaches: IMPORT (through a slot), ADDR (a direct target), or unknown. */
    abstract long callee(Insn in, State s, RegionAnalysis f);

    /**
     * The value of argument {@code position} at a call (a parameter index; a 4-byte stack slot on x86). At a tail
     * jump the return address is already on the stack (x86, x64), so stack arguments sit one slot higher.
     */
    abstract long argument(State s, int position, boolean tail, RegionAnalysis f);

    /**
     * What a call leaves behind: caller-saved registers lost, the result unknown, and (x86) the stack pointer
     * moved by what the callee pops ({@code pops}, or -1 when not known).
     */
    abstract void afterCall(Insn in, State s, int pops, RegionAnalysis f);

    /** One pass over a code section's bytes: the RVAs that refer to one of the (sorted) slots. */
    abstract void findSlotReferences(Code code, int[] slots, IntList refs);

    /**
     * One pass over a code section's bytes for where functions start: the targets of direct calls (inside the
     * section) into {@code calls}, and, when {@code padEnds} is not null, the first byte after each run of int3
     * padding. Only needed when code outside {@code .pdata} ranges is decoded.
     */
    abstract void findFunctionStarts(Code code, IntList calls, IntList padEnds);

    /** Adds to {@code out} the RVAs of direct calls and jumps in {@code code} whose target is one of {@code targets}. */
    abstract void findCallsTo(Code code, int[] targets, IntList out);

    final boolean isImportSlot(long rva) {
        return rva >= 0 && rva <= 0xFFFFFFFFL && Arrays.binarySearch(importSlots, (int) rva) >= 0;
    }

    /**
     * What a load of {@code size} bytes from {@code address} yields: an imported routine from its slot, a
     * constant from read-only data, a frame slot's value, or unknown (with why).
     */
    final long load(State s, long address, int size, RegionAnalysis f) {
        switch (Value.kind(address)) {
            case Value.ADDR: {
                long rva = Value.addrRva(address);
                if (rva < 0 || rva > 0xFFFFFFFFL) {
                    return Value.unknown(Value.Why.MEMORY);
                }
                if (isImportSlot(rva)) {
                    return size == pointerSize() ? Value.imported((int) rva) : Value.unknown(Value.Why.MEMORY);
                }
                if (image.sectionOf(rva) == null) {
                    return Value.unknown(Value.Why.MEMORY);
                }
                if (image.isWritable(rva)) {
                    return Value.writable((int) rva);
                }
                if (image.isRelocated((int) rva)) {
                    long v = image.u32(rva);
                    return v < 0 ? Value.unknown(Value.Why.MEMORY) : Value.addr(v - (image.imageBase() & 0xFFFFFFFFL));
                }
                long v = image.u32(rva);
                if (v < 0) {
                    return Value.unknown(Value.Why.MEMORY);
                }
                int c = (int) v;
                if (size == 1) {
                    c &= 0xFF;
                } else if (size == 2) {
                    c &= 0xFFFF;
                }
                return Value.constant(c, Value.READ_ONLY);
            }
            case Value.STACK: {
                int epoch = Value.stackEpoch(address);
                int off = Value.stackOffset(address);
                long absent = f.isEntryEpoch(epoch) ? stackParameter(off, size) : Value.unknown(Value.Why.MEMORY);
                return s.load(epoch, off, size, absent);
            }
            default:
                return Value.unknown(Value.Why.MEMORY);
        }
    }

    /** Records a store to the frame; stores elsewhere are not followed (writable data is never trusted). */
    final void store(State s, long address, int size, long value) {
        if (Value.kind(address) == Value.STACK) {
            s.store(Value.stackEpoch(address), Value.stackOffset(address), size, value);
        }
    }

    /** Moves the stack pointer by {@code delta}; memory it leaves below itself is dead. */
    final void moveStack(State s, long delta) {
        int sp = stackPointer();
        long v = s.regs[sp];
        if (Value.kind(v) == Value.STACK) {
            long n = Value.plus(v, delta);
            s.regs[sp] = n;
            if (delta > 0) {
                s.forgetBelow(Value.stackEpoch(n), Value.stackOffset(n));
            }
        }
    }

    /** A growable int array for the scans (no boxing). */
    static final class IntList {
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] sortedDistinct() {
            int[] r = Arrays.copyOf(a, n);
            Arrays.sort(r);
            int w = 0;
            for (int i = 0; i < r.length; i++) {
                if (w == 0 || r[w - 1] != r[i]) {
                    r[w++] = r[i];
                }
            }
            return Arrays.copyOf(r, w);
        }
    }
}
