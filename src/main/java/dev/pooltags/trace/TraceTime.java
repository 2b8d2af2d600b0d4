package dev.pooltags.trace;

import dev.pooltags.core.Durations;
import java.util.Locale;

/**
 * Times in traces: microseconds since the trace began, read and written.
 *
 * <p>A time on a trace's clock is not quite a duration argument, and {@link #parseMicros} reads a little more than
 * {@link Durations} for three reasons: it is a clock reading, so it may be written as one ({@code 1:30},
 * {@code 0:01:30.5}: hours, minutes and seconds, the way {@link #format} prints every time in the trace reports, so a
 * time can be copied from a report into {@code trace --window}); a bare number is seconds ({@code 12.5}), the unit in
 * which Windows Performance Analyzer shows trace times, where a bare duration argument is refused because {@code 5}
 * could mean seconds or milliseconds; and zero is a valid time, the trace's start ({@code 0s}, {@code 0}), where a
 * duration must be positive. Everything written with units ({@code 90s}, {@code 1m30s}, {@code 200ms}, {@code 2h})
 * is a length from the start and is read by {@link Durations#parseNonNegative}, the one grammar of durations, so units
 * mean the same here as in every duration argument.
 */
public final class TraceTime {
    private TraceTime() {}

    /**
     * A time as microseconds: a clock reading ({@code 1:30}, {@code 0:01:30.5}), a plain number of seconds
     * ({@code 12.5}) or a length in {@link Durations}' grammar ({@code 90s}, {@code 1m30s}, {@code 200ms}).
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static long parseMicros(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an empty time");
        }
        try {
            if (s.contains(":")) {
                String[] parts = s.split(":");
                if (parts.length > 3) {
                    throw new NumberFormatException();
                }
                double secs = 0;
                for (String p : parts) {
                    secs = secs * 60 + Double.parseDouble(p);
                }
                return checked(secs * 1e6, text);
            }
            if (Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith(".")) {
                return checked(Double.parseDouble(s) * 1e6, text);
            }
        } catch (NumberFormatException e) {
            throw notATime(text);
        }
        long nanos;
        try {
            nanos = Durations.parseNonNegative(s).toNanos();
        } catch (Durations.TooLong e) {
            throw e; // a time in the right form: its own message says what is wrong with it
        } catch (IllegalArgumentException e) {
            throw notATime(text);
        }
        // microseconds, the trace's resolution, rounded half up
        return nanos / 1000 + (nanos % 1000 >= 500 ? 1 : 0);
    }

    private static IllegalArgumentException notATime(String text) {
        return new IllegalArgumentException("'" + text + "' is not a time: write 90s, 1m30s, 200ms, 1:30 or 12.5 (seconds)");
    }

    private static long checked(double micros, String text) {
        if (micros < 0 || micros > 1e17 || Double.isNaN(micros)) {
            throw new IllegalArgumentException("'" + text + "' is out of range");
        }
        return Math.round(micros);
    }

    /** {@code 0:01:30.250} (hours unpadded, milliseconds); {@code -} for an unknown time. */
    public static String format(long micros) {
        if (micros < 0) {
            return "-";
        }
        long ms = micros / 1000;
        return String.format("%d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    /** A length of time for people: {@code 12.5 s}, {@code 3 min 20 s}, {@code 850 ms}. */
    public static String human(long micros) {
        if (micros < 0) {
            return "-";
        }
        if (micros < 1000) {
            return micros + " us";
        }
        if (micros < 1_000_000) {
            return micros / 1000 + " ms";
        }
        if (micros < 60_000_000) {
            return String.format(Locale.ROOT, "%.1f s", micros / 1e6);
        }
        long s = micros / 1_000_000;
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s / 3600 + " h" + (s / 60 % 60 == 0 ? "" : " " + s / 60 % 60 + " min");
    }
}
