package dev.pooltags.leak;

import dev.pooltags.core.Severity;

/** How a tag's usage is judged, strongest first. */
public enum Verdict {
    /** Sustained, significant growth to the end of the series that is never given back. */
    LEAK("leak"),
    /** Growth to the end that looks like a leak, with weaker evidence (few samples, a weaker test, a short phase). */
    LIKELY_LEAK("likely leak"),
    /** Significant growth that does not look like a leak: it levelled off recently, it is released, it is small. */
    GROWING("growing"),
    /**
     * Grows the way a leak would, but not yet for long enough, over enough samples or straight enough to rule out a
     * warm-up, a cache filling up, a step or a slow periodic pattern: too early to judge.
     */
    EARLY("too early"),
    /** No growth that matters: flat, noise, shrinking, a filled cache, a one-off step, released memory. */
    STABLE("stable");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The words shown to people and written in JSON: {@code leak}, {@code likely leak}, ... */
    public String label() {
        return label;
    }

    /**
     * How serious the verdict is, on the scale every finding shares: a leak is an error, a likely leak a warning,
     * growing or too early a note, stable nothing.
     */
    public Severity severity() {
        return switch (this) {
            case LEAK -> Severity.ERROR;
            case LIKELY_LEAK -> Severity.WARNING;
            case GROWING, EARLY -> Severity.NOTE;
            case STABLE -> Severity.NONE;
        };
    }

    /** True when this verdict is at least as strong as {@code gate}. */
    public boolean atLeast(Verdict gate) {
        return ordinal() <= gate.ordinal();
    }

    /** The stronger of two verdicts. */
    public static Verdict stronger(Verdict a, Verdict b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
