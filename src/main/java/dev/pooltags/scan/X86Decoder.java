package dev.pooltags.scan;

/**
 * Decodes x86 (32-bit) and x64 instructions: prefixes, REX, the one-byte, 0F, 0F38 and 0F3A opcode maps, VEX,
 * EVEX and XOP encodings, modrm/SIB addressing, displacements and immediates, per the Intel and AMD manuals.
 * Every instruction's length must be exact for the following ones to be read right, so the tables cover the
 * whole opcode space, not only the instructions the analysis interprets.
 */
final class X86Decoder {
    private static final int MAX_LENGTH = 15;

    // one-byte map
    private static final long[] MODRM1 = set("00-03 08-0B 10-13 18-1B 20-23 28-2B 30-33 38-3B 62 63 69 6B 80-8F C0 C1 C4-C7 D0-D3 D8-DF F6 F7 FE FF");
    private static final long[] IMM8_1 = set("04 0C 14 1C 24 2C 34 3C 6A 6B 70-7F 80 82 83 A8 B0-B7 C0 C1 C6 CD D4 D5 E0-E7 EB");
    private static final long[] IMMZ_1 = set("05 0D 15 1D 25 2D 35 3D 68 69 81 A9 C7 E8 E9");
    private static final long[] INVALID64_1 = set("06 07 0E 16 17 1E 1F 27 2F 37 3F 60 61 82 9A CE D4 D5 D6 EA");
    // two-byte map (0F xx)
    private static final long[] NO_MODRM2 = set("05-09 0B 0E 30-37 77 80-8F A0-A2 A8-AA C8-CF");
    private static final long[] IMM8_2 = set("0F 70-73 A4 AC BA C2 C4-C6");
    private static final long[] INVALID2 = set("04 0A 0C 24-27 36 39 3B-3F 7A 7B A6 A7");

    private final Code code;
    private final boolean x64;

    X86Decoder(Code code, boolean x64) {
        this.code = code;
        this.x64 = x64;
    }

    /** A 256-bit set of opcode bytes from a list such as "00-03 62 80-8F" (hex, ranges inclusive). */
    static long[] set(String spec) {
        long[] s = new long[4];
        for (String part : spec.split(" ")) {
            int dash = part.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? part : part.substring(0, dash), 16);
            int hi = dash < 0 ? lo : Integer.parseInt(part.substring(dash + 1), 16);
            for (int i = lo; i <= hi; i++) {
                s[i >> 6] |= 1L << (i & 63);
            }
        }
        return s;
    }

    static boolean in(long[] s, int b) {
        return (s[b >> 6] >>> (b & 63) & 1) != 0;
    }

    /**
     * Decodes the instruction at the RVA into {@code in}. Returns false when the bytes are no valid instruction
     * (or run outside the section); {@code in.flow} is then {@link Flow#STOP} and {@code in.length} 1.
     */
    boolean decode(int rva, X86Insn in) {
        in.reset(rva);
        long p = rva;
        int b;
        // legacy prefixes
        int count = 0;
        while (true) {
            b = code.u8(p);
            if (b < 0) {
                return invalid(in);
            }
            if (b == 0x66) {
                in.opsize = true;
            } else if (b == 0x67) {
                in.adsize = true;
            } else if (b == 0xF3) {
                in.rep = true;
                in.repne = false;
            } else if (b == 0xF2) {
                in.repne = true;
                in.rep = false;
            } else if (b != 0xF0 && b != 0x2E && b != 0x36 && b != 0x3E && b != 0x26 && b != 0x64 && b != 0x65) {
                break;
            }
            p++;
            if (++count >= MAX_LENGTH) {
                return invalid(in);
            }
        }
        if (x64 && (b & 0xF0) == 0x40) {
            in.rex = b;
            p++;
            b = code.u8(p);
            if (b < 0) {
                return invalid(in);
            }
        }
        p++;
        boolean immZ = false;
        boolean imm8 = false;
        if (b == 0x0F) {
            int b2 = code.u8(p++);
            if (b2 < 0) {
                return invalid(in);
            }
            if (b2 == 0x38 || b2 == 0x3A) {
                in.map = b2 == 0x38 ? 2 : 3;
                in.opcode = code.u8(p++);
                if (in.opcode < 0) {
                    return invalid(in);
                }
                in.hasModrm = true;
                imm8 = in.map == 3;
            } else {
                in.map = 1;
                in.opcode = b2;
                if (in(INVALID2, b2)) {
                    return invalid(in);
                }
                in.hasModrm = !in(NO_MODRM2, b2);
                imm8 = in(IMM8_2, b2);
                immZ = b2 >= 0x80 && b2 <= 0x8F;
                if (b2 == 0x78 && (in.opsize || in.repne)) {
                    in.immSize = 2; // AMD EXTRQ/INSERTQ: two byte immediates
                }
            }
        } else if ((b == 0xC4 || b == 0xC5 || b == 0x62) && (x64 || (code.u8(p) & 0xC0) == 0xC0)) {
            // VEX (C4 three-byte, C5 two-byte) and EVEX (62): 32-bit mode needs mod == 11 to tell them from LES/LDS/BOUND
            int vmap;
            int pp;
            if (b == 0xC5) {
                int v1 = code.u8(p++);
                if (v1 < 0) {
                    return invalid(in);
                }
                in.rex = 0x40 | ((v1 & 0x80) == 0 ? 4 : 0);
                in.vvvv = (~v1 >> 3) & 0xF;
                vmap = 1;
                pp = v1 & 3;
            } else {
                // C4 and EVEX alike: inverted R X B and the map in the first byte, W, inverted vvvv and pp in the
                // second; EVEX has a third (mask, length, broadcast) that the analysis does not read
                boolean evex = b == 0x62;
                int rxbMap = code.u8(p++);
                int wVvvvPp = code.u8(p++);
                if (rxbMap < 0 || wVvvvPp < 0 || evex && code.u8(p++) < 0) {
                    return invalid(in);
                }
                in.rex = 0x40 | rxb(rxbMap) | ((wVvvvPp & 0x80) != 0 ? 8 : 0);
                in.vvvv = (~wVvvvPp >> 3) & 0xF;
                vmap = rxbMap & (evex ? 7 : 0x1F);
                pp = wVvvvPp & 3;
            }
            if (!x64) {
                in.rex = 0;
                in.vvvv &= 7;
            }
            in.opsize = pp == 1;
            in.rep = pp == 2;
            in.repne = pp == 3;
            in.map = 4;
            in.opcode = code.u8(p++);
            if (in.opcode < 0 || vmap == 0 || vmap > 7) {
                return invalid(in);
            }
            in.hasModrm = !(vmap == 1 && in.opcode == 0x77); // VZEROUPPER/VZEROALL
            imm8 = vmap == 3 || vmap == 1 && (in.opcode >= 0x70 && in.opcode <= 0x73 || in.opcode == 0xC2
                    || in.opcode >= 0xC4 && in.opcode <= 0xC6);
        } else if (b == 0x8F && (code.u8(p) & 0x1F) >= 8) {
            // AMD XOP: map 8 takes an 8-bit immediate, map A a 32-bit one
            int v1 = code.u8(p++);
            int v2 = code.u8(p++);
            if (v1 < 0 || v2 < 0) {
                return invalid(in);
            }
            int vmap = v1 & 0x1F;
            if (vmap > 10) {
                return invalid(in);
            }
            in.rex = x64 ? 0x40 | rxb(v1) : 0;
            in.vvvv = (~v2 >> 3) & (x64 ? 0xF : 7);
            in.map = 4;
            in.opcode = code.u8(p++);
            if (in.opcode < 0) {
                return invalid(in);
            }
            in.hasModrm = true;
            imm8 = vmap == 8;
            if (vmap == 10) {
                in.immSize = 4;
            }
        } else {
            in.map = 0;
            in.opcode = b;
            if (x64 && in(INVALID64_1, b)) {
                return invalid(in);
            }
            in.hasModrm = in(MODRM1, b);
            imm8 = in(IMM8_1, b);
            immZ = in(IMMZ_1, b);
        }
        if (in.hasModrm) {
            int m = code.u8(p++);
            if (m < 0) {
                return invalid(in);
            }
            in.mod = m >>> 6;
            in.reg = (m >>> 3 & 7) | ((in.rex & 4) != 0 ? 8 : 0);
            in.rm = (m & 7) | ((in.rex & 1) != 0 ? 8 : 0);
            if (in.mod != 3) {
                p = memory(in, p, m & 7);
                if (p < 0) {
                    return invalid(in);
                }
            }
        }
        // immediates that depend on the opcode extension or operand size
        if (in.map == 0) {
            int op = in.opcode;
            if ((op == 0xF6 || op == 0xF7) && (in.reg & 7) < 2) {
                imm8 = op == 0xF6;
                immZ = op == 0xF7;
            }
            if (op >= 0xB8 && op <= 0xBF) {
                in.immSize = in.rexW() ? 8 : in.opsize ? 2 : 4;
            } else if (op == 0xC2 || op == 0xCA) {
                in.immSize = 2;
            } else if (op == 0xC8) {
                in.immSize = 3;
            } else if (op == 0x9A || op == 0xEA) {
                in.immSize = in.opsize ? 4 : 6;
            } else if (op >= 0xA0 && op <= 0xA3) {
                in.immSize = x64 ? (in.adsize ? 4 : 8) : (in.adsize ? 2 : 4);
            } else if (op == 0xE8 || op == 0xE9) {
                in.immSize = !x64 && in.opsize ? 2 : 4;
                immZ = false;
            }
        }
        if (in.immSize == 0) {
            if (imm8) {
                in.immSize = 1;
            } else if (immZ) {
                in.immSize = in.opsize && !(x64 && in.map == 1 && in.opcode >= 0x80 && in.opcode <= 0x8F) ? 2 : 4;
            }
        }
        if (in.immSize > 0) {
            long v = 0;
            for (int i = in.immSize - 1; i >= 0; i--) {
                int x = code.u8(p + i);
                if (x < 0) {
                    return invalid(in);
                }
                v = v << 8 | x;
            }
            if (in.immSize == 1) {
                v = (byte) v;
            } else if (in.immSize == 2) {
                v = (short) v;
            } else if (in.immSize == 4) {
                v = (int) v;
            }
            in.imm = v;
            p += in.immSize;
        }
        int len = (int) (p - rva);
        if (len > MAX_LENGTH) {
            return invalid(in);
        }
        in.length = len;
        flow(in);
        return true;
    }

    /** Reads the addressing bytes after a memory modrm; returns the position after them, or -1. */
    private long memory(X86Insn in, long p, int rm3) {
        boolean a16 = !x64 && in.adsize;
        if (a16) {
            in.addr16 = true;
            int dispSize = in.mod == 1 ? 1 : in.mod == 2 || in.mod == 0 && rm3 == 6 ? 2 : 0;
            in.base = -1;
            for (int i = 0; i < dispSize; i++) {
                if (code.u8(p + i) < 0) {
                    return -1;
                }
            }
            return p + dispSize;
        }
        int dispSize = in.mod == 1 ? 1 : in.mod == 2 ? 4 : 0;
        if (rm3 == 4) {
            int sib = code.u8(p++);
            if (sib < 0) {
                return -1;
            }
            in.scale = 1 << (sib >>> 6);
            int idx = (sib >>> 3 & 7) | ((in.rex & 2) != 0 ? 8 : 0);
            in.index = idx == 4 ? -1 : idx;
            int base = sib & 7;
            if (base == 5 && in.mod == 0) {
                in.base = -1;
                dispSize = 4;
            } else {
                in.base = base | ((in.rex & 1) != 0 ? 8 : 0);
            }
        } else if (rm3 == 5 && in.mod == 0) {
            in.base = x64 && !in.adsize ? X86Insn.RIP : -1;
            dispSize = 4;
        } else {
            in.base = in.rm;
        }
        long d = 0;
        for (int i = dispSize - 1; i >= 0; i--) {
            int x = code.u8(p + i);
            if (x < 0) {
                return -1;
            }
            d = d << 8 | x;
        }
        in.disp = dispSize == 1 ? (byte) d : dispSize == 4 ? (int) d : 0;
        return p + dispSize;
    }

    /** REX.R, X and B (bits 2, 1, 0) from a VEX, EVEX or XOP payload byte, which holds them inverted in bits 7, 6, 5. */
    private static int rxb(int payload) {
        return ~payload >> 5 & 7;
    }

    private static boolean invalid(X86Insn in) {
        in.length = 1;
        in.flow = Flow.STOP;
        return false;
    }

    private void flow(X86Insn in) {
        int next = in.rva + in.length;
        if (in.map == 0) {
            int op = in.opcode;
            if (op >= 0x70 && op <= 0x7F || op >= 0xE0 && op <= 0xE3) {
                in.flow = Flow.BRANCH;
                in.target = (int) (next + in.imm);
            } else if (op == 0xEB || op == 0xE9) {
                in.flow = Flow.JUMP;
                in.target = (int) (next + in.imm);
            } else if (op == 0xE8) {
                in.flow = Flow.CALL;
                in.target = (int) (next + in.imm);
            } else if (op == 0xC3 || op == 0xC2 || op == 0xCB || op == 0xCA || op == 0xCF) {
                in.flow = Flow.RETURN;
            } else if (op == 0xCC || op == 0xF4) {
                in.flow = Flow.STOP;
            } else if (op == 0xCD && (in.imm & 0xFF) == 0x29) {
                in.flow = Flow.STOP; // __fastfail
            } else if (op == 0xFF) {
                int ext = in.reg & 7;
                if (ext == 2 || ext == 3) {
                    in.flow = Flow.CALL_INDIRECT;
                } else if (ext == 4 || ext == 5) {
                    in.flow = Flow.JUMP_INDIRECT;
                } else if (ext == 7) {
                    in.flow = Flow.STOP;
                }
            } else if (op == 0x9A) {
                in.flow = Flow.CALL_INDIRECT;
            } else if (op == 0xEA) {
                in.flow = Flow.JUMP_INDIRECT;
            }
        } else if (in.map == 1) {
            int op = in.opcode;
            if (op >= 0x80 && op <= 0x8F) {
                in.flow = Flow.BRANCH;
                in.target = (int) (next + in.imm);
            } else if (op == 0x0B || op == 0xB9 || op == 0xFF) {
                in.flow = Flow.STOP; // UD2, UD1, UD0
            }
        }
    }
}
