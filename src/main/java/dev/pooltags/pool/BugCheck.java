package dev.pooltags.pool;

import java.util.Objects;

/**
 * A bug check as the machine would raise it: the code and its four parameters with the documented meaning of this
 * combination (for 0xC2 and 0xC4 parameter 1 names the violation; for 0xC1 it is parameter 4).
 *
 * @param code    the bug check
 * @param p1      parameter 1
 * @param p2      parameter 2
 * @param p3      parameter 3
 * @param p4      parameter 4
 * @param meaning the documented "Cause of Error" for these parameters
 */
public record BugCheck(BugCheckCode code, long p1, long p2, long p3, long p4, String meaning) {
    public BugCheck {
        Objects.requireNonNull(code);
        Objects.requireNonNull(meaning);
    }

    /** The parameter that names the kind of violation: 4 for 0xC1, 1 otherwise. */
    public long subcode() {
        return code == BugCheckCode.SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION ? p4 : p1;
    }

    /** {@code 0xC2/0x0A}: the code and the parameter that says what happened. */
    public String shortText() {
        if (code == BugCheckCode.PAGE_FAULT_BEYOND_END_OF_ALLOCATION || code == BugCheckCode.PAGE_FAULT_IN_FREED_SPECIAL_POOL) {
            return code.hex();
        }
        return code.hex() + String.format("/0x%02X", subcode());
    }

    /** {@code 0xC2 BAD_POOL_CALLER (0x000000000000000A, 0xFFFFA08000001010, 0x...,0x...)} as WinDbg lists the arguments. */
    public String text() {
        return code.hex() + " " + code.name() + String.format(" (0x%X, 0x%X, 0x%X, 0x%X)", p1, p2, p3, p4);
    }
}
