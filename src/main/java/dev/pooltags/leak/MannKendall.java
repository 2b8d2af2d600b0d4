package dev.pooltags.leak;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Mann–Kendall test for a monotonic trend (Mann 1945; Kendall 1975; as set out in Gilbert 1987, ch. 16).
 *
 * <p>{@code S} counts, over every pair of samples in time order, +1 when the later value is larger and -1 when it
 * is smaller. Under "no trend" S has mean 0 and variance {@code [n(n-1)(2n+5) - sum t(t-1)(2t+5)] / 18}, where
 * each {@code t} is the size of a group of tied values. For n up to 10 without ties the p-value is the exact
 * permutation probability (Kendall's table); otherwise the normal approximation with continuity correction.
 *
 * <p>Serially correlated samples make the plain test overconfident. {@link #test(double[], int, int, double)}
 * takes a variance inflation factor ({@link #serialCorrelationFactor}), after Hamed and Rao (1998): the variance
 * of S is multiplied by n/n*, the ratio of the sample count to the effective sample size.
 */
public final class MannKendall {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** Exact probabilities are used up to this many samples (as Gilbert 1987, Table A18). */
    static final int EXACT_MAX_N = 10;

    /**
     * The test's outcome.
     *
     * @param n           samples
     * @param s           Mann–Kendall S
     * @param variance    variance of S under no trend, ties-corrected and multiplied by the serial factor
     * @param z           the normal score (continuity-corrected); 0 when S is 0
     * @param pIncreasing one-sided p-value against "increasing" (probability of an S this large without trend)
     * @param pTwoSided   two-sided p-value
     * @param tau         Kendall's tau: S / (n(n-1)/2)
     * @param exact       true when the p-values are exact permutation probabilities
     */
    public record Result(int n, long s, double variance, double z, double pIncreasing, double pTwoSided, double tau,
            boolean exact) {
        /** No samples to test: S 0, p 1. */
        static final Result NONE = new Result(0, 0, 0, 0, 1, 1, 0, false);
    }

    private MannKendall() {}

    /** The test over all of {@code y}, samples assumed independent. */
    public static Result test(double[] y) {
        return test(y, 0, y.length, 1.0);
    }

    /**
     * The test over {@code y[from..to)}, with the variance of S multiplied by {@code varianceFactor} (1 for
     * independent samples, {@link #serialCorrelationFactor} for serially correlated ones).
     */
    public static Result test(double[] y, int from, int to, double varianceFactor) {
        int n = to - from;
        if (n < 2) {
            return Result.NONE;
        }
        long s = 0;
        for (int i = from; i < to - 1; i++) {
            double yi = y[i];
            for (int j = i + 1; j < to; j++) {
                double d = y[j] - yi;
                s += d > 0 ? 1 : d < 0 ? -1 : 0;
            }
        }
        double[] sorted = Arrays.copyOfRange(y, from, to);
        Arrays.sort(sorted);
        double tieTerm = 0;
        boolean ties = false;
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            long t = j - i;
            if (t > 1) {
                ties = true;
                tieTerm += t * (t - 1) * (2 * t + 5);
            }
            i = j;
        }
        double nn = n;
        double variance = (nn * (nn - 1) * (2 * nn + 5) - tieTerm) / 18.0 * Math.max(1.0, varianceFactor);
        double tau = s / (nn * (nn - 1) / 2);
        double z = 0;
        if (variance > 0) {
            z = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
        }
        if (!ties && varianceFactor <= 1.0 && n <= EXACT_MAX_N) {
            double up = exactUpperTail(n, s);
            double down = exactUpperTail(n, -s);
            return new Result(n, s, variance, z, up, Math.min(1.0, 2 * Math.min(up, down)), tau, true);
        }
        if (variance <= 0) { // every value tied: no evidence either way
            return new Result(n, s, 0, 0, 1, 1, tau, false);
        }
        // the lower tail at -z keeps tiny p-values that 1 - CDF(z) would round to 0
        double up = NORMAL.cumulativeProbability(-z);
        double two = Math.min(1.0, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
        return new Result(n, s, variance, z, up, two, tau, false);
    }

    /**
     * P(S >= s) for n untied samples in random order. S = n(n-1)/2 - 2 * inversions, and the number of
     * permutations with k inversions is the Mahonian number, built row by row.
     */
    static double exactUpperTail(int n, long s) {
        int maxInv = n * (n - 1) / 2;
        double[] count = new double[maxInv + 1];
        count[0] = 1;
        for (int m = 2; m <= n; m++) { // adding element m can add 0..m-1 inversions
            double[] next = new double[maxInv + 1];
            for (int k = 0; k <= maxInv; k++) {
                if (count[k] == 0) {
                    continue;
                }
                for (int a = 0; a < m && k + a <= maxInv; a++) {
                    next[k + a] += count[k];
                }
            }
            count = next;
        }
        double total = 0;
        double tail = 0;
        for (int k = 0; k <= maxInv; k++) {
            total += count[k];
            if (maxInv - 2L * k >= s) {
                tail += count[k];
            }
        }
        return tail / total;
    }

    /**
     * The variance inflation n/n* for serially correlated samples (Hamed and Rao 1998, eq. 18):
     * {@code 1 + 2 / (n(n-1)(n-2)) * sum_k (n-k)(n-k-1)(n-k-2) rho_k}, where rho_k is the lag-k autocorrelation of
     * the ranks of the residuals (the series with its trend removed), summed over the lags where it is significant
     * at the 5% level (|rho_k| > 1.96/sqrt(n)). Independent samples give 1; the factor is never below 1.
     */
    public static double serialCorrelationFactor(double[] residuals, int from, int to) {
        int n = to - from;
        if (n < 4) {
            return 1.0;
        }
        double[] ranks = ranks(residuals, from, to);
        double mean = (n + 1) / 2.0;
        double c0 = 0;
        for (int i = 0; i < n; i++) {
            ranks[i] -= mean;
            c0 += ranks[i] * ranks[i];
        }
        if (c0 <= 0) {
            return 1.0;
        }
        double limit = 1.96 / Math.sqrt(n);
        double sum = 0;
        for (int k = 1; k < n - 2; k++) {
            double ck = 0;
            for (int i = 0; i + k < n; i++) {
                ck += ranks[i] * ranks[i + k];
            }
            double rho = ck / c0;
            if (Math.abs(rho) > limit) {
                sum += (double) (n - k) * (n - k - 1) * (n - k - 2) * rho;
            }
        }
        double f = 1 + 2 * sum / ((double) n * (n - 1) * (n - 2));
        return Math.max(1.0, f);
    }

    /** Ranks 1..n of v[from..to), ties given their mean rank. */
    static double[] ranks(double[] v, int from, int to) {
        int n = to - from;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[from + a], v[from + b]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && v[from + idx[j]] == v[from + idx[i]]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0; // mean of ranks i+1..j
            for (int k = i; k < j; k++) {
                r[idx[k]] = rank;
            }
            i = j;
        }
        return r;
    }

    /** The standard normal quantile, shared with {@link TheilSen}. */
    static double normalQuantile(double p) {
        return NORMAL.inverseCumulativeProbability(p);
    }
}
