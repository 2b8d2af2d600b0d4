package dev.pooltags.leak;

/**
 * The trend test and slope of one stretch of points: Mann–Kendall, widened for serial correlation when the options
 * say so, and Theil–Sen with its interval.
 *
 * @param mk     the trend test
 * @param ts     the slope and its interval
 * @param factor the variance inflation used for serial correlation (1: none)
 */
record TrendPhase(MannKendall.Result mk, TheilSen.Fit ts, double factor) {
    /** Trend test and slope of y[lo..hi) at times t[lo..hi). */
    static TrendPhase of(double[] t, double[] y, int lo, int hi, LeakOptions o) {
        MannKendall.Result plain = MannKendall.test(y, lo, hi, 1.0);
        TheilSen.Slopes slopes = TheilSen.slopes(t, y, lo, hi);
        if (!o.serialCorrelation() || hi - lo < 8) {
            return new TrendPhase(plain, slopes.fit(o.confidence(), plain.variance()), 1.0);
        }
        // detrend with Sen's line (Hamed and Rao), then widen the test by the serial correlation left over
        double b = slopes.slope();
        double a = slopes.intercept();
        double[] r = new double[hi - lo];
        for (int i = lo; i < hi; i++) {
            r[i - lo] = y[i] - (a + b * t[i]);
        }
        double f = MannKendall.serialCorrelationFactor(r, 0, r.length);
        if (f <= 1.0) {
            return new TrendPhase(plain, slopes.fit(o.confidence(), plain.variance()), 1.0);
        }
        MannKendall.Result mk = MannKendall.test(y, lo, hi, f);
        return new TrendPhase(mk, slopes.fit(o.confidence(), mk.variance()), f);
    }

    /** Rising beyond chance at {@code alpha}, with the slope interval above zero. */
    boolean growing(double alpha) {
        return mk.s() > 0 && mk.pIncreasing() < alpha && ts.lower() > 0;
    }

    /** Falling beyond chance at {@code alpha} (two-sided), with the slope interval below zero. */
    boolean shrinking(double alpha) {
        return mk.s() < 0 && mk.pTwoSided() < 2 * alpha && ts.upper() < 0;
    }
}
