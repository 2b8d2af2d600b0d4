package dev.pooltags.cli;

/** The exit status of a command, as the README documents them; {@link Main} holds the same numbers as constants. */
public enum ExitCode {
    /** Success. */
    OK(Main.OK),
    /** Findings above the gate: unknown tags, leaks, lint errors, violations. */
    FINDINGS(Main.FINDINGS),
    /** Wrong arguments. */
    USAGE(Main.USAGE),
    /** Bad input: missing, unreadable or malformed file. */
    INPUT(Main.INPUT),
    /** The environment cannot provide it: not Windows, no privilege, no live source. */
    ENVIRONMENT(Main.ENVIRONMENT),
    /** A bug in pooltags. */
    INTERNAL(Main.INTERNAL);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The number the process exits with. */
    public int code() {
        return code;
    }

    /** {@link #OK} when {@code ok}, else {@link #FINDINGS}: the gate of the commands that report findings. */
    public static ExitCode findingsUnless(boolean ok) {
        return ok ? OK : FINDINGS;
    }
}
