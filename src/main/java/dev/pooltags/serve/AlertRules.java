package dev.pooltags.serve;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes Prometheus recording and alerting rules over the metrics {@code pooltags serve} exports.
 *
 * <p>Recording rules compute the growth rates once per evaluation ({@code deriv} over the long and the recent
 * window), the pool's predicted size ({@code predict_linear}) and its time to exhaustion. Three alerts use them:
 * <ul>
 *   <li>{@code PoolTagLeak}: a tag's bytes grew faster than the threshold over the long window and still grow at
 *       half that over the recent window, for the hold time. A cache that fills and then levels off stops
 *       matching one recent window after it levels off, so it stays quiet when it warms up in less than
 *       hold time minus the recent window.</li>
 *   <li>{@code PoolGrowing}: the same for the pool as a whole.</li>
 *   <li>{@code PoolExhaustionPredicted}: the pool, extrapolated over the long window, exceeds its limit within the
 *       horizon and is still growing.</li>
 * </ul>
 * The output is deterministic for given options: generated files can be diffed and kept under review.
 */
public final class AlertRules {
    private AlertRules() {}

    public static String yaml(RuleOptions o) {
        String sel = o.selector().isBlank() ? "" : "{" + o.selector().trim().replaceAll(",\\s*$", "") + "}";
        String w = PromDuration.format(o.window());
        String r = PromDuration.format(o.recent());
        String h = PromDuration.format(o.horizon());
        String tagW = "tag:pooltags_tag_bytes:deriv" + w;
        String tagR = "tag:pooltags_tag_bytes:deriv" + r;
        String poolW = "pool:pooltags_pool_bytes:deriv" + w;
        String poolR = "pool:pooltags_pool_bytes:deriv" + r;
        String predicted = "pool:pooltags_pool_bytes:predict_linear" + w + "_" + h;
        String limitText;
        String limitRhs;
        String remaining;
        if (o.poolLimitBytes() > 0) {
            limitText = bytes(o.poolLimitBytes());
            limitRhs = String.valueOf(o.poolLimitBytes());
            remaining = o.poolLimitBytes() + " - pooltags_pool_bytes" + sel;
        } else {
            String frac = number(o.exhaustionFraction());
            limitText = Math.round(o.exhaustionFraction() * 100) + "% of physical memory";
            limitRhs = "ignoring(pool) group_left() (" + frac + " * pooltags_system_memory_total_bytes" + sel + ")";
            remaining = frac + " * pooltags_system_memory_total_bytes" + sel
                    + " - ignoring(pool) group_right() pooltags_pool_bytes" + sel;
        }
        double tagT = o.tagGrowthPerHour();
        double poolT = o.poolGrowthPerHour();

        StringBuilder y = new StringBuilder();
        y.append("# Prometheus rules for the metrics of 'pooltags serve', written by 'pooltags rules'.\n");
        y.append("# Long window ").append(w).append(", recent window ").append(r).append(", alerts hold for ")
                .append(PromDuration.format(o.holdFor())).append(".\n");
        y.append("# Tag leak: over ").append(bytes(o.tagGrowthPerHour())).append("/h for ").append(w)
                .append(" and over ").append(bytes(o.tagGrowthPerHour() / 2)).append("/h for ").append(r).append(".\n");
        y.append("# Pool growth: over ").append(bytes(o.poolGrowthPerHour())).append("/h for ").append(w)
                .append(" and over ").append(bytes(o.poolGrowthPerHour() / 2)).append("/h for ").append(r).append(".\n");
        y.append("# Pool exhaustion: predicted over ").append(limitText).append(" within ").append(h).append(".\n");
        y.append("# Check with: promtool check rules FILE\n");
        y.append("groups:\n");
        y.append("  - name: pooltags.recording\n");
        y.append("    rules:\n");
        record(y, tagW, "deriv(pooltags_tag_bytes" + sel + "[" + w + "])");
        record(y, tagR, "deriv(pooltags_tag_bytes" + sel + "[" + r + "])");
        record(y, poolW, "deriv(pooltags_pool_bytes" + sel + "[" + w + "])");
        record(y, poolR, "deriv(pooltags_pool_bytes" + sel + "[" + r + "])");
        record(y, predicted, "predict_linear(pooltags_pool_bytes" + sel + "[" + w + "], " + o.horizon().toSeconds() + ")");
        record(y, "pool:pooltags_pool_exhaustion_seconds",
                "clamp_min((" + remaining + ") / (" + poolW + " > 0), 0)");
        y.append("  - name: pooltags.alerts\n");
        y.append("    rules:\n");
        alert(y, "PoolTagLeak", tagW + " * 3600 > " + number(tagT) + "\nand\n" + tagR + " * 3600 > " + number(tagT / 2),
                o, "warning",
                "Pool tag {{ $labels.tag }} ({{ $labels.pool }}) keeps growing on {{ $labels.instance }}",
                "Bytes outstanding for pool tag {{ $labels.tag }} in the {{ $labels.pool }} pool (owner: "
                        + "{{ if $labels.owner }}{{ $labels.owner }}{{ else }}unknown{{ end }}) grew "
                        + "{{ $value | humanize1024 }}B per hour over the last " + w + " and are still growing over "
                        + "the last " + r + " (threshold " + bytes(o.tagGrowthPerHour()) + "/h). Record a series and "
                        + "run 'pooltags leaks' on it to see since when and how steadily.");
        alert(y, "PoolGrowing", poolW + " * 3600 > " + number(poolT) + "\nand\n" + poolR + " * 3600 > "
                        + number(poolT / 2), o, "warning",
                "The {{ $labels.pool }} pool keeps growing on {{ $labels.instance }}",
                "The {{ $labels.pool }} pool grew {{ $value | humanize1024 }}B per hour over the last " + w
                        + " and is still growing over the last " + r + " (threshold " + bytes(o.poolGrowthPerHour())
                        + "/h). The PoolTagLeak alerts name the tags.");
        alert(y, "PoolExhaustionPredicted", predicted + " > " + limitRhs + "\nand\n" + poolR + " > 0", o, "critical",
                "The {{ $labels.pool }} pool on {{ $labels.instance }} is predicted to run out within " + h,
                "Extrapolating the last " + w + ", the {{ $labels.pool }} pool reaches {{ $value | humanize1024 }}B "
                        + "within " + h + ", over its limit (" + limitText + "), and it is still growing. "
                        + "pool:pooltags_pool_exhaustion_seconds gives the time left.");
        return y.toString();
    }

    private static void record(StringBuilder y, String name, String expr) {
        y.append("      - record: ").append(name).append('\n');
        y.append("        expr: ").append(expr).append('\n');
    }

    private static void alert(StringBuilder y, String name, String expr, RuleOptions o, String severity, String summary,
            String description) {
        y.append("      - alert: ").append(name).append('\n');
        y.append("        expr: |-\n");
        for (String line : expr.split("\n")) {
            y.append("          ").append(line).append('\n');
        }
        y.append("        for: ").append(PromDuration.format(o.holdFor())).append('\n');
        y.append("        labels:\n");
        Map<String, String> labels = new TreeMap<>(o.labels());
        labels.putIfAbsent("severity", severity);
        for (Map.Entry<String, String> e : labels.entrySet()) {
            y.append("          ").append(e.getKey()).append(": ").append(quote(e.getValue())).append('\n');
        }
        y.append("        annotations:\n");
        y.append("          summary: ").append(quote(summary)).append('\n');
        y.append("          description: ").append(quote(description)).append('\n');
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\x%02X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A number as PromQL reads it: integral values without a fraction. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    /** 1048576 as {@code 1MiB}, 1536 as {@code 1.5KiB}. */
    public static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int i = 0;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + units[i];
    }

    /** Parses {@code 1MiB}, {@code 512KiB}, {@code 2GiB}, {@code 1MB} (= 10^6), or a plain number of bytes. */
    public static long parseBytes(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]i?B|B)?", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size such as 1MiB, 512KiB or 1048576");
        }
        double v = Double.parseDouble(m.group(1));
        String u = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        double f = switch (u) {
            case "KIB" -> 1024d;
            case "MIB" -> 1024d * 1024;
            case "GIB" -> 1024d * 1024 * 1024;
            case "TIB" -> 1024d * 1024 * 1024 * 1024;
            case "KB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "TB" -> 1e12;
            default -> 1;
        };
        return Math.round(v * f);
    }
}
