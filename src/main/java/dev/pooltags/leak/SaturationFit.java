package dev.pooltags.leak;

/**
 * Growth at a steady rate against growth that approaches a level (a warm-up: a queue filling to its working set, a
 * cache whose refills slow as it fills). Both are fitted to a growth phase and compared; the answer is the range of
 * warm-up time constants the data still allow.
 *
 * <p>The warm-up is {@code y = a + c·τ·(1 − e^(−(t − t0)/τ))}: it starts at slope c and approaches the level
 * {@code a + c·τ}; as τ grows it becomes the straight line {@code a + c·(t − t0)}, so the line is the same model
 * with τ = ∞. For each τ of a geometric grid (from 2% to 16,000% of the phase's span) a and c are fitted by least
 * squares. A τ is plausible when its residual sum of squares exceeds the best one by less than the 95% point of
 * χ²(1) times the residual variance, widened by the serial correlation of the residuals (Hamed and Rao's factor, as
 * the trend test uses): a smooth wander about a line says less than independent noise does.
 *
 * <p>{@link Result#tauLower()} is the shortest plausible time constant: every warm-up faster than it is ruled out by
 * the data. A leak verdict asks this to reach a minute or more, so growth that has not yet shown whether it will
 * level off stays "too early". {@link Result#saturating()} says the line itself is ruled out (at 99%, so a leak is
 * not called slowing by chance) and the best warm-up has already lost more than a fifth of its starting rate: growth
 * that is slowing down, not a leak.
 */
public final class SaturationFit {
    /** 95% point of χ² with one degree of freedom: which warm-ups remain plausible. */
    static final double CHI2_1_95 = 3.841458820694124;
    /** 99% point: what it takes to rule the straight line out (a leak is not called slowing by chance). */
    static final double CHI2_1_99 = 6.634896601021214;
    /** Growth whose best warm-up has lost this much of its starting rate, with the line ruled out, is slowing. */
    static final double SLOWING_SLOPE_RATIO = Math.exp(-0.25);
    /** The grid of τ as a share of the phase's span: 0.02 × 1.35^k. */
    private static final double[] GRID = new double[33];

    static {
        for (int k = 0; k < GRID.length; k++) {
            GRID[k] = 0.02 * Math.pow(1.35, k);
        }
    }

    /**
     * The outcome, in the input's time unit.
     *
     * @param tau            best time constant (positive infinity: the line fits best)
     * @param tauLower       shortest plausible time constant; positive infinity when the line is the only
     *                       plausible shape, 0 when the data allow any warm-up (too few points or too noisy)
     * @param linearPlausible the straight line is not ruled out (at 99%)
     * @param level          the level the best warm-up approaches (NaN when the line fits best)
     * @param endSlopeRatio  slope at the end over slope at the start of the best fit (1 for the line)
     * @param factor         the serial-correlation widening used
     */
    public record Result(double tau, double tauLower, boolean linearPlausible, double level, double endSlopeRatio,
            double factor) {
        /**
         * Growth that is levelling off: the line is ruled out and the best warm-up has lost more than a fifth of its
         * starting rate over the phase.
         */
        public boolean saturating() {
            return !linearPlausible && endSlopeRatio < SLOWING_SLOPE_RATIO;
        }

        /** Nothing could be said (fewer than five points). */
        static final Result NONE = new Result(Double.POSITIVE_INFINITY, 0, true, Double.NaN, 1, 1);
    }

    private SaturationFit() {}

    /** Fits y[lo..hi) against t[lo..hi) (t increasing). */
    public static Result fit(double[] t, double[] y, int lo, int hi) {
        int m = hi - lo;
        if (m < 5 || t[hi - 1] <= t[lo]) {
            return Result.NONE;
        }
        double span = t[hi - 1] - t[lo];
        double[] x = new double[m];
        double my = 0;
        for (int i = 0; i < m; i++) {
            x[i] = (t[lo + i] - t[lo]) / span;
            my += y[lo + i];
        }
        my /= m;
        double syy = 0;
        for (int i = 0; i < m; i++) {
            double d = y[lo + i] - my;
            syy += d * d;
        }
        if (syy <= 0) {
            return Result.NONE;
        }
        double[] g = new double[m];
        double[] sse = new double[GRID.length + 1];
        double[] slope = new double[GRID.length + 1];
        double best = Double.POSITIVE_INFINITY;
        int bestAt = GRID.length;
        for (int k = 0; k <= GRID.length; k++) {
            double tau = k < GRID.length ? GRID[k] : Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                g[i] = k < GRID.length ? tau * -Math.expm1(-x[i] / tau) : x[i];
            }
            double[] fit = regress(g, y, lo, m, my, syy);
            sse[k] = fit[0];
            slope[k] = fit[1];
            // only warm-ups that rise toward their level are candidates; the line is always one
            if (k < GRID.length && slope[k] <= 0) {
                sse[k] = Double.POSITIVE_INFINITY;
            }
            if (sse[k] < best - 1e-12 * syy) {
                best = sse[k];
                bestAt = k;
            }
        }
        // residuals of the best fit, for the variance and its serial correlation
        double tauBest = bestAt < GRID.length ? GRID[bestAt] : Double.POSITIVE_INFINITY;
        double a = intercept(x, y, lo, m, tauBest, slope[bestAt]);
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            double gi = bestAt < GRID.length ? tauBest * -Math.expm1(-x[i] / tauBest) : x[i];
            r[i] = y[lo + i] - (a + slope[bestAt] * gi);
        }
        double variance = Math.max(best, 1e-12 * syy) / Math.max(1, m - 3);
        double factor = MannKendall.serialCorrelationFactor(r, 0, m);
        double limit = best + CHI2_1_95 * variance * factor;
        double lower = Double.POSITIVE_INFINITY;
        for (int k = 0; k < GRID.length; k++) {
            if (sse[k] <= limit) {
                lower = GRID[k];
                break;
            }
        }
        boolean linear = sse[GRID.length] <= best + CHI2_1_99 * variance * factor;
        double tauLower = lower == GRID[0] ? 0 : lower * span;
        if (bestAt == GRID.length) {
            return new Result(Double.POSITIVE_INFINITY, tauLower, true, Double.NaN, 1, factor);
        }
        double level = a + slope[bestAt] * tauBest;
        return new Result(tauBest * span, tauLower, linear, level, Math.exp(-1 / tauBest), factor);
    }

    /** Least squares of y on g: {residual sum of squares, slope}. */
    private static double[] regress(double[] g, double[] y, int lo, int m, double my, double syy) {
        double mg = 0;
        for (int i = 0; i < m; i++) {
            mg += g[i];
        }
        mg /= m;
        double sgg = 0;
        double sgy = 0;
        for (int i = 0; i < m; i++) {
            double dg = g[i] - mg;
            sgg += dg * dg;
            sgy += dg * (y[lo + i] - my);
        }
        if (sgg <= 0) {
            return new double[] {syy, 0};
        }
        return new double[] {Math.max(0, syy - sgy * sgy / sgg), sgy / sgg};
    }

    private static double intercept(double[] x, double[] y, int lo, int m, double tau, double c) {
        double s = 0;
        for (int i = 0; i < m; i++) {
            double gi = Double.isInfinite(tau) ? x[i] : tau * -Math.expm1(-x[i] / tau);
            s += y[lo + i] - c * gi;
        }
        return s / m;
    }
}
