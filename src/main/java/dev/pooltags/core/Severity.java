package dev.pooltags.core;

import java.util.Locale;

/**
 * How bad a finding is, for every kind of finding: lint findings, violations of the pool model's rules and leak
 * verdicts. The names are SARIF's levels and the words compilers print; the order runs from harmless to worst, so
 * {@link #atLeast} is a gate.
 */
public enum Severity {
    /** Nothing wrong (a stable tag). */
    NONE,
    /** Legal, but defeats a diagnostic (an untagged allocation), or too early to tell (a growing tag). */
    NOTE,
    /** Wrong, but the system does not stop: a call that fails, memory corrupted unnoticed, a likely leak. */
    WARNING,
    /** The machine stops (a bug check, or would with Driver Verifier), code that cannot be right, a leak. */
    ERROR;

    /** {@code error}, {@code warning}, {@code note}, {@code none}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
