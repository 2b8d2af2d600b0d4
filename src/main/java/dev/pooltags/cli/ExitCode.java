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

    /** The exit status with this number. */
    public static ExitCode of(int code) {
        for (ExitCode e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("no exit status " + code);
    }
}
