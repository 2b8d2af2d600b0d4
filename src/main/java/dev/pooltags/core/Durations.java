package dev.pooltags.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way pooltags reads a duration from an argument ({@code top --interval}, {@code serve --interval},
 * {@code record --duration}, the {@code rules} windows, the {@code leaks} thresholds): one or more parts, each a
 * number (a fraction is allowed) and a unit, {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}, {@code w} or
 * {@code y}: {@code 500ms}, {@code 1.5s}, {@code 5m}, {@code 1h30m}, {@code 7d}. A day is 24 hours, a week 7 days and a
 * year 365 days, as in Prometheus, so everything Prometheus accepts reads the same here. A number without a unit is
 * refused: {@code 5} could mean seconds or milliseconds.
 */
public final class Durations {
    private static final String UNIT = "(ms|s|m|h|d|w|y)";
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*" + UNIT);
    private static final Pattern ALL = Pattern.compile("(?:\\d+(?:\\.\\d+)?\\s*" + UNIT + ")+");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private Durations() {}

    /**
     * The duration {@code text} spells.
     *
     * @throws IllegalArgumentException with a sentence naming the text when it is not a positive duration
     */
    public static Duration parse(String text) {
        Duration d = parseNonNegative(text);
        if (d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is zero: a duration must be positive");
        }
        return d;
    }

    /**
     * The same grammar with zero allowed ({@code 0s}): for a length measured from a start that may be the start itself,
     * such as a time on a trace's clock.
     *
     * @throws IllegalArgumentException with a sentence naming the text when it is not a duration
     */
    public static Duration parseNonNegative(String text) {
        String t = text == null ? "" : text.strip();
        if (NUMBER.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: give a unit, such as " + t + "s or "
                    + t + "ms");
        }
        if (!ALL.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 1.5s, 5m, 1h30m or 7d");
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosOf(m.group(2)))));
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new TooLong("'" + text + "' is longer than pooltags can count (292 years)");
        }
        return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** A duration written as the grammar asks but longer than pooltags can count: not a mistake of form. */
    public static final class TooLong extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooLong(String message) {
            super(message);
        }
    }

    private static long nanosOf(String unit) {
        return switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            case "w" -> 7 * 86_400_000_000_000L;
            default -> 365 * 86_400_000_000_000L;
        };
    }
}
