package dev.pooltags.trace;

import java.util.Locale;

/**
 * Times in traces: microseconds since the trace began. Reads what people type ({@code 90s}, {@code 1m30s},
 * {@code 200ms}, {@code 2h}, {@code 1:30}, {@code 0:01:30.5}, a plain number of seconds such as {@code 12.5}) and writes
 * {@code H:MM:SS.mmm}.
 */
public final class TraceTime {
    private TraceTime() {}

    /**
     * A duration or time as microseconds.
     *
     * @throws IllegalArgumentException naming the text when it is none of the forms above
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
            long total = 0;
            int i = 0;
            boolean any = false;
            while (i < s.length()) {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                int k = j;
                while (k < s.length() && Character.isLetter(s.charAt(k))) {
                    k++;
                }
                if (j == i || k == j) {
                    throw new NumberFormatException();
                }
                double v = Double.parseDouble(s.substring(i, j));
                double unit = switch (s.substring(j, k)) {
                    case "us" -> 1;
                    case "ms" -> 1e3;
                    case "s", "sec" -> 1e6;
                    case "m", "min" -> 60e6;
                    case "h" -> 3600e6;
                    case "d" -> 86400e6;
                    default -> throw new NumberFormatException();
                };
                total += checked(v * unit, text);
                any = true;
                i = k;
            }
            if (!any) {
                throw new NumberFormatException();
            }
            return total;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time: write 90s, 1m30s, 200ms, 1:30 or 12.5 (seconds)");
        }
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
