package dev.pooltags.pool;

import java.util.Locale;

/** The bug check codes the pool rules raise, each with its Microsoft reference page. */
public enum BugCheckCode {
    /** "the current thread is making a bad pool request". */
    BAD_POOL_CALLER(0xC2),
    /** "the driver wrote to an invalid section of the special pool". */
    SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION(0xC1),
    /** "the general bug check code for fatal errors found by Driver Verifier". */
    DRIVER_VERIFIER_DETECTED_VIOLATION(0xC4),
    /** "the system has referenced memory which was earlier freed" (special pool). */
    PAGE_FAULT_IN_FREED_SPECIAL_POOL(0xCC),
    /** "the system accessed memory beyond the end of some driver's pool allocation" (special pool). */
    PAGE_FAULT_BEYOND_END_OF_ALLOCATION(0xCD);

    private final int code;

    BugCheckCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * The Microsoft page that lists the parameters. Each bug check's page is named after its code and its symbolic
     * name: {@code bug-check-0xc2--bad-pool-caller}.
     */
    public String reference() {
        return "https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0x" + Integer.toHexString(code)
                + "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code 0xC2}. */
    public String hex() {
        return String.format("0x%02X", code);
    }
}
