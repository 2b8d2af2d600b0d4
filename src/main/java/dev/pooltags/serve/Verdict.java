package dev.pooltags.serve;

import dev.pooltags.core.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One row's leak verdict as the dashboard and the metrics show it: a short label ({@code LEAK 2m},
 * {@code likely 40s}, {@code …18s}), how serious it is (for colour), one sentence of evidence, and, from pooltags'
 * own leak analysis, the state as a number with its score and the rank key.
 *
 * @param label    what the verdict column shows, a word or two
 * @param severity how serious: ERROR (a leak), WARNING (likely), NOTE (growing or too early), NONE (no leak)
 * @param detail   the evidence in one sentence (shown as the cell's tooltip), may be empty
 * @param level    the leak state as a number for {@code pooltags_tag_leak_verdict}: 0 stable, 1 too early,
 *                 2 growing, 3 likely leak, 4 leak; -1 when the provider has no such state
 * @param score    0 to 100, how strong the evidence is (NaN without)
 * @param rank     evidence times size (score share times bytes per hour of growth), what rows are sorted by
 */
public record Verdict(String label, Severity severity, String detail, int level, double score, double rank) {
    /** Names of the levels of {@code pooltags_tag_leak_verdict}, 0 to 4. */
    public static final List<String> LEVELS = List.of("stable", "too early", "growing", "likely leak",
            "leak");

    public Verdict {
        Objects.requireNonNull(label);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(detail);
        if (level < -1 || level >= LEVELS.size()) {
            throw new IllegalArgumentException("level " + level + " is not -1..4");
        }
    }

    /** A verdict of another analysis: no level, score or rank. */
    public Verdict(String label, Severity severity, String detail) {
        this(label, severity, detail, -1, Double.NaN, 0);
    }
}
