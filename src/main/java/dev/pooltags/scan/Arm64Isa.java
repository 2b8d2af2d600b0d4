package dev.pooltags.scan;

import dev.pooltags.pe.PeImage;

/**
 * ARM64 semantics for the scan (Arm Architecture Reference Manual encodings; Windows ARM64 calling convention:
 * arguments in X0-X7, then the stack; X0-X18 and X30 destroyed by a call). Every instruction is 4 bytes. The
 * instructions that build the tag and reach an import are interpreted: MOVZ/MOVN/MOVK, ORR (register moves and
 * bitmask immediates), ADD/SUB, ADRP/ADR, LDR/STR/LDP/STP in their addressing forms, CSEL. Any other
 * instruction makes the general register it may write unknown.
 */
final class Arm64Isa extends Isa {
    private static final int SP = 31;
    private static final int LR = 30;

    Arm64Isa(PeImage image) {
        super(image);
    }

    /** An ARM64 instruction: its 32-bit encoding. */
    static final class Word extends Insn {
        int w;
    }

    @Override
    Insn newInsn() {
        return new Word();
    }

    @Override
    boolean decode(Code code, int rva, Insn out) {
        Word in = (Word) out;
        in.rva = rva;
        in.length = 4;
        in.flow = Flow.NEXT;
        in.target = 0;
        if ((rva & 3) != 0 || !code.has4(rva)) {
            in.flow = Flow.STOP;
            in.length = Math.max(1, Math.min(4 - (rva & 3), code.end - rva));
            return false;
        }
        int w = code.s32(rva);
        in.w = w;
        if ((w & 0xFC000000) == 0x14000000) {
            in.flow = Flow.JUMP;
            in.target = rva + (w << 6 >> 4);
        } else if ((w & 0xFC000000) == 0x94000000) {
            in.flow = Flow.CALL;
            in.target = rva + (w << 6 >> 4);
        } else if ((w & 0xFF000010) == 0x54000000) {
            in.flow = (w & 0xF) >= 0xE ? Flow.JUMP : Flow.BRANCH; // b.al / b.nv are unconditional
            in.target = rva + (w << 8 >> 13 << 2);
        } else if ((w & 0x7E000000) == 0x34000000) {
            in.flow = Flow.BRANCH;
            in.target = rva + (w << 8 >> 13 << 2);
        } else if ((w & 0x7E000000) == 0x36000000) {
            in.flow = Flow.BRANCH;
            in.target = rva + (w << 13 >> 18 << 2);
        } else if ((w & 0xFE000000) == 0xD6000000) {
            int opc = w >>> 21 & 0xF;
            switch (opc & 7) {
                case 0 -> in.flow = Flow.JUMP_INDIRECT;
                case 1 -> in.flow = Flow.CALL_INDIRECT;
                case 2, 4, 5 -> in.flow = Flow.RETURN;
                default -> in.flow = Flow.STOP;
            }
        } else if (w >>> 16 == 0 || (w & 0xFFE0001F) == 0xD4200000 || (w & 0xFFE0001F) == 0xD4400000) {
            in.flow = Flow.STOP; // UDF, BRK, HLT
        }
        return true;
    }

    @Override
    boolean isPadding(Insn in) {
        int w = ((Word) in).w;
        return w == 0xD503201F || in.flow == Flow.STOP && w >>> 16 == 0;
    }

    @Override
    int registers() {
        return 32;
    }

    @Override
    int stackPointer() {
        return SP;
    }

    @Override
    int pointerSize() {
        return 8;
    }

    @Override
    void entry(State s, int epoch) {
        s.setAll(Value.unknown(Value.Why.ENTRY));
        for (int i = 0; i < 8; i++) {
            s.regs[i] = Value.param(i);
        }
        s.regs[SP] = Value.stack(0, epoch);
    }

    @Override
    long stackParameter(int offset, int size) {
        return offset >= 0 && offset % 8 == 0 && size <= 8 ? Value.param(8 + offset / 8) : Value.unknown(Value.Why.MEMORY);
    }

    @Override
    long argument(State s, int position, boolean tail, RegionAnalysis f) {
        if (position < 8) {
            return low32(s.regs[position]);
        }
        return load(s, Value.plus(s.regs[SP], 8L * (position - 8)), 4, f);
    }

    @Override
    long callee(Insn insn, State s, RegionAnalysis f) {
        Word in = (Word) insn;
        if (in.flow == Flow.CALL || in.flow == Flow.JUMP || in.flow == Flow.BRANCH) {
            return Value.addr(Integer.toUnsignedLong(in.target));
        }
        if (in.flow == Flow.CALL_INDIRECT || in.flow == Flow.JUMP_INDIRECT) {
            return s.regs[in.w >>> 5 & 31];
        }
        return Value.unknown(Value.Why.COMPUTED);
    }

    @Override
    void afterCall(Insn in, State s, int pops, RegionAnalysis f) {
        for (int r = 0; r < 8; r++) {
            if (Value.kind(s.regs[r]) == Value.STACK) {
                s.forgetStack(); // the callee got the address of a local
            }
        }
        long result = Value.unknown(Value.Why.CALL_RESULT);
        for (int r = 0; r <= 18; r++) {
            s.regs[r] = result;
        }
        s.regs[LR] = result;
    }

    private static long low32(long v) {
        int k = Value.kind(v);
        return k == Value.CONST || k == Value.PARAM || k == Value.PARAM_OR_DATA || k == Value.UNKNOWN ? v
                : Value.unknown(Value.Why.ADDRESS);
    }

    /** A register operand where 31 is the zero register. */
    private static long zr(State s, int r) {
        return r == 31 ? Value.constant(0, Value.IMMEDIATE) : s.regs[r];
    }

    private static void write(State s, int rd, long v, boolean is64) {
        if (rd == 31) {
            return; // the zero register
        }
        s.regs[rd] = is64 ? v : low32(v);
    }

    private static void writeSp(State s, int rd, long v, boolean is64) {
        s.regs[rd] = is64 ? v : low32(v); // register 31 is the stack pointer here
    }

    @Override
    void execute(Insn insn, State s, RegionAnalysis f) {
        Word in = (Word) insn;
        int w = in.w;
        int rd = w & 31;
        int rn = w >>> 5 & 31;
        boolean sf = w < 0;
        long u = Value.unknown(Value.Why.COMPUTED);
        if (in.flow != Flow.NEXT) {
            return; // branches write nothing (BL's link register is handled with the call)
        }
        if ((w & 0x1F000000) == 0x10000000) { // ADR, ADRP
            long imm = (long) ((w >>> 29 & 3) | (w >>> 5 & 0x7FFFF) << 2) << 43 >> 43;
            long v = w < 0 ? (Integer.toUnsignedLong(in.rva) & ~0xFFFL) + (imm << 12) : Integer.toUnsignedLong(in.rva) + imm;
            write(s, rd, Value.addr(v), true);
        } else if ((w & 0x1F800000) == 0x11000000) { // ADD/SUB immediate
            long imm = (w >>> 10 & 0xFFF) << ((w >>> 22 & 1) * 12);
            boolean sub = (w & 0x40000000) != 0;
            boolean flags = (w & 0x20000000) != 0;
            long a = s.regs[rn];
            long r = Value.kind(a) == Value.CONST || Value.kind(a) == Value.ADDR || Value.kind(a) == Value.STACK
                    ? Value.plus(a, sub ? -imm : imm) : u;
            if (flags) {
                write(s, rd, r, sf);
            } else {
                writeSp(s, rd, r, sf);
            }
        } else if ((w & 0x1F800000) == 0x12000000) { // AND/ORR/EOR/ANDS immediate
            int opc = w >>> 29 & 3;
            long mask = bitmask(w >>> 22 & 1, w >>> 16 & 0x3F, w >>> 10 & 0x3F, sf);
            long a = zr(s, rn);
            long r = u;
            if (mask != Long.MIN_VALUE && Value.isConst(a)) {
                int x = Value.constValue(a);
                int m = (int) mask;
                r = switch (opc) {
                    case 0, 3 -> Value.constant(x & m, Value.constOrigin(a));
                    case 1 -> Value.constant(x | m, Value.constOrigin(a));
                    default -> Value.constant(x ^ m, Value.constOrigin(a));
                };
            }
            if (opc == 3) {
                write(s, rd, r, sf);
            } else {
                writeSp(s, rd, r, sf);
            }
        } else if ((w & 0x1F800000) == 0x12800000) { // MOVN/MOVZ/MOVK
            int opc = w >>> 29 & 3;
            int hw = w >>> 21 & 3;
            long imm = (long) (w >>> 5 & 0xFFFF) << (16 * hw);
            if (opc == 2) {
                write(s, rd, Value.constant((int) imm, Value.IMMEDIATE), true);
            } else if (opc == 0) {
                write(s, rd, Value.constant((int) ~imm, Value.IMMEDIATE), true);
            } else if (opc == 3) {
                long old = rd == 31 ? u : s.regs[rd];
                if (Value.isConst(old) && hw < 2) {
                    int x = Value.constValue(old);
                    int m = 0xFFFF << (16 * hw);
                    write(s, rd, Value.constant((x & ~m) | ((int) imm & m), Value.constOrigin(old)), true);
                } else if (Value.isConst(old)) {
                    write(s, rd, old, true); // the high half of a 64-bit value: the low 32 bits stay
                } else {
                    write(s, rd, u, true);
                }
            } else {
                write(s, rd, u, true);
            }
        } else if ((w & 0x1F000000) == 0x0A000000) { // logical shifted register
            int opc = w >>> 29 & 3;
            boolean neg = (w & 0x00200000) != 0;
            int rm = w >>> 16 & 31;
            int amount = w >>> 10 & 0x3F;
            long a = zr(s, rn);
            long b = zr(s, rm);
            long r = u;
            if (opc == 1 && !neg && rn == 31 && amount == 0) {
                r = b; // MOV Rd, Rm
            } else if (!neg && amount == 0 && Value.isConst(a) && Value.isConst(b) && (w >>> 22 & 3) == 0) {
                int x = Value.constValue(a);
                int y = Value.constValue(b);
                r = Value.constant(opc == 1 ? x | y : opc == 2 ? x ^ y : x & y, Value.constOrigin(a));
            }
            write(s, rd, r, sf);
        } else if ((w & 0x1F200000) == 0x0B000000) { // ADD/SUB shifted register
            int rm = w >>> 16 & 31;
            boolean sub = (w & 0x40000000) != 0;
            long a = zr(s, rn);
            long b = zr(s, rm);
            long r = u;
            if ((w >>> 10 & 0x3F) == 0 && Value.isConst(b)) {
                long d = Value.constValue(b);
                if (Value.isConst(a) || Value.kind(a) == Value.ADDR || Value.kind(a) == Value.STACK) {
                    r = Value.plus(a, sub ? -d : d);
                }
            }
            write(s, rd, r, sf);
        } else if ((w & 0x1F200000) == 0x0B200000) { // ADD/SUB extended register: 31 is SP
            if ((w & 0x20000000) == 0) {
                writeSp(s, rd, u, true);
            } else {
                write(s, rd, u, true);
            }
        } else if ((w & 0x1FE00000) == 0x1A400000) {
            // CCMP/CCMN: flags only
        } else if ((w & 0x1FE00000) == 0x1A800000) { // CSEL family
            int rm = w >>> 16 & 31;
            int op = (w >>> 30 & 1) << 2 | (w >>> 10 & 3);
            write(s, rd, op == 0 ? Value.meet(zr(s, rn), zr(s, rm)) : u, sf);
        } else if ((w & 0x0A000000) == 0x08000000) { // loads and stores
            loadStore(in, s, f);
        } else if ((w & 0x0E000000) == 0x0E000000) { // SIMD and floating point
            if ((w & 0x5F20FC00) == 0x1E200000 || (w & 0x9FE08400) == 0x0E000400) {
                write(s, rd, u, true); // FMOV/FCVT* to a general register, UMOV/SMOV
            }
        } else if ((w & 0xFFF00000) == 0xD5300000 || (w & 0xFFF80000) == 0xD5280000) {
            write(s, rd, u, true); // MRS, SYSL
        } else if ((w & 0xFFC00000) == 0xD5000000) {
            // other system instructions (hints, barriers, MSR): no general register written
        } else {
            write(s, rd, u, true); // any other data processing
        }
    }

    /** The loads and stores: literal, pair, unsigned offset, pre/post-indexed, unscaled, register offset. */
    private void loadStore(Word in, State s, RegionAnalysis f) {
        int w = in.w;
        int rt = w & 31;
        int rn = w >>> 5 & 31;
        boolean vector = (w & 0x04000000) != 0;
        long u = Value.unknown(Value.Why.MEMORY);
        if ((w & 0x3B000000) == 0x18000000) { // LDR literal
            if (!vector) {
                int opc = w >>> 30 & 3;
                long addr = Value.addr(Integer.toUnsignedLong(in.rva) + ((long) (w << 8 >> 13) << 2));
                if (opc == 0 || opc == 1 || opc == 2) {
                    write(s, rt, load(s, addr, opc == 1 ? 8 : 4, f), true);
                }
            }
            return;
        }
        if ((w & 0x3A000000) == 0x28000000) { // load/store pair
            loadStorePair(w, s, f);
            return;
        }
        int size = w >>> 30 & 3;
        int opc = w >>> 22 & 3;
        boolean load = vector ? (opc & 1) != 0 : opc != 0;
        int bytes = vector ? (opc >= 2 ? 16 : 1 << size) : 1 << size;
        boolean prefetch = !vector && size == 3 && opc == 2;
        long base = s.regs[rn];
        long addr;
        boolean writeBack = false;
        long off;
        if ((w & 0x3B000000) == 0x39000000) { // unsigned offset
            off = (long) (w >>> 10 & 0xFFF) * bytes;
            addr = Value.plus(base, off);
        } else if ((w & 0x3B200000) == 0x38000000) { // 9-bit signed offset forms
            off = w << 11 >> 23;
            int idx = w >>> 10 & 3;
            addr = idx == 1 ? base : Value.plus(base, off);
            writeBack = idx == 1 || idx == 3;
        } else if ((w & 0x3B200C00) == 0x38200800) { // register offset
            off = 0;
            addr = Value.unknown(Value.Why.MEMORY);
        } else {
            // exclusives, atomics, acquire/release forms: every register field may be written
            write(s, rt, u, true);
            write(s, w >>> 10 & 31, u, true);
            write(s, w >>> 16 & 31, u, true);
            clobber(s, Value.unknown(Value.Why.MEMORY), base, 16);
            return;
        }
        if (Value.kind(base) != Value.STACK && Value.kind(base) != Value.ADDR) {
            addr = Value.unknown(Value.Why.MEMORY);
        }
        if (prefetch) {
            return;
        }
        if (load) {
            if (!vector) {
                boolean signed = opc >= 2;
                long v = load(s, addr, Math.min(bytes, 8), f);
                if (signed && bytes < 4 && Value.isConst(v)) {
                    int x = Value.constValue(v);
                    v = Value.constant(bytes == 1 ? (byte) x : (short) x, Value.constOrigin(v));
                }
                write(s, rt, v, true);
            }
        } else if (vector) {
            clobber(s, addr, base, bytes);
        } else {
            storeReg(s, addr, bytes, rt);
        }
        if (writeBack) {
            writeback(s, rn, base, off, load ? new int[] {rt} : null);
        }
    }

    /** LDP/STP (and their vector forms): two registers at consecutive slots, with pre/post-index writeback. */
    private void loadStorePair(int w, State s, RegionAnalysis f) {
        int rt = w & 31;
        int rn = w >>> 5 & 31;
        boolean vector = (w & 0x04000000) != 0;
        int opc = w >>> 30 & 3;
        int mode = w >>> 23 & 3;
        boolean load = (w & 0x00400000) != 0;
        int rt2 = w >>> 10 & 31;
        int scale = vector ? 4 << opc : (opc & 2) != 0 ? 8 : 4;
        long off = (long) (w << 10 >> 25) * scale;
        long base = s.regs[rn];
        long addr = mode == 1 ? base : Value.plus(base, off);
        if (Value.kind(base) != Value.STACK && Value.kind(base) != Value.ADDR) {
            addr = Value.unknown(Value.Why.MEMORY);
        }
        if (load) {
            if (!vector) {
                long v1 = load(s, addr, scale, f);
                long v2 = load(s, Value.plus(addr, scale), scale, f);
                write(s, rt, v1, true);
                write(s, rt2, v2, true);
            }
        } else if (vector) {
            clobber(s, addr, base, 2 * scale);
        } else {
            storeReg(s, addr, scale, rt);
            storeReg(s, Value.plus(addr, scale), scale, rt2);
        }
        if (mode == 1 || mode == 3) {
            writeback(s, rn, base, off, load ? new int[] {rt, rt2} : null);
        }
    }

    private void storeReg(State s, long addr, int size, int rt) {
        long v = rt == 31 ? Value.constant(0, Value.IMMEDIATE) : s.regs[rt];
        if (Value.kind(addr) == Value.STACK) {
            store(s, addr, size, size == 4 ? low32(v) : size < 4 && !Value.isConst(v) ? Value.unknown(Value.Why.COMPUTED) : v);
        } else {
            clobber(s, addr, Value.unknown(Value.Why.MEMORY), size);
        }
    }

    /** A store whose exact frame slot is unknown forgets the frame (when the base is in it). */
    private static void clobber(State s, long addr, long base, int size) {
        if (Value.kind(addr) == Value.STACK) {
            s.forget(Value.stackEpoch(addr), Value.stackOffset(addr), size);
        } else if (Value.kind(base) == Value.STACK) {
            s.forgetStack();
        }
    }

    private void writeback(State s, int rn, long base, long off, int[] loaded) {
        if (loaded != null) {
            for (int r : loaded) {
                if (r == rn) {
                    return; // the loaded value wins (unpredictable in the architecture; never emitted)
                }
            }
        }
        long v = Value.kind(base) == Value.STACK || Value.kind(base) == Value.ADDR ? Value.plus(base, off)
                : Value.unknown(Value.Why.COMPUTED);
        s.regs[rn] = v;
        if (rn == SP && off > 0 && Value.kind(v) == Value.STACK) {
            s.forgetBelow(Value.stackEpoch(v), Value.stackOffset(v));
        }
    }

    /**
     * DecodeBitMasks for the logical immediates: the 32 or 64-bit mask, or Long.MIN_VALUE when the encoding is
     * reserved.
     */
    static long bitmask(int n, int immr, int imms, boolean is64) {
        int combined = (n << 6) | (~imms & 0x3F);
        int len = 31 - Integer.numberOfLeadingZeros(combined);
        if (len < 1 || !is64 && n == 1) {
            return Long.MIN_VALUE;
        }
        int esize = 1 << len;
        int levels = esize - 1;
        int s = imms & levels;
        int r = immr & levels;
        if (s == levels) {
            return Long.MIN_VALUE;
        }
        long welem = s + 1 == 64 ? -1L : (1L << (s + 1)) - 1;
        long emask = esize == 64 ? -1L : (1L << esize) - 1;
        long rotated = r == 0 ? welem : ((welem >>> r) | (welem << (esize - r))) & emask;
        long result = 0;
        for (int i = 0; i < 64; i += esize) {
            result |= rotated << i;
        }
        return is64 ? result : result & 0xFFFFFFFFL;
    }

    // ---- word scans

    @Override
    void findSlotReferences(Code code, int[] slots, IntList refs) {
        if (slots.length == 0) {
            return;
        }
        byte[] b = code.data;
        long loPage = slots[0] & ~0xFFFL;
        long hiPage = slots[slots.length - 1] & ~0xFFFL;
        int first = (code.start + 3) & ~3;
        for (int rva = first; rva + 4 <= code.end; rva += 4) {
            int w = Code.i32(b, rva - code.start);
            if ((w & 0x9F000000) != 0x90000000) {
                continue;
            }
            long imm = (long) ((w >>> 29 & 3) | (w >>> 5 & 0x7FFFF) << 2) << 43 >> 43;
            long page = (rva & ~0xFFFL) + (imm << 12);
            if (page < loPage || page > hiPage) {
                continue;
            }
            int rd = w & 31;
            // the slot's low 12 bits come in a later LDR Xt, [Xd, #imm] (the compiler may schedule other work between)
            for (int k = 1; k <= 16 && rva + 4 * k + 4 <= code.end; k++) {
                int v = Code.i32(b, rva + 4 * k - code.start);
                if ((v & 0xFFC00000) == 0xF9400000 && (v >>> 5 & 31) == rd) {
                    long slot = page + ((long) (v >>> 10 & 0xFFF) << 3);
                    if (java.util.Arrays.binarySearch(slots, (int) slot) >= 0) {
                        refs.add(rva);
                    }
                    break;
                }
            }
        }
    }

    @Override
    void findFunctionStarts(Code code, IntList calls, IntList padEnds) {
        byte[] b = code.data;
        int first = (code.start + 3) & ~3;
        for (int rva = first; rva + 4 <= code.end; rva += 4) {
            int w = Code.i32(b, rva - code.start);
            if ((w & 0xFC000000) == 0x94000000) {
                long t = rva + (long) (w << 6 >> 4);
                if (t >= code.start && t < code.end) {
                    calls.add((int) t);
                }
            }
        }
    }

    @Override
    void findCallsTo(Code code, int[] targets, IntList out) {
        if (targets.length == 0) {
            return;
        }
        byte[] b = code.data;
        int first = (code.start + 3) & ~3;
        for (int rva = first; rva + 4 <= code.end; rva += 4) {
            int w = Code.i32(b, rva - code.start);
            if ((w & 0x7C000000) == 0x14000000) { // B or BL
                long t = rva + (long) (w << 6 >> 4);
                if (t >= 0 && t <= 0xFFFFFFFFL && java.util.Arrays.binarySearch(targets, (int) t) >= 0) {
                    out.add(rva);
                }
            }
        }
    }
}
