package dev.pooltags.lint;

import java.util.Locale;

/** How bad a finding is; the names are SARIF's levels and the words compilers print. */
public enum Severity {
    NOTE, WARNING, ERROR;

    /** {@code error}, {@code warning}, {@code note}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
