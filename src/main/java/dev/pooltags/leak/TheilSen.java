package dev.pooltags.leak;

/**
 * The Theil–Sen slope: the median of the slopes between every pair of samples (Theil 1950, Sen 1968), robust to
 * outliers and to noise that is not normal, with Sen's distribution-free confidence interval.
 *
 * <p>The interval (Sen 1968; Gilbert 1987, section 16.5.1): with N pairwise slopes in order and
 * {@code C = z(1 - alpha/2) * sqrt(Var S)} from the Mann–Kendall variance, the lower limit is the slope of rank
 * {@code round((N - C) / 2)} and the upper limit the slope of rank {@code round((N + C) / 2) + 1}. When a rank
 * falls outside 1..N the interval is unbounded on that side (too few samples for that confidence).
 *
 * <p>Samples with equal times give no slope and are skipped. The intercept is {@code median(y) - slope *
 * median(t)} (Conover 1999), so the line passes through the medians.
 */
public final class TheilSen {
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[1024]);

    /**
     * A fitted line {@code y = intercept + slope * t} and the interval of the slope.
     *
     * @param slope      the median pairwise slope (0 with fewer than two distinct times)
     * @param intercept  the intercept
     * @param lower      lower limit of the slope at {@code confidence} (negative infinity when unbounded)
     * @param upper      upper limit (positive infinity when unbounded)
     * @param confidence the two-sided confidence level of the limits
     * @param pairs      how many pairwise slopes there were
     */
    public record Fit(double slope, double intercept, double lower, double upper, double confidence, long pairs) {
        public double at(double t) {
            return intercept + slope * t;
        }
    }

    private TheilSen() {}

    /** Fits {@code y} against {@code t}, the interval from the untied Mann–Kendall variance of the same samples. */
    public static Fit fit(double[] t, double[] y, double confidence) {
        return fit(t, y, 0, t.length, confidence, MannKendall.test(y).variance());
    }

    /** Fits {@code y[from..to)} against {@code t[from..to)}; {@code varianceOfS} sets the interval's width. */
    public static Fit fit(double[] t, double[] y, int from, int to, double confidence, double varianceOfS) {
        return slopes(t, y, from, to).fit(confidence, varianceOfS);
    }

    /**
     * The pairwise slopes of {@code y[from..to)} against {@code t[from..to)}, computed once so that fits with
     * different interval widths (before and after a serial-correlation correction) do not compute them again. The
     * slopes live in a per-thread buffer: use the result before the next call on the same thread.
     */
    public static Slopes slopes(double[] t, double[] y, int from, int to) {
        int n = to - from;
        long maxPairs = (long) n * (n - 1) / 2;
        if (maxPairs > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many samples for pairwise slopes: " + n);
        }
        double[] q = SCRATCH.get();
        if (q.length < maxPairs) {
            q = new double[(int) Math.max(maxPairs, q.length * 2L)];
            SCRATCH.set(q);
        }
        int np = 0;
        for (int i = from; i < to - 1; i++) {
            double ti = t[i];
            double yi = y[i];
            for (int j = i + 1; j < to; j++) {
                double dt = t[j] - ti;
                if (dt != 0) {
                    q[np++] = (y[j] - yi) / dt;
                }
            }
        }
        return new Slopes(q, np, median(t, from, to), median(y, from, to));
    }

    /** The pairwise slopes of one series, ready for fits at any interval width. */
    public static final class Slopes {
        private final double[] q;
        private final int np;
        private final double medT;
        private final double medY;
        private double slope = Double.NaN;

        Slopes(double[] q, int np, double medT, double medY) {
            this.q = q;
            this.np = np;
            this.medT = medT;
            this.medY = medY;
        }

        /** The median slope alone (0 without pairs): what detrending needs, without the interval's selections. */
        public double slope() {
            if (np == 0) {
                return 0;
            }
            if (Double.isNaN(slope)) {
                int mid = np / 2;
                if (np % 2 == 1) {
                    slope = select(q, 0, np - 1, mid);
                } else {
                    double hi = select(q, 0, np - 1, mid);
                    double lo = max(q, 0, mid); // after selection everything left of mid is <= q[mid]
                    slope = (lo + hi) / 2;
                }
            }
            return slope;
        }

        /** The line through the medians with the median slope. */
        public double intercept() {
            return medY - slope() * medT;
        }

        /** The median slope and the interval for a Mann–Kendall variance of {@code varianceOfS}. */
        public Fit fit(double confidence, double varianceOfS) {
            if (np == 0) {
                return new Fit(0, medY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, confidence, 0);
            }
            int mid = np / 2;
            slope();
            double c = MannKendall.normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(Math.max(0, varianceOfS));
            long lowerRank = Math.round((np - c) / 2);
            long upperRank = Math.round((np + c) / 2) + 1;
            // the median selection left the mid+1 smallest slopes in q[0..mid] and the rest above it
            double atMid = q[mid];
            int lo = (int) lowerRank - 1;
            int hi = (int) upperRank - 1;
            double lower = lowerRank < 1 ? Double.NEGATIVE_INFINITY
                    : lo >= mid ? atMid : select(q, 0, mid - 1, lo);
            double upper = upperRank > np ? Double.POSITIVE_INFINITY
                    : hi <= mid ? atMid : select(q, mid + 1, np - 1, hi);
            return new Fit(slope, medY - slope * medT, lower, upper, confidence, np);
        }
    }

    /** Median of {@code v[from..to)} (mean of the two middle values for an even count); v is not changed. */
    public static double median(double[] v, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return Double.NaN;
        }
        double[] c = java.util.Arrays.copyOfRange(v, from, to);
        if (n % 2 == 1) {
            return select(c, 0, n - 1, n / 2);
        }
        double hi = select(c, 0, n - 1, n / 2);
        return (max(c, 0, n / 2) + hi) / 2;
    }

    private static double max(double[] a, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    /**
     * The k-th smallest (0-based) of {@code a[lo..hi]}, which is reordered so that a[k] holds it, smaller values
     * lie left of k and larger right (Hoare's selection with median-of-three pivots).
     */
    static double select(double[] a, int lo, int hi, int k) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot, which keeps sorted and reverse-sorted runs linear
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
