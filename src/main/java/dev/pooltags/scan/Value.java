package dev.pooltags.scan;

/**
 * What the decoders know about a register or stack slot, packed in a {@code long} so the per-instruction work
 * allocates nothing. The top four bits say the kind:
 * <ul>
 *   <li>{@code CONST}: the low 32 bits are known (origin: an immediate, read-only data, or arithmetic on those);</li>
 *   <li>{@code PARAM}: the function's own parameter n, unchanged (x86: 4-byte stack slot n);</li>
 *   <li>{@code IMPORT}: the address of an imported routine, loaded from its slot (payload: slot RVA);</li>
 *   <li>{@code ADDR}: a known address in the image (payload: RVA);</li>
 *   <li>{@code STACK}: an address in the function's stack frame (payload: offset from the entry stack pointer,
 *       and an epoch that changes when the stack pointer is lost, so slots of different epochs never mix);</li>
 *   <li>{@code PARAM_OR_DATA}: the function's parameter n on one path, the value of writable data (payload: its RVA)
 *       on another: a wrapper that lets a global setting replace the caller's tag;</li>
 *   <li>{@code UNKNOWN}: with the reason it is not known (payload: a {@link Why} and, for writable data, the RVA).</li>
 * </ul>
 */
final class Value {
    static final int UNKNOWN = 0;
    static final int CONST = 1;
    static final int PARAM = 2;
    static final int IMPORT = 3;
    static final int ADDR = 4;
    static final int STACK = 5;
    static final int PARAM_OR_DATA = 6;

    /** Why a value is unknown: the reason a call's tag could not be recovered. */
    enum Why {
        COMPUTED("computed"),
        WRITABLE("writable data"),
        MEMORY("loaded from memory not followed"),
        CALL_RESULT("returned by a call"),
        PATHS("differs by path"),
        ENTRY("unknown where the code is entered"),
        ADDRESS("an address, not a constant");

        final String text;

        Why(String text) {
            this.text = text;
        }
    }

    /** CONST origins. */
    static final int IMMEDIATE = 0;
    static final int READ_ONLY = 1;

    private static final Why[] WHYS = Why.values();

    private Value() {}

    static int kind(long v) {
        return (int) (v >>> 60);
    }

    static long unknown(Why why) {
        return why.ordinal();
    }

    static long writable(int rva) {
        return (Integer.toUnsignedLong(rva) << 8) | Why.WRITABLE.ordinal();
    }

    static Why why(long v) {
        return WHYS[(int) (v & 0xFF)];
    }

    static int whyRva(long v) {
        return (int) (v >>> 8);
    }

    static long constant(int value, int origin) {
        return (long) CONST << 60 | (long) origin << 32 | Integer.toUnsignedLong(value);
    }

    static int constValue(long v) {
        return (int) v;
    }

    static int constOrigin(long v) {
        return (int) (v >>> 32 & 0xF);
    }

    static long param(int index) {
        return (long) PARAM << 60 | index;
    }

    static int paramIndex(long v) {
        return (int) (v & 0xFFFF);
    }

    static long paramOrData(int index, int rva) {
        return (long) PARAM_OR_DATA << 60 | Integer.toUnsignedLong(rva) << 16 | (index & 0xFFFF);
    }

    /** The writable data's RVA of a PARAM_OR_DATA value. */
    static int dataRva(long v) {
        return (int) (v >>> 16);
    }

    /** True for values that carry the function's parameter on every path (alone, or with writable data). */
    static boolean isParam(long v) {
        return kind(v) == PARAM || kind(v) == PARAM_OR_DATA;
    }

    static long imported(int slotRva) {
        return (long) IMPORT << 60 | Integer.toUnsignedLong(slotRva);
    }

    static long addr(long rva) {
        return (long) ADDR << 60 | (rva & 0xFFFFFFFFFL);
    }

    /** The RVA of an ADDR value (sign-extended from 36 bits, so addresses below the image stay negative). */
    static long addrRva(long v) {
        return v << 28 >> 28;
    }

    static long stack(int offset, int epoch) {
        return (long) STACK << 60 | (long) (epoch & 0xFFFF) << 32 | Integer.toUnsignedLong(offset);
    }

    static int stackOffset(long v) {
        return (int) v;
    }

    static int stackEpoch(long v) {
        return (int) (v >>> 32 & 0xFFFF);
    }

    static boolean isConst(long v) {
        return kind(v) == CONST;
    }

    /** Where two paths meet: the value when both agree, else unknown. */
    static long meet(long a, long b) {
        if (a == b) {
            return a;
        }
        if (kind(a) == CONST && kind(b) == CONST && constValue(a) == constValue(b)) {
            return constant(constValue(a), Math.max(constOrigin(a), constOrigin(b)));
        }
        if (kind(a) == UNKNOWN && kind(b) == UNKNOWN && why(a) == why(b)) {
            return a;
        }
        // a parameter on one path and writable data on the other: a wrapper whose tag a global setting can replace
        long p = kind(a) == PARAM || kind(a) == PARAM_OR_DATA ? a : b;
        long o = p == a ? b : a;
        if (kind(p) == PARAM && kind(o) == UNKNOWN && why(o) == Why.WRITABLE) {
            return paramOrData(paramIndex(p), whyRva(o));
        }
        if (kind(p) == PARAM_OR_DATA && (kind(o) == PARAM && paramIndex(o) == paramIndex(p)
                || kind(o) == UNKNOWN && why(o) == Why.WRITABLE && whyRva(o) == dataRva(p))) {
            return p;
        }
        return unknown(Why.PATHS);
    }

    /** The value plus a constant, when that is still something known. */
    static long plus(long v, long delta) {
        switch (kind(v)) {
            case CONST:
                return constant((int) (constValue(v) + delta), constOrigin(v));
            case ADDR:
                return addr(addrRva(v) + delta);
            case STACK:
                return stack((int) (stackOffset(v) + delta), stackEpoch(v));
            default:
                return kind(v) == UNKNOWN ? v : unknown(Why.COMPUTED);
        }
    }
}
