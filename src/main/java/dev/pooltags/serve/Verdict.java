package dev.pooltags.serve;

import java.util.Objects;

/**
 * One row's leak verdict as the dashboard shows it: a short label ({@code LEAK}, {@code suspect}, {@code no leak}),
 * how serious it is (for colour and sorting), and one sentence of evidence.
 *
 * @param label    what the verdict column shows, a word or two
 * @param severity how serious: HIGH (a leak), MEDIUM (suspect), LOW (growing, not yet a leak), NONE (no leak)
 * @param detail   the evidence in one sentence (shown as the cell's tooltip), may be empty
 */
public record Verdict(String label, Severity severity, String detail) {
    public enum Severity { HIGH, MEDIUM, LOW, NONE }

    public Verdict {
        Objects.requireNonNull(label);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(detail);
    }
}
