package dev.pooltags.serve;

import dev.pooltags.core.Durations;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Durations in the spelling Prometheus reads and writes, the form written into rule files: {@code 500ms},
 * {@code 15s}, {@code 6h}, {@code 1h30m}, {@code 7d}, {@code 2w} (a day is 24 hours, a week 7 days, a year 365 days, as
 * in Prometheus). It is a subset of what the command line reads by {@link Durations}, which also takes fractions.
 */
public final class PromDuration {
    private static final Pattern ALL = Pattern.compile("(?:\\d+(?:y|w|d|h|ms|m|s))+");

    private PromDuration() {}

    /**
     * Parses a duration in Prometheus' own spelling only (whole numbers, no spaces); throws
     * {@link IllegalArgumentException} with a readable message when it is not one.
     */
    public static Duration parse(String text) {
        if (text == null || !ALL.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 30s, 5m, 6h, 1h30m or 7d");
        }
        return Durations.parse(text);
    }

    /** The Prometheus spelling in days and smaller units: {@code 6h}, {@code 1h30m}, {@code 7d}, {@code 250ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        StringBuilder sb = new StringBuilder();
        long[] sizes = {86_400_000, 3_600_000, 60_000, 1000, 1};
        String[] units = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms >= sizes[i]) {
                sb.append(ms / sizes[i]).append(units[i]);
                ms %= sizes[i];
            }
        }
        return sb.length() == 0 ? "0s" : sb.toString();
    }
}
