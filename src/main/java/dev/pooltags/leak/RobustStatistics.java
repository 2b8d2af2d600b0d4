package dev.pooltags.leak;

import java.util.Arrays;

/** The robust measures of spread and growth the trend patterns share: MAD scales, tenths that rose, wander. */
final class RobustStatistics {
    private RobustStatistics() {}

    /** Growth is sustained when it rose in at least two thirds of the steps between tenths of its phase. */
    static boolean sustained(int rises, int steps) {
        return 3 * rises >= 2 * steps;
    }

    /**
     * How many of the steps between the medians of consecutive tenths of y[lo..hi) rose, and how many steps there
     * were (fewer than ten parts when there are fewer points).
     */
    static int[] rises(double[] y, int lo, int hi) {
        int m = hi - lo;
        int parts = Math.min(10, m);
        int up = 0;
        double prev = Double.NaN;
        for (int s = 0; s < parts; s++) {
            double med = TheilSen.median(y, lo + s * m / parts, lo + (s + 1) * m / parts);
            if (s > 0 && med > prev) {
                up++;
            }
            prev = med;
        }
        return new int[] {up, Math.max(0, parts - 1)};
    }

    /** The largest rise within y[lo..hi) over at most {@code span} points: how far the tag climbed before. */
    static double largestRise(double[] y, int lo, int hi, int span) {
        double best = 0;
        for (int i = lo; i < hi; i++) {
            for (int k = i + 1; k < hi && k - i <= span; k++) {
                best = Math.max(best, y[k] - y[i]);
            }
        }
        return best;
    }

    /**
     * How far the samples values[lo..hi) stray from a fitted line: the larger of 1.4826 MAD of the residuals and of
     * the changes of the residuals over a quarter of the stretch (over sqrt 2). Independent noise gives the same from
     * both; a count that wanders slowly (a small working set whose allocations live a minute) strays further over a
     * quarter of the stretch than from one sample to the next, and that is the scale a leak must outgrow.
     */
    static double amplitude(double[] t, long[] values, int lo, int hi, TheilSen.Fit fit) {
        int n = hi - lo;
        if (n < 3) {
            return 0;
        }
        double[] r = new double[n];
        for (int i = lo; i < hi; i++) {
            r[i - lo] = values[i] - fit.at(t[i]);
        }
        int lag = Math.max(1, n / 4);
        double[] d = new double[n - lag];
        for (int i = 0; i + lag < n; i++) {
            d[i] = r[i + lag] - r[i];
        }
        double wander = n - lag >= 3 ? 1.4826 * mad(d, n - lag) / Math.sqrt(2) : 0;
        return Math.max(1.4826 * mad(r, n), wander);
    }

    /** 1.4826 MAD of the residuals about the before and after fits (the whole fit when j is 0). */
    static double residualNoise(double[] t, double[] y, int m, int j, TrendPhase before, TrendPhase after) {
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            TheilSen.Fit f = i < j ? before.ts() : after.ts();
            r[i] = y[i] - f.at(t[i]);
        }
        return 1.4826 * mad(r, m);
    }

    /**
     * The noise between neighbouring points: 1.4826 MAD of the first differences over sqrt(2). Zero for a clean
     * staircase; then half the smallest non-zero change, so a single unit is never "noise-free" infinity.
     */
    static double stepNoise(double[] y, int m) {
        double[] d = new double[m - 1];
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m - 1; i++) {
            d[i] = y[i + 1] - y[i];
            double a = Math.abs(d[i]);
            if (a > 0) {
                smallest = Math.min(smallest, a);
            }
        }
        double s = 1.4826 * mad(d, m - 1) / Math.sqrt(2);
        if (s <= 0) {
            s = Double.isFinite(smallest) ? smallest / 2 : 0;
        }
        return s;
    }

    /**
     * The typical change over {@code lag} points: 1.4826 MAD of the lag differences over sqrt(2). A release must be
     * unusual for how long it took: correlated noise wanders far over many points, a release falls in few.
     */
    static double lagNoise(double[] y, int m, int lag, double[] cache) {
        if (lag <= 0 || lag >= m) {
            return 0;
        }
        if (cache[lag] == 0) {
            double[] d = new double[m - lag];
            for (int i = 0; i + lag < m; i++) {
                d[i] = y[i + lag] - y[i];
            }
            cache[lag] = Math.max(Double.MIN_VALUE, 1.4826 * mad(d, m - lag) / Math.sqrt(2));
        }
        return cache[lag];
    }

    static double mad(double[] v, int n) {
        if (n == 0) {
            return 0;
        }
        double med = TheilSen.median(v, 0, n);
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(v[i] - med);
        }
        return TheilSen.median(dev, 0, n);
    }

    /** Samples of t[from..to) at or after {@code since}, counted from the end. */
    static int countFrom(double[] t, int from, int to, double since) {
        int c = 0;
        for (int i = to - 1; i >= from && t[i] >= since; i--) {
            c++;
        }
        return c;
    }

    static double medianInPlace(double[] buf, int len) {
        if (len == 1) {
            return buf[0];
        }
        Arrays.sort(buf, 0, len);
        return len % 2 == 1 ? buf[len / 2] : (buf[len / 2 - 1] + buf[len / 2]) / 2;
    }
}
