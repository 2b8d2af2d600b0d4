package dev.pooltags.report;

import dev.pooltags.leak.TagVerdict;
import java.time.Duration;
import java.time.Instant;

/**
 * A live leak state in a few characters, for {@code top}'s Leak column and the dashboard: the state and how long it
 * has held ({@code LEAK 2m}, {@code likely 40s}, {@code growing 5m}); while too early, an ellipsis and about how much
 * longer the growth must go on ({@code …18s}); blank when stable.
 */
public final class LeakCell {
    private LeakCell() {}

    /** The cell for a state that began at {@code since}, as of {@code now} (either may be null). */
    public static String text(TagVerdict v, Instant since, Instant now) {
        String held = since == null || now == null ? "" : " " + compact(Duration.between(since, now).toMillis() / 1000.0);
        return switch (v.verdict()) {
            case LEAK -> "LEAK" + held;
            case LIKELY_LEAK -> "likely" + held;
            case GROWING -> "growing" + held;
            case EARLY -> "\u2026" + (Double.isFinite(v.secondsToNext()) && v.secondsToNext() > 0
                    ? compact(v.secondsToNext()) : "");
            case STABLE -> "";
        };
    }

    /** 45s, 12m, 3h05m, 2d04h: two units at most, rounded up so "1s" is never shown as "0s". */
    static String compact(double seconds) {
        long s = (long) Math.ceil(Math.max(0, seconds));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        if (s < 86_400) {
            return String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dd%02dh", s / 86_400, s / 3600 % 24);
    }
}
