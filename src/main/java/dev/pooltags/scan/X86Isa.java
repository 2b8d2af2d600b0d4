package dev.pooltags.scan;

import dev.pooltags.pe.PeImage;

/**
 * x86 and x64 semantics for the scan. x64 follows the Microsoft x64 calling convention (arguments in RCX, RDX,
 * R8, R9, then the stack above 32 bytes of home space; RAX, RCX, RDX, R8-R11 destroyed by a call). x86 passes
 * every argument on the stack (__stdcall and __cdecl alike), so an argument is a 4-byte slot above the stack
 * pointer at the call, and a 64-bit argument takes two.
 *
 * <p>Instructions the analysis does not interpret still have their effects applied: every general register they
 * may write becomes unknown, and any stack memory they may write is forgotten. So a value is only ever kept when
 * nothing on the path could have changed it.
 */
final class X86Isa extends Isa {
    static final int RAX = 0;
    static final int RCX = 1;
    static final int RDX = 2;
    static final int RBX = 3;
    static final int RSP = 4;
    static final int RBP = 5;
    static final int RSI = 6;
    static final int RDI = 7;
    private static final int[] X64_ARGS = {RCX, RDX, 8, 9};
    private static final int[] X64_VOLATILE = {RAX, RCX, RDX, 8, 9, 10, 11};
    private static final int[] X86_VOLATILE = {RAX, RCX, RDX};

    private final boolean x64;
    private final long base32;

    X86Isa(PeImage image) {
        super(image);
        this.x64 = image.isPe32Plus();
        this.base32 = image.imageBase() & 0xFFFFFFFFL;
    }

    boolean is64() {
        return x64;
    }

    @Override
    Insn newInsn() {
        return new X86Insn();
    }

    private Code decoderCode;
    private X86Decoder decoder;

    @Override
    boolean decode(Code code, int rva, Insn out) {
        if (code != decoderCode) {
            decoderCode = code;
            decoder = new X86Decoder(code, x64);
        }
        return decoder.decode(rva, (X86Insn) out);
    }

    @Override
    boolean isPadding(Insn insn) {
        X86Insn in = (X86Insn) insn;
        if (in.flow == Flow.STOP && in.map == 0 && in.opcode == 0xCC) {
            return true;
        }
        if (in.map == 0 && in.opcode == 0x90 && (in.rex & 1) == 0 && !in.rep) {
            return true;
        }
        if (in.map == 1 && in.opcode == 0x1F) {
            return true;
        }
        // gcc's "lea esi,[esi+eiz*1+0]" and friends: a register loaded with its own address
        return in.map == 0 && in.opcode == 0x8D && in.mod != 3 && in.base == in.reg && in.index < 0 && in.disp == 0
                && !in.addr16;
    }

    @Override
    int registers() {
        return 16;
    }

    @Override
    int stackPointer() {
        return RSP;
    }

    @Override
    int pointerSize() {
        return x64 ? 8 : 4;
    }

    @Override
    void entry(State s, int epoch) {
        s.setAll(Value.unknown(Value.Why.ENTRY));
        if (x64) {
            for (int i = 0; i < X64_ARGS.length; i++) {
                s.regs[X64_ARGS[i]] = Value.param(i);
            }
        }
        s.regs[RSP] = Value.stack(0, epoch);
    }

    @Override
    long stackParameter(int offset, int size) {
        if (size > 4 && !x64 || size > 8) {
            return Value.unknown(Value.Why.MEMORY);
        }
        if (x64) {
            // [rsp+8..0x27] at entry is the caller's home space: garbage until the function itself stores there
            return offset >= 0x28 && (offset - 0x28) % 8 == 0 ? Value.param(4 + (offset - 0x28) / 8)
                    : Value.unknown(Value.Why.MEMORY);
        }
        return offset >= 4 && offset % 4 == 0 ? Value.param((offset - 4) / 4) : Value.unknown(Value.Why.MEMORY);
    }

    @Override
    long argument(State s, int position, boolean tail, RegionAnalysis f) {
        if (x64 && position < 4) {
            return low32(s.regs[X64_ARGS[position]]);
        }
        long sp = s.regs[RSP];
        int ret = tail ? pointerSize() : 0;
        long at = x64 ? Value.plus(sp, ret + 8L * position) : Value.plus(sp, ret + 4L * position);
        return load(s, at, 4, f);
    }

    @Override
    long callee(Insn insn, State s, RegionAnalysis f) {
        X86Insn in = (X86Insn) insn;
        if (in.flow == Flow.CALL || in.flow == Flow.JUMP || in.flow == Flow.BRANCH) {
            return Value.addr(Integer.toUnsignedLong(in.target));
        }
        if (in.map == 0 && in.opcode == 0xFF) {
            if (in.mod == 3) {
                return s.regs[in.rm];
            }
            return load(s, ea(in, s), pointerSize(), f);
        }
        return Value.unknown(Value.Why.COMPUTED);
    }

    @Override
    void afterCall(Insn insn, State s, int pops, RegionAnalysis f) {
        long result = Value.unknown(Value.Why.CALL_RESULT);
        for (int r : x64 ? X64_VOLATILE : X86_VOLATILE) {
            s.regs[r] = result;
        }
        // a callee given the address of a local may write it
        if (x64) {
            for (int r : X64_ARGS) {
                if (Value.kind(s.regs[r]) == Value.STACK) {
                    s.forgetStack();
                }
            }
            long sp = s.regs[RSP];
            if (Value.kind(sp) == Value.STACK) {
                // the callee owns its home space and stack arguments
                s.forget(Value.stackEpoch(sp), Value.stackOffset(sp), 0x80);
            }
            s.pushed = 0;
            return;
        }
        int pushed = s.pushed;
        s.pushed = 0;
        if (pops < 0 && pushed == 0) {
            pops = 0; // nothing was pushed or stored above the stack pointer: the callee has no stack arguments to pop
        }
        if (pops < 0) {
            // stdcall or cdecl cannot be told apart: start a new frame epoch rather than guess
            s.regs[RSP] = Value.stack(0, f.epochAt(insn.rva));
        } else if (pops > 0) {
            moveStack(s, pops);
        }
    }

    /** The effective address of the memory operand (not loaded). */
    long ea(X86Insn in, State s) {
        if (in.addr16) {
            return Value.unknown(Value.Why.MEMORY);
        }
        long v;
        if (in.base == X86Insn.RIP) {
            v = Value.addr(Integer.toUnsignedLong(in.rva) + in.length + in.disp);
        } else if (in.base < 0) {
            v = absolute(in.disp);
        } else {
            long b = s.regs[in.base];
            if (Value.kind(b) == Value.CONST) {
                v = absolute(Value.constValue(b) + in.disp);
            } else if (Value.kind(b) == Value.ADDR || Value.kind(b) == Value.STACK) {
                v = Value.plus(b, in.disp);
            } else {
                return Value.unknown(Value.Why.MEMORY);
            }
        }
        if (in.index >= 0) {
            long i = s.regs[in.index];
            if (Value.kind(i) != Value.CONST) {
                return Value.unknown(Value.Why.MEMORY);
            }
            v = Value.plus(v, (long) Value.constValue(i) * in.scale);
        }
        return v;
    }

    /** An absolute virtual address (x86 code addresses data by VA) as an image address. */
    private long absolute(long va) {
        long rva = (va & 0xFFFFFFFFL) - base32;
        return rva >= 0 ? Value.addr(rva) : Value.unknown(Value.Why.MEMORY);
    }

    // ---- register access by operand size

    private long read(State s, int reg, int size) {
        long v = s.regs[reg];
        if (size >= 4) {
            return size == 4 && x64 ? low32(v) : v;
        }
        return Value.isConst(v) ? Value.constant(Value.constValue(v) & (size == 1 ? 0xFF : 0xFFFF), Value.constOrigin(v))
                : Value.unknown(Value.Why.COMPUTED);
    }

    /** An 8-bit register operand's value (AH..BH without REX are bits 8-15 of RAX..RBX). */
    private long read8(State s, X86Insn in, int reg) {
        if (in.rex == 0 && reg >= 4 && reg < 8) {
            long v = s.regs[reg - 4];
            return Value.isConst(v) ? Value.constant(Value.constValue(v) >>> 8 & 0xFF, Value.constOrigin(v))
                    : Value.unknown(Value.Why.COMPUTED);
        }
        return read(s, reg, 1);
    }

    private long low32(long v) {
        int k = Value.kind(v);
        return k == Value.CONST || k == Value.PARAM || k == Value.PARAM_OR_DATA || k == Value.UNKNOWN ? v
                : Value.unknown(Value.Why.ADDRESS);
    }

    private void write(State s, int reg, long v, int size) {
        if (size == 8 || size == 4 && !x64) {
            s.regs[reg] = v;
        } else if (size == 4) {
            s.regs[reg] = low32(v);
        } else {
            s.regs[reg] = Value.unknown(Value.Why.COMPUTED);
        }
    }

    private void write8(State s, X86Insn in, int reg) {
        s.regs[in.rex == 0 && reg >= 4 && reg < 8 ? reg - 4 : reg] = Value.unknown(Value.Why.COMPUTED);
    }

    private int osize(X86Insn in) {
        return in.rexW() ? 8 : in.opsize ? 2 : 4;
    }

    /** The value of the r/m operand: a register, or a load. */
    private long rmValue(X86Insn in, State s, int size, RegionAnalysis f) {
        if (in.mod == 3) {
            return size == 1 ? read8(s, in, in.rm) : read(s, in.rm, size);
        }
        return load(s, ea(in, s), size, f);
    }

    /** Writes the r/m operand: a register, or a store to the frame (other memory is not followed). */
    private void rmWrite(X86Insn in, State s, long v, int size) {
        if (in.mod == 3) {
            if (size == 1) {
                write8(s, in, in.rm);
            } else {
                write(s, in.rm, v, size);
            }
        } else {
            long a = ea(in, s);
            if (Value.kind(a) == Value.STACK) {
                store(s, a, size, size >= 4 ? (size == 4 ? low32(v) : v) : v);
                long sp = s.regs[RSP];
                if (!x64 && s.pushed >= 0 && Value.kind(sp) == Value.STACK && Value.stackEpoch(sp) == Value.stackEpoch(a)
                        && Value.stackOffset(a) >= Value.stackOffset(sp)) {
                    s.pushed += size; // an argument stored for the next call (gcc's "mov [esp+N], x")
                }
            }
        }
    }

    /** Forgets what an instruction may have written to memory through its r/m operand. */
    private void clobberMemory(X86Insn in, State s, int size) {
        if (in.hasMemory()) {
            long a = ea(in, s);
            if (Value.kind(a) == Value.STACK) {
                s.forget(Value.stackEpoch(a), Value.stackOffset(a), size);
            } else if (Value.kind(a) == Value.UNKNOWN && in.base >= 0 && in.base != X86Insn.RIP
                    && Value.kind(s.regs[in.base]) == Value.STACK) {
                s.forgetStack(); // indexed frame access: which slot is not known
            }
        }
    }

    private void push(State s, long v, int size) {
        moveStack(s, -size);
        long sp = s.regs[RSP];
        if (Value.kind(sp) == Value.STACK) {
            s.store(Value.stackEpoch(sp), Value.stackOffset(sp), size, v);
        }
        if (s.pushed >= 0) {
            s.pushed += size;
        }
    }

    private long pop(State s, int size, RegionAnalysis f) {
        long v = load(s, s.regs[RSP], size, f);
        moveStack(s, size);
        return v;
    }

    /** add, or, adc, sbb, and, sub, xor (cmp writes nothing and is not asked for). */
    private static long alu(int op, long a, long b, int size) {
        if (op == 0 || op == 5) {
            if (Value.isConst(b) && (Value.kind(a) == Value.ADDR || Value.kind(a) == Value.STACK || Value.isConst(a))) {
                long d = Value.constValue(b);
                if (size == 8 || Value.kind(a) != Value.CONST) {
                    d = (long) Value.constValue(b); // sign-extended immediate
                }
                return Value.plus(a, op == 0 ? d : -d);
            }
            return Value.unknown(Value.Why.COMPUTED);
        }
        if (!Value.isConst(a) || !Value.isConst(b) || size < 4) {
            return Value.unknown(Value.Why.COMPUTED);
        }
        int x = Value.constValue(a);
        int y = Value.constValue(b);
        int origin = Math.max(Value.constOrigin(a), Value.constOrigin(b));
        switch (op) {
            case 1:
                return Value.constant(x | y, origin);
            case 4:
                return Value.constant(x & y, origin);
            case 6:
                return Value.constant(x ^ y, origin);
            default:
                return Value.unknown(Value.Why.COMPUTED); // adc, sbb: carry unknown
        }
    }

    @Override
    void execute(Insn insn, State s, RegionAnalysis f) {
        X86Insn in = (X86Insn) insn;
        if (in.flow == Flow.STOP) {
            return;
        }
        switch (in.map) {
            case 0 -> oneByte(in, s, f);
            case 1 -> twoByte(in, s, f);
            default -> conservative(in, s, false);
        }
    }

    private void oneByte(X86Insn in, State s, RegionAnalysis f) {
        int op = in.opcode;
        int osz = osize(in);
        int ptr = pointerSize();
        if (op < 0x40 && (op & 7) < 6) {
            int aluOp = op >>> 3;
            int form = op & 7;
            int size = form % 2 == 0 ? 1 : osz;
            if (aluOp == 7) {
                return; // cmp
            }
            if (form >= 4) {
                long r = size == 1 ? Value.unknown(Value.Why.COMPUTED)
                        : alu(aluOp, read(s, RAX, size), Value.constant((int) in.imm, Value.IMMEDIATE), size);
                if (size == 1) {
                    write8(s, in, RAX);
                } else {
                    write(s, RAX, r, size);
                }
                return;
            }
            boolean toRm = form < 2;
            if ((aluOp == 6 || aluOp == 5) && in.mod == 3 && in.reg == in.rm && size >= 4) {
                write(s, in.reg, Value.constant(0, Value.IMMEDIATE), size); // xor r,r / sub r,r
                return;
            }
            long a = toRm ? rmValue(in, s, size, f) : read(s, in.reg, size);
            long b = toRm ? read(s, in.reg, size) : rmValue(in, s, size, f);
            if (size == 1) {
                if (toRm) {
                    rmWrite(in, s, Value.unknown(Value.Why.COMPUTED), 1);
                } else {
                    write8(s, in, in.reg);
                }
                return;
            }
            long r = alu(aluOp, a, b, size);
            if (toRm) {
                rmWrite(in, s, r, size);
            } else {
                write(s, in.reg, r, size);
            }
            return;
        }
        switch (op) {
            case 0x27, 0x2F, 0x37, 0x3F, 0xD4, 0xD5, 0xD6, 0xD7, 0x9F, 0xE4, 0xE5, 0xEC, 0xED ->
                    s.regs[RAX] = Value.unknown(Value.Why.COMPUTED);
            case 0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F -> {
                int r = op & 7; // x86 only: inc/dec r32 (on x64 these bytes are REX prefixes)
                long v = s.regs[r];
                s.regs[r] = Value.isConst(v) || Value.kind(v) == Value.STACK || Value.kind(v) == Value.ADDR
                        ? Value.plus(v, op < 0x48 ? 1 : -1) : Value.unknown(Value.Why.COMPUTED);
            }
            case 0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57 -> {
                int r = (op & 7) | ((in.rex & 1) != 0 ? 8 : 0);
                int size = in.opsize ? 2 : ptr;
                push(s, s.regs[r], size);
            }
            case 0x58, 0x59, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F -> {
                int r = (op & 7) | ((in.rex & 1) != 0 ? 8 : 0);
                int size = in.opsize ? 2 : ptr;
                long v = pop(s, size, f);
                if (r != RSP) {
                    write(s, r, v, size == 2 ? 2 : 8);
                }
            }
            case 0x06, 0x0E, 0x16, 0x1E -> push(s, Value.unknown(Value.Why.COMPUTED), ptr);
            case 0x07, 0x17, 0x1F -> pop(s, ptr, f);
            case 0x60 -> {
                moveStack(s, -32);
                s.pushed = -1;
            }
            case 0x61 -> {
                for (int r = 0; r < 8; r++) {
                    if (r != RSP) {
                        s.regs[r] = Value.unknown(Value.Why.MEMORY);
                    }
                }
                moveStack(s, 32);
            }
            case 0x62 -> { } // bound: no register written
            case 0x63 -> {
                if (x64) {
                    long v = rmValue(in, s, 4, f); // movsxd: the low 32 bits are the source's
                    write(s, in.reg, Value.kind(v) == Value.CONST || Value.isParam(v) ? v
                            : Value.unknown(Value.Why.COMPUTED), 8);
                } else {
                    rmWrite(in, s, Value.unknown(Value.Why.COMPUTED), 2);
                }
            }
            case 0x68, 0x6A -> push(s, Value.constant((int) in.imm, Value.IMMEDIATE), in.opsize ? 2 : ptr);
            case 0x69, 0x6B -> {
                long v = rmValue(in, s, osz, f);
                write(s, in.reg, Value.isConst(v) && osz >= 4
                        ? Value.constant(Value.constValue(v) * (int) in.imm, Value.constOrigin(v))
                        : Value.unknown(Value.Why.COMPUTED), osz);
            }
            case 0x6C, 0x6D, 0xA4, 0xA5, 0xAA, 0xAB -> {
                if (Value.kind(s.regs[RDI]) != Value.ADDR) {
                    s.forgetStack(); // string stores through RDI
                }
                stringRegisters(in, s, op == 0xA4 || op == 0xA5);
            }
            case 0x6E, 0x6F, 0xA6, 0xA7, 0xAE, 0xAF -> stringRegisters(in, s, op != 0xAE && op != 0xAF);
            case 0xAC, 0xAD -> {
                s.regs[RAX] = Value.unknown(Value.Why.MEMORY);
                stringRegisters(in, s, true);
            }
            case 0x80, 0x81, 0x82, 0x83 -> {
                int aluOp = in.reg & 7;
                int size = op == 0x80 || op == 0x82 ? 1 : osz;
                if (aluOp == 7) {
                    return;
                }
                if (size == 1) {
                    rmWrite(in, s, Value.unknown(Value.Why.COMPUTED), 1);
                    return;
                }
                long a = rmValue(in, s, size, f);
                long r = alu(aluOp, a, Value.constant((int) in.imm, Value.IMMEDIATE), size);
                if (in.mod == 3 && in.rm == RSP && x64 && size == 4) {
                    r = Value.unknown(Value.Why.COMPUTED);
                }
                rmWrite(in, s, r, size);
            }
            case 0x84, 0x85, 0xA8, 0xA9, 0x8E, 0x9E, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A,
                    0x7B, 0x7C, 0x7D, 0x7E, 0x7F, 0xE3, 0xE6, 0xE7, 0xEE, 0xEF, 0xF4, 0xF5, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC,
                    0xFD, 0xC2, 0xC3, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF, 0xE8, 0xE9, 0xEA, 0xEB, 0x9A, 0x9B -> { }
            case 0x86 -> {
                write8(s, in, in.reg);
                rmWrite(in, s, Value.unknown(Value.Why.COMPUTED), 1);
            }
            case 0x87 -> {
                long a = rmValue(in, s, osz, f);
                long b = read(s, in.reg, osz);
                rmWrite(in, s, b, osz);
                write(s, in.reg, a, osz);
            }
            case 0x88 -> rmWrite(in, s, Value.unknown(Value.Why.COMPUTED), 1);
            case 0x89 -> rmWrite(in, s, read(s, in.reg, osz), osz);
            case 0x8A -> write8(s, in, in.reg);
            case 0x8B -> write(s, in.reg, rmValue(in, s, osz, f), osz);
            case 0x8C -> rmWrite(in, s, Value.unknown(Value.Why.COMPUTED), 2);
            case 0x8D -> {
                long a = ea(in, s);
                write(s, in.reg, Value.kind(a) == Value.UNKNOWN ? Value.unknown(Value.Why.COMPUTED) : a, osz);
            }
            case 0x8F -> {
                long v = pop(s, in.opsize ? 2 : ptr, f);
                rmWrite(in, s, v, in.opsize ? 2 : ptr);
            }
            case 0x90 -> {
                if ((in.rex & 1) != 0) {
                    swap(s, RAX, 8, osz);
                }
            }
            case 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97 -> swap(s, RAX, (op & 7) | ((in.rex & 1) != 0 ? 8 : 0), osz);
            case 0x98 -> {
                long v = s.regs[RAX];
                if (osz == 8) {
                    s.regs[RAX] = Value.isConst(v) || Value.isParam(v) ? v : Value.unknown(Value.Why.COMPUTED);
                } else if (osz == 4 && Value.isConst(v)) {
                    write(s, RAX, Value.constant((short) Value.constValue(v), Value.constOrigin(v)), 4);
                } else {
                    s.regs[RAX] = Value.unknown(Value.Why.COMPUTED);
                }
            }
            case 0x99 -> {
                long v = s.regs[RAX];
                s.regs[RDX] = Value.isConst(v) && osz >= 4
                        ? Value.constant(Value.constValue(v) < 0 ? -1 : 0, Value.constOrigin(v)) : Value.unknown(Value.Why.COMPUTED);
            }
            case 0x9C -> push(s, Value.unknown(Value.Why.COMPUTED), in.opsize ? 2 : ptr);
            case 0x9D -> pop(s, in.opsize ? 2 : ptr, f);
            case 0xA0 -> write8(s, in, RAX);
            case 0xA1 -> write(s, RAX, load(s, absolute(in.imm), osz, f), osz);
            case 0xA2, 0xA3 -> { } // stores to an absolute address: data, not the frame
            case 0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7 -> write8(s, in, (op & 7) | ((in.rex & 1) != 0 ? 8 : 0));
            case 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF ->
                    write(s, (op & 7) | ((in.rex & 1) != 0 ? 8 : 0), Value.constant((int) in.imm, Value.IMMEDIATE), osz);
            case 0xC0, 0xC1, 0xD0, 0xD1, 0xD2, 0xD3 -> shift(in, s, f, osz);
            case 0xC4, 0xC5 -> write(s, in.reg, Value.unknown(Value.Why.MEMORY), osz);
            case 0xC6 -> rmWrite(in, s, Value.constant((int) in.imm & 0xFF, Value.IMMEDIATE), 1);
            case 0xC7 -> {
                if ((in.reg & 7) == 0) {
                    rmWrite(in, s, Value.constant((int) in.imm, Value.IMMEDIATE), osz);
                } else {
                    conservative(in, s, true); // XBEGIN and the like
                }
            }
            case 0xC8 -> {
                s.regs[RBP] = Value.unknown(Value.Why.COMPUTED);
                s.regs[RSP] = Value.stack(0, f.epochAt(in.rva));
            }
            case 0xC9 -> {
                long bp = s.regs[RBP];
                if (Value.kind(bp) == Value.STACK) {
                    s.regs[RSP] = bp;
                    s.forgetBelow(Value.stackEpoch(bp), Value.stackOffset(bp));
                    s.regs[RBP] = pop(s, ptr, f);
                } else {
                    s.regs[RBP] = Value.unknown(Value.Why.MEMORY);
                    s.regs[RSP] = Value.stack(0, f.epochAt(in.rva));
                }
            }
            case 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF -> {
                clobberMemory(in, s, 16);
                if (op == 0xDF && in.mod == 3 && (in.reg & 7) == 4) {
                    s.regs[RAX] = Value.unknown(Value.Why.COMPUTED); // fnstsw ax
                }
            }
            case 0xE0, 0xE1, 0xE2 -> s.regs[RCX] = Value.unknown(Value.Why.COMPUTED);
            case 0xF6, 0xF7 -> {
                int ext = in.reg & 7;
                int size = op == 0xF6 ? 1 : osz;
                if (ext == 2 || ext == 3) {
                    long v = rmValue(in, s, size, f);
                    long r = Value.isConst(v) && size >= 4
                            ? Value.constant(ext == 2 ? ~Value.constValue(v) : -Value.constValue(v), Value.constOrigin(v))
                            : Value.unknown(Value.Why.COMPUTED);
                    rmWrite(in, s, r, size);
                } else if (ext >= 4) {
                    s.regs[RAX] = Value.unknown(Value.Why.COMPUTED);
                    if (op == 0xF7) {
                        s.regs[RDX] = Value.unknown(Value.Why.COMPUTED);
                    }
                }
            }
            case 0xFE -> rmWrite(in, s, Value.unknown(Value.Why.COMPUTED), 1);
            case 0xFF -> {
                int ext = in.reg & 7;
                if (ext == 0 || ext == 1) {
                    long v = rmValue(in, s, osz, f);
                    rmWrite(in, s, Value.isConst(v) && osz >= 4 ? Value.plus(v, ext == 0 ? 1 : -1)
                            : Value.unknown(Value.Why.COMPUTED), osz);
                } else if (ext == 6) {
                    int size = in.opsize ? 2 : ptr;
                    push(s, rmValue(in, s, size, f), size);
                }
            }
            default -> conservative(in, s, true);
        }
    }

    private void stringRegisters(X86Insn in, State s, boolean source) {
        s.regs[RDI] = Value.unknown(Value.Why.COMPUTED);
        if (source) {
            s.regs[RSI] = Value.unknown(Value.Why.COMPUTED);
        }
        if (in.rep || in.repne) {
            s.regs[RCX] = Value.unknown(Value.Why.COMPUTED);
        }
    }

    private void swap(State s, int a, int b, int size) {
        long va = read(s, a, size);
        long vb = read(s, b, size);
        write(s, a, vb, size);
        write(s, b, va, size);
    }

    private void shift(X86Insn in, State s, RegionAnalysis f, int osz) {
        int op = in.opcode;
        int size = op == 0xC0 || op == 0xD0 || op == 0xD2 ? 1 : osz;
        int ext = in.reg & 7;
        long count;
        if (op == 0xC0 || op == 0xC1) {
            count = in.imm & 0xFF;
        } else if (op == 0xD0 || op == 0xD1) {
            count = 1;
        } else {
            long c = s.regs[RCX];
            count = Value.isConst(c) ? Value.constValue(c) & 0xFF : -1;
        }
        long v = size == 1 ? Value.unknown(Value.Why.COMPUTED) : rmValue(in, s, size, f);
        long r = Value.unknown(Value.Why.COMPUTED);
        if (Value.isConst(v) && count >= 0 && size >= 4) {
            int x = Value.constValue(v);
            int n = (int) (count & (size == 8 ? 63 : 31));
            int origin = Value.constOrigin(v);
            if (size == 4) {
                switch (ext) {
                    case 0 -> r = Value.constant(Integer.rotateLeft(x, n), origin);
                    case 1 -> r = Value.constant(Integer.rotateRight(x, n), origin);
                    case 4, 6 -> r = Value.constant(x << n, origin);
                    case 5 -> r = Value.constant(x >>> n, origin);
                    case 7 -> r = Value.constant(x >> n, origin);
                    default -> { }
                }
            } else if (ext == 4 || ext == 6) {
                r = Value.constant(n >= 32 ? 0 : x << n, origin); // the low half of a 64-bit left shift
            }
        }
        rmWrite(in, s, r, size);
    }

    /** Opcodes of the 0F map that write only vector registers (and memory, for the stores listed below). */
    private static final long[] VECTOR_ONLY = X86Decoder.set("10-17 18-1F 28-2B 2E 2F 51-6F 70-76 77 7C 7D 7F C2 C6 D0-D6 D8-DF E0-E7 E8-EF F0-F6 F8-FE");
    private static final long[] VECTOR_STORES = X86Decoder.set("11 13 17 29 2B 7F D6 E7");

    private void twoByte(X86Insn in, State s, RegionAnalysis f) {
        int op = in.opcode;
        int osz = osize(in);
        if (op >= 0x80 && op <= 0x8F || op == 0x0D || op == 0xA3 || op == 0x0B || op == 0xB9 || op == 0xFF) {
            return;
        }
        if (X86Decoder.in(VECTOR_ONLY, op)) {
            if (X86Decoder.in(VECTOR_STORES, op)) {
                clobberMemory(in, s, 16);
            }
            return;
        }
        if (op >= 0x40 && op <= 0x4F) {
            long a = read(s, in.reg, osz);
            long b = rmValue(in, s, osz, f);
            write(s, in.reg, Value.meet(a, b), osz); // cmov: either value
            return;
        }
        switch (op) {
            case 0xB6, 0xB7, 0xBE, 0xBF -> {
                int size = op == 0xB6 || op == 0xBE ? 1 : 2;
                long v = rmValue(in, s, size, f);
                long r = Value.unknown(Value.Why.COMPUTED);
                if (Value.isConst(v)) {
                    int x = Value.constValue(v);
                    if (op == 0xBE) {
                        x = (byte) x;
                    } else if (op == 0xBF) {
                        x = (short) x;
                    }
                    r = Value.constant(x, Value.constOrigin(v));
                }
                write(s, in.reg, r, osz);
            }
            case 0xA2 -> {
                s.regs[RAX] = Value.unknown(Value.Why.COMPUTED);
                s.regs[RBX] = Value.unknown(Value.Why.COMPUTED);
                s.regs[RCX] = Value.unknown(Value.Why.COMPUTED);
                s.regs[RDX] = Value.unknown(Value.Why.COMPUTED);
            }
            case 0x31, 0x32, 0x33 -> {
                s.regs[RAX] = Value.unknown(Value.Why.COMPUTED);
                s.regs[RDX] = Value.unknown(Value.Why.COMPUTED);
            }
            case 0x05, 0x07 -> {
                s.regs[RCX] = Value.unknown(Value.Why.COMPUTED);
                s.regs[11] = Value.unknown(Value.Why.COMPUTED);
            }
            case 0xA0, 0xA8 -> push(s, Value.unknown(Value.Why.COMPUTED), pointerSize());
            case 0xA1, 0xA9 -> pop(s, pointerSize(), f);
            case 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF -> {
                int r = (op & 7) | ((in.rex & 1) != 0 ? 8 : 0);
                long v = s.regs[r];
                s.regs[r] = Value.isConst(v) && osz == 4
                        ? Value.constant(Integer.reverseBytes(Value.constValue(v)), Value.constOrigin(v))
                        : Value.unknown(Value.Why.COMPUTED);
            }
            case 0xAF -> {
                long a = read(s, in.reg, osz);
                long b = rmValue(in, s, osz, f);
                write(s, in.reg, Value.isConst(a) && Value.isConst(b) && osz >= 4
                        ? Value.constant(Value.constValue(a) * Value.constValue(b), Value.constOrigin(a))
                        : Value.unknown(Value.Why.COMPUTED), osz);
            }
            case 0xBA -> {
                if ((in.reg & 7) >= 5) {
                    rmWrite(in, s, Value.unknown(Value.Why.COMPUTED), osz); // bts/btr/btc
                }
            }
            case 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F ->
                    rmWrite(in, s, Value.unknown(Value.Why.COMPUTED), 1); // setcc
            case 0xA4, 0xA5, 0xAC, 0xAD, 0xAB, 0xB3, 0xBB, 0x00, 0x20, 0x21, 0x78 ->
                    rmWrite(in, s, Value.unknown(Value.Why.COMPUTED), osz);
            case 0xB0, 0xB1 -> {
                s.regs[RAX] = Value.unknown(Value.Why.COMPUTED);
                rmWrite(in, s, Value.unknown(Value.Why.COMPUTED), osz);
            }
            case 0x06, 0x08, 0x09, 0x22, 0x23, 0x30, 0x79, 0x0E, 0xAA -> { } // no general register written
            case 0x01, 0xC7, 0x34, 0x35, 0x37 -> conservative(in, s, true);
            default -> conservative(in, s, false);
        }
    }

    /**
     * Effects of an instruction the analysis does not interpret: every general register it may write (the modrm
     * reg and rm fields, VEX.vvvv, and for uncommon system instructions RAX/RCX/RDX/RBX) becomes unknown, and any
     * stack memory it addresses is forgotten.
     */
    private void conservative(X86Insn in, State s, boolean implicit) {
        long u = Value.unknown(Value.Why.COMPUTED);
        if (in.hasModrm) {
            if (in.mod == 3) {
                s.regs[in.rm & 15] = u;
            } else {
                clobberMemory(in, s, 64);
            }
            s.regs[in.reg & 15] = u;
            if (in.rex == 0 && (in.reg & 15) >= 4 && (in.reg & 15) < 8) {
                s.regs[(in.reg & 15) - 4] = u;
            }
        }
        if (in.vvvv >= 0) {
            s.regs[in.vvvv & 15] = u;
        }
        if (implicit || in.map == 2 || in.map == 3) {
            s.regs[RAX] = u;
            s.regs[RCX] = u;
            s.regs[RDX] = u;
            s.regs[RBX] = u;
        }
    }

    // ---- byte scans

    @Override
    void findSlotReferences(Code code, int[] slots, IntList refs) {
        int len = code.end - code.start;
        if (len < 4 || slots.length == 0) {
            return;
        }
        byte[] b = code.data;
        int start = code.start;
        long lo = slots[0];
        long span = (long) slots[slots.length - 1] - lo;
        boolean[] isSlot = slotMap(slots);
        int n = len - 3;
        if (isSlot == null) {
            // slots scattered over more than 64 KB (a delay-import table far from the IAT): search for each
            for (int i = 0; i < n; i++) {
                int v = Code.i32(b, i);
                long t = x64 ? (long) start + i + 4 + v : (v & 0xFFFFFFFFL) - base32;
                if (t >= lo && t <= lo + span && java.util.Arrays.binarySearch(slots, (int) t) >= 0) {
                    refs.add(start + i);
                }
            }
        } else if (x64) {
            // RIP-relative: the displacement plus the address after it (for call/jmp/mov [rip+d] it ends the
            // instruction) lands on the slot
            long base = (long) start + 4 - lo;
            for (int i = 0; i < n; i++) {
                long t = base + i + Code.i32(b, i);
                // one unsigned comparison: almost never true, so well predicted (two signed ones are not, on code bytes)
                if (Long.compareUnsigned(t, span) <= 0 && isSlot[(int) t]) {
                    refs.add(start + i);
                }
            }
        } else {
            // absolute: the slot's virtual address appears in the instruction
            long vlo = base32 + lo;
            for (int i = 0; i < n; i++) {
                long t = (Code.i32(b, i) & 0xFFFFFFFFL) - vlo;
                if (Long.compareUnsigned(t, span) <= 0 && isSlot[(int) t]) {
                    refs.add(start + i);
                }
            }
        }
    }

    @Override
    void findFunctionStarts(Code code, IntList calls, IntList padEnds) {
        byte[] b = code.data;
        int start = code.start;
        int len = code.end - code.start;
        for (int i = 0; i + 5 <= len; i++) {
            if (b[i] == (byte) 0xE8) {
                long target = (long) start + i + 5 + Code.i32(b, i + 1);
                if (target >= start && target < code.end) {
                    calls.add((int) target);
                }
            }
        }
        if (padEnds != null) {
            for (int i = 2; i < len; i++) {
                if (b[i] != (byte) 0xCC && b[i - 1] == (byte) 0xCC && b[i - 2] == (byte) 0xCC) {
                    padEnds.add(start + i);
                }
            }
        }
    }

    /** A table over the slots' span: true at each slot's offset from the first; null when they span over 64 KB. */
    private static boolean[] slotMap(int[] slots) {
        long span = (long) slots[slots.length - 1] - slots[0];
        if (span > 0x10000) {
            return null;
        }
        boolean[] m = new boolean[(int) span + 1];
        for (int s : slots) {
            m[(int) ((long) s - slots[0])] = true;
        }
        return m;
    }

    @Override
    void findCallsTo(Code code, int[] targets, IntList out) {
        if (targets.length == 0) {
            return;
        }
        byte[] b = code.data;
        int n = code.end - code.start;
        for (int i = 0; i < n; i++) {
            int op = b[i] & 0xFF;
            long t;
            if ((op == 0xE8 || op == 0xE9) && i + 5 <= n) {
                t = (long) code.start + i + 5 + Code.i32(b, i + 1);
            } else if (op == 0xEB && i + 2 <= n) {
                t = (long) code.start + i + 2 + b[i + 1];
            } else {
                continue;
            }
            if (t >= 0 && t <= 0xFFFFFFFFL && java.util.Arrays.binarySearch(targets, (int) t) >= 0) {
                out.add(code.start + i);
            }
        }
    }
}
