package dev.pooltags.pool;

/** How bad a rule's finding is. */
public enum Severity {
    /** The machine stops (a bug check), or would with Driver Verifier. */
    ERROR,
    /** The call fails or memory is corrupted without the system noticing. */
    WARNING,
    /** Legal, but defeats a diagnostic (an untagged allocation). */
    NOTE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
