package dev.pooltags.leak;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How amounts, rates, durations and times are written in explanations and reports: short, fixed, no locale. */
public final class Quantity {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Quantity() {}

    /** Bytes in binary units: {@code 512 B}, {@code 4.0 KiB}, {@code 52.3 MiB}, signed when {@code signed}. */
    public static String bytes(double b, boolean signed) {
        String sign = signed && b > 0 ? "+" : b < 0 ? "-" : "";
        double a = Math.abs(b);
        String s;
        if (a < 1024) {
            s = String.format(Locale.ROOT, "%.0f B", a);
        } else if (a < 1024 * 1024) {
            s = String.format(Locale.ROOT, "%.1f KiB", a / 1024);
        } else if (a < 1024.0 * 1024 * 1024) {
            s = String.format(Locale.ROOT, "%.1f MiB", a / 1024 / 1024);
        } else {
            s = String.format(Locale.ROOT, "%.2f GiB", a / 1024 / 1024 / 1024);
        }
        return sign + s;
    }

    /** A count with thousands separators; fractions shown to one place below 100. */
    public static String count(double c, boolean signed) {
        String sign = signed && c > 0 ? "+" : c < 0 ? "-" : "";
        double a = Math.abs(c);
        String s = a < 100 && a != Math.rint(a) ? String.format(Locale.ROOT, "%.1f", a)
                : String.format(Locale.ROOT, "%,.0f", a);
        return sign + s;
    }

    /** An amount of a metric: bytes in binary units, allocations as a count with the word. */
    public static String of(Metric m, double v, boolean signed) {
        return m == Metric.BYTES ? bytes(v, signed) : count(v, signed) + (Math.abs(v) == 1 ? " allocation" : " allocations");
    }

    /** A rate per hour of a metric. */
    public static String rate(Metric m, double perHour) {
        return (m == Metric.BYTES ? bytes(perHour, true) : count(perHour, true)) + "/h";
    }

    /** A duration: {@code 45s}, {@code 12m 05s}, {@code 6h 00m}, {@code 4d 21h}. */
    public static String duration(double seconds) {
        long s = Math.round(Math.abs(seconds));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86400) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", s / 86400, (s % 86400) / 3600);
    }

    /** A point in time, UTC, to the second. */
    public static String time(Instant t) {
        return TIME.format(t);
    }

    /** A p-value: {@code p = 0.042}, {@code p < 1e-12}. */
    public static String p(double p) {
        if (p < 1e-12) {
            return "p < 1e-12";
        }
        if (p < 0.001) {
            return String.format(Locale.ROOT, "p = %.1e", p);
        }
        return String.format(Locale.ROOT, "p = %.3f", p);
    }
}
