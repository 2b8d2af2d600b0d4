package dev.pooltags.pool;

/** The bug check codes the pool rules raise, each with its Microsoft reference page. */
public enum BugCheckCode {
    /** "the current thread is making a bad pool request". */
    BAD_POOL_CALLER(0xC2, "https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc2--bad-pool-caller"),
    /** "the driver wrote to an invalid section of the special pool". */
    SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION(0xC1,
            "https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc1--special-pool-detected-memory-corruption"),
    /** "the general bug check code for fatal errors found by Driver Verifier". */
    DRIVER_VERIFIER_DETECTED_VIOLATION(0xC4,
            "https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc4--driver-verifier-detected-violation"),
    /** "the system has referenced memory which was earlier freed" (special pool). */
    PAGE_FAULT_IN_FREED_SPECIAL_POOL(0xCC,
            "https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xcc--page-fault-in-freed-special-pool"),
    /** "the system accessed memory beyond the end of some driver's pool allocation" (special pool). */
    PAGE_FAULT_BEYOND_END_OF_ALLOCATION(0xCD,
            "https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xcd--page-fault-beyond-end-of-allocation");

    private final int code;
    private final String reference;

    BugCheckCode(int code, String reference) {
        this.code = code;
        this.reference = reference;
    }

    public int code() {
        return code;
    }

    /** The Microsoft page that lists the parameters. */
    public String reference() {
        return reference;
    }

    /** {@code 0xC2}. */
    public String hex() {
        return String.format("0x%02X", code);
    }
}
