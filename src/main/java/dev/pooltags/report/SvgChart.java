package dev.pooltags.report;

import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A small line chart as inline SVG: one series over time, an optional fitted line and an optional marker, with
 * axes and labelled ticks. Long series are reduced to the lowest and highest value per pixel column, so spikes stay
 * visible and the file stays small. No scripts, no external resources: it renders offline in any browser.
 */
final class SvgChart {
    static final int WIDTH = 460;
    static final int HEIGHT = 210;
    private static final int LEFT = 70;
    private static final int RIGHT = 12;
    private static final int TOP = 24;
    private static final int BOTTOM = 34;

    /** A fitted line from (t0, y0) to (t1, y1). */
    record Line(double t0, double y0, double t1, double y1) {}

    private SvgChart() {}

    /**
     * The chart. {@code t} are seconds since {@code start}, {@code y} the values from index {@code from};
     * {@code yLabel} formats values for the axis, {@code tLabel} formats times.
     */
    static String render(String metric, String title, double[] t, long[] y, int from, Line trend, double marker,
            double unit, DoubleFunction<String> yLabel, DoubleFunction<String> tLabel) {
        int n = t.length;
        double t0 = t[from];
        double t1 = t[n - 1];
        if (t1 <= t0) {
            t1 = t0 + 1;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < n; i++) {
            lo = Math.min(lo, y[i]);
            hi = Math.max(hi, y[i]);
        }
        if (trend != null) {
            lo = Math.min(lo, Math.min(trend.y0(), trend.y1()));
            hi = Math.max(hi, Math.max(trend.y0(), trend.y1()));
        }
        // round ticks in the unit the labels use (MiB ticks for bytes in MiB), not in raw bytes
        double[] ticks = niceTicks(lo / unit, hi / unit, 5);
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] *= unit;
        }
        double ylo = Math.min(lo, ticks[0]);
        double yhi = Math.max(hi, ticks[ticks.length - 1]);
        if (yhi <= ylo) {
            yhi = ylo + 1;
        }
        int pw = WIDTH - LEFT - RIGHT;
        int ph = HEIGHT - TOP - BOTTOM;
        double ft0 = t0;
        double ft1 = t1;
        double fylo = ylo;
        double fyhi = yhi;
        java.util.function.DoubleUnaryOperator xs = v -> LEFT + (v - ft0) / (ft1 - ft0) * pw;
        java.util.function.DoubleUnaryOperator ys = v -> TOP + ph - (v - fylo) / (fyhi - fylo) * ph;

        StringBuilder sb = new StringBuilder(8192);
        sb.append("<svg class=\"chart\" data-metric=\"").append(metric).append("\"")
                .append(" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(LeakHtml.esc(title))
                .append("\">");
        sb.append("<title>").append(LeakHtml.esc(title)).append("</title>");
        sb.append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"15\">").append(LeakHtml.esc(title)).append("</text>");
        sb.append("<g class=\"axes\">");
        for (double v : ticks) {
            double yy = ys.applyAsDouble(v);
            sb.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", LEFT,
                    yy, WIDTH - RIGHT, yy));
            sb.append(String.format(Locale.ROOT, "<text class=\"ytick\" x=\"%d\" y=\"%.1f\">%s</text>", LEFT - 6, yy + 4,
                    LeakHtml.esc(yLabel.apply(v))));
        }
        xTicks(sb, t0, t1, xs, ph, tLabel);
        sb.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, TOP + ph,
                WIDTH - RIGHT, TOP + ph));
        sb.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, TOP, LEFT,
                TOP + ph));
        sb.append("</g>");
        if (!Double.isNaN(marker) && marker > t0 && marker < t1) {
            double xx = xs.applyAsDouble(marker);
            sb.append(String.format(Locale.ROOT, "<line class=\"since\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", xx, TOP,
                    xx, TOP + ph));
        }
        sb.append("<polyline class=\"series\" points=\"");
        points(sb, t, y, from, pw, xs, ys);
        sb.append("\"/>");
        if (trend != null) {
            sb.append(String.format(Locale.ROOT, "<line class=\"trend\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    xs.applyAsDouble(trend.t0()), ys.applyAsDouble(trend.y0()), xs.applyAsDouble(trend.t1()),
                    ys.applyAsDouble(trend.y1())));
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private static void xTicks(StringBuilder sb, double t0, double t1, java.util.function.DoubleUnaryOperator xs, int ph, java.util.function.DoubleFunction<String> tLabel) {
        for (int k = 0; k <= 4; k++) {
            double tv = t0 + (t1 - t0) * k / 4;
            double xx = xs.applyAsDouble(tv);
            sb.append(String.format(Locale.ROOT, "<line class=\"xtickmark\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", xx,
                    TOP + ph, xx, TOP + ph + 4));
            // the first and last labels hang inward so the chart's edges do not clip them
            String anchor = k == 0 ? " style=\"text-anchor:start\"" : k == 4 ? " style=\"text-anchor:end\"" : "";
            sb.append(String.format(Locale.ROOT, "<text class=\"xtick\" x=\"%.1f\" y=\"%d\"%s>%s</text>", xx, TOP + ph + 16,
                    anchor, LeakHtml.esc(tLabel.apply(tv))));
        }
    }

    /** Each pixel column's first, lowest, highest and last value, in time order. */
    private static void points(StringBuilder sb, double[] t, long[] y, int from, int pw,
            java.util.function.DoubleUnaryOperator xs, java.util.function.DoubleUnaryOperator ys) {
        int n = t.length;
        int col = -1;
        int minAt = 0; // the column's lowest value is y[minAt], its highest y[maxAt]
        int maxAt = 0;
        int firstAt = 0;
        int lastAt = 0;
        for (int i = from; i <= n; i++) {
            int c = i < n ? (int) Math.floor(xs.applyAsDouble(t[i])) : Integer.MAX_VALUE;
            if (c != col) {
                if (i > from) {
                    int[] order = {firstAt, minAt, maxAt, lastAt};
                    java.util.Arrays.sort(order);
                    int prev = -1;
                    for (int k : order) {
                        if (k != prev) {
                            sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs.applyAsDouble(t[k]), ys.applyAsDouble(y[k])));
                            prev = k;
                        }
                    }
                }
                if (i == n) {
                    break;
                }
                col = c;
                minAt = i;
                maxAt = i;
                firstAt = i;
            }
            if (y[i] < y[minAt]) {
                minAt = i;
            }
            if (y[i] > y[maxAt]) {
                maxAt = i;
            }
            lastAt = i;
        }
        if (sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
    }

    /** About {@code count} round tick values covering lo..hi (1, 2 or 5 times a power of ten apart). */
    static double[] niceTicks(double lo, double hi, int count) {
        if (hi <= lo) {
            double pad = Math.max(1, Math.abs(lo) * 0.05);
            lo -= pad;
            hi += pad;
        }
        double raw = (hi - lo) / (count - 1);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3 ? 2 * mag : raw / mag < 7 ? 5 * mag : 10 * mag;
        double start = Math.floor(lo / step) * step;
        double end = Math.ceil(hi / step) * step;
        int k = (int) Math.round((end - start) / step) + 1;
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = start + i * step;
        }
        return out;
    }
}
