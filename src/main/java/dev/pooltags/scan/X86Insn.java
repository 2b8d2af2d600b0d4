package dev.pooltags.scan;

/** An x86 or x64 instruction decoded down to its operands (see {@link X86Decoder}). */
final class X86Insn extends Insn {
    /** Opcode map: 0 one-byte, 1 0F, 2 0F38, 3 0F3A, 4 VEX/EVEX/XOP (any map). */
    int map;
    int opcode;
    boolean opsize;
    boolean adsize;
    boolean rep;
    boolean repne;
    int rex;
    boolean hasModrm;
    int mod;
    /** The modrm reg field, extended by REX.R (a register number or an opcode extension). */
    int reg;
    /** The modrm rm field extended by REX.B: the register when mod == 3. */
    int rm;
    /** Memory operand: base register (-1 none, {@link #RIP}), index (-1 none), scale, displacement. */
    int base;
    int index;
    int scale;
    long disp;
    /** Set for 16-bit addressing, which the analysis does not follow. */
    boolean addr16;
    long imm;
    int immSize;
    /** VEX/EVEX/XOP second source register (a GPR for BMI instructions). */
    int vvvv;

    static final int RIP = 16;

    void reset(int at) {
        rva = at;
        length = 0;
        flow = Flow.NEXT;
        target = 0;
        map = 0;
        opcode = 0;
        opsize = false;
        adsize = false;
        rep = false;
        repne = false;
        rex = 0;
        hasModrm = false;
        mod = 3;
        reg = 0;
        rm = 0;
        base = -1;
        index = -1;
        scale = 0;
        disp = 0;
        addr16 = false;
        imm = 0;
        immSize = 0;
        vvvv = -1;
    }

    boolean rexW() {
        return (rex & 8) != 0;
    }

    boolean hasMemory() {
        return hasModrm && mod != 3;
    }
}
