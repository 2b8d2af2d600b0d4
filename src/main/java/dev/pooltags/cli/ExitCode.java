package dev.pooltags.cli;

/**
 * The exit status of a command, as the README documents them, in the order of their numbers (the number is the
 * position: 0 success, 1 findings, 2 usage, 3 input, 4 environment, 5 internal).
 */
public enum ExitCode {
    /** 0: success. */
    OK,
    /** 1: findings above the gate: unknown tags, leaks, lint errors, violations. */
    FINDINGS,
    /** 2: wrong arguments. */
    USAGE,
    /** 3: bad input: missing, unreadable or malformed file. */
    INPUT,
    /** 4: the environment cannot provide it: not Windows, no privilege, no live source. */
    ENVIRONMENT,
    /** 5: a bug in pooltags. */
    INTERNAL;

    /** The number the process exits with. */
    public int code() {
        return ordinal();
    }

    /** The exit status with this number. */
    public static ExitCode of(int code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("no exit status " + code);
        }
        return values()[code];
    }
}
