package dev.pooltags.leak;

/**
 * The step and plateau detector: which of three simple shapes explains a series best, by least squares and the
 * Bayesian information criterion (BIC = m ln(SSE/m) + k ln m).
 *
 * <ul>
 *   <li>a straight line (k = 2): steady growth, or none;</li>
 *   <li>a step (k = 3: two levels and where the step is): a one-off jump, level before and after;</li>
 *   <li>a bend (k = 4: a continuous line whose slope changes once, plus where): growth that levels off (a cache
 *       filling up), or a level that starts to grow (a leak that began during the window).</li>
 * </ul>
 *
 * A step or bend is only believed when its BIC is lower than the line's by at least the evidence margin; a
 * straight line is the default explanation. The breakpoint is searched over every sample that leaves at least
 * {@code minSegment} samples on each side, in O(m) with running sums.
 */
public final class ShapeFit {
    /** Which shape won. */
    public enum Kind { LINE, STEP, BEND }

    /**
     * The outcome.
     *
     * @param kind     the shape believed
     * @param index    the first sample after the step or bend (0 for a line)
     * @param bicLine  BIC of the line
     * @param bicStep  BIC of the best step (+infinity when the series is too short to place one)
     * @param bicBend  BIC of the best bend
     * @param slopeBefore slope of the bend's first part (in y units per time unit of the input), NaN unless BEND
     * @param slopeAfter  slope after the bend, NaN unless BEND
     */
    public record Result(Kind kind, int index, double bicLine, double bicStep, double bicBend, double slopeBefore,
            double slopeAfter) {}

    private ShapeFit() {}

    /** Fits {@code y} against {@code t} (both of length m, t increasing). */
    public static Result fit(double[] t, double[] y, int m, int minSegment, double evidence) {
        if (m < 4) {
            return new Result(Kind.LINE, 0, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN);
        }
        Sums z = Sums.of(t, y, m);
        double[] x = z.x();
        double[] sx = z.sx();
        double[] sxx = z.sxx();
        double[] sy = z.sy();
        double[] syy = z.syy();
        double[] sxy = z.sxy();
        double floor = 1e-9 * m; // a perfect fit: keeps ln finite, ties resolved toward the simpler shape
        double sseLine = lineSse(m, sx[m], sxx[m], sy[m], syy[m], sxy[m]);
        double bicLine = bic(m, sseLine, floor, 2);

        double bestStep = Double.POSITIVE_INFINITY;
        int stepAt = -1;
        double bestBend = Double.POSITIVE_INFINITY;
        int bendAt = -1;
        double[] bendBeta = null;
        int lo = Math.max(2, minSegment);
        int hi = m - Math.max(2, minSegment);
        for (int j = lo; j <= hi; j++) {
            // step: two means, split before sample j
            double nl = j;
            double nr = m - j;
            double sl = sy[j];
            double sr = sy[m] - sy[j];
            double sse = syy[m] - sl * sl / nl - sr * sr / nr;
            if (sse < bestStep) {
                bestStep = sse;
                stepAt = j;
            }
            // bend at x[j]: y = a + b1 x + b2 (x - k)+
            double k = x[j];
            double c = m - j;
            double su = (sx[m] - sx[j]) - k * c;
            double suu = (sxx[m] - sxx[j]) - 2 * k * (sx[m] - sx[j]) + k * k * c;
            double sxu = (sxx[m] - sxx[j]) - k * (sx[m] - sx[j]);
            double suy = (sxy[m] - sxy[j]) - k * (sy[m] - sy[j]);
            double[] beta = solve3(m, sx[m], su, sxx[m], sxu, suu, sy[m], sxy[m], suy);
            if (beta != null) {
                double bendSse = syy[m] - (beta[0] * sy[m] + beta[1] * sxy[m] + beta[2] * suy);
                if (bendSse < bestBend) {
                    bestBend = bendSse;
                    bendAt = j;
                    bendBeta = beta;
                }
            }
        }
        double bicStep = stepAt < 0 ? Double.POSITIVE_INFINITY : bic(m, bestStep, floor, 3);
        double bicBend = bendAt < 0 ? Double.POSITIVE_INFINITY : bic(m, bestBend, floor, 4);
        Kind kind = Kind.LINE;
        int index = 0;
        double best = bicLine - evidence;
        if (bicStep < best && bicStep <= bicBend) {
            kind = Kind.STEP;
            index = stepAt;
        } else if (bicBend < best) {
            kind = Kind.BEND;
            index = bendAt;
        }
        double before = Double.NaN;
        double after = Double.NaN;
        if (kind == Kind.BEND) {
            double unit = z.scale() / z.span(); // back from normalized units
            before = bendBeta[1] * unit;
            after = (bendBeta[1] + bendBeta[2]) * unit;
        }
        return new Result(kind, index, bicLine, bicStep, bicBend, before, after);
    }

    private static double bic(int m, double sse, double floor, int k) {
        return m * Math.log(Math.max(sse, floor) / m) + k * Math.log(m);
    }

    private static double lineSse(int m, double sx, double sxx, double sy, double syy, double sxy) {
        double d = m * sxx - sx * sx;
        if (d <= 0) {
            return syy - sy * sy / m;
        }
        double b = (m * sxy - sx * sy) / d;
        double a = (sy - b * sx) / m;
        return Math.max(0, syy - a * sy - b * sxy);
    }

    /** Solves the symmetric normal equations [[n,sx,su],[sx,sxx,sxu],[su,sxu,suu]] beta = [sy,sxy,suy]. */
    private static double[] solve3(double n, double sx, double su, double sxx, double sxu, double suu, double sy,
            double sxy, double suy) {
        double det = n * (sxx * suu - sxu * sxu) - sx * (sx * suu - sxu * su) + su * (sx * sxu - sxx * su);
        if (Math.abs(det) < 1e-12) {
            return null;
        }
        double a = (sy * (sxx * suu - sxu * sxu) - sx * (sxy * suu - sxu * suy) + su * (sxy * sxu - sxx * suy)) / det;
        double b = (n * (sxy * suu - suy * sxu) - sy * (sx * suu - sxu * su) + su * (sx * suy - sxy * su)) / det;
        double c = (n * (sxx * suy - sxu * sxy) - sx * (sx * suy - sxy * su) + sy * (sx * sxu - sxx * su)) / det;
        return new double[] {a, b, c};
    }

    /**
     * The points in normalized units (time 0..1, values centred and scaled) and their prefix sums (index i holds the
     * sum over [0, i)), from which every line, step and bend fit is a handful of operations.
     */
    private record Sums(double[] x, double[] sx, double[] sxx, double[] sy, double[] syy, double[] sxy, double scale,
            double span) {
        static Sums of(double[] t, double[] y, int m) {
            // normalized units so the sums do not lose precision
            double t0 = t[0];
            double span = t[m - 1] - t0;
            if (span <= 0) {
                span = 1;
            }
            double mean = 0;
            for (int i = 0; i < m; i++) {
                mean += y[i];
            }
            mean /= m;
            double var = 0;
            for (int i = 0; i < m; i++) {
                var += (y[i] - mean) * (y[i] - mean);
            }
            double scale = var > 0 ? Math.sqrt(var / m) : 1;
            double[] x = new double[m];
            double[] v = new double[m];
            for (int i = 0; i < m; i++) {
                x[i] = (t[i] - t0) / span;
                v[i] = (y[i] - mean) / scale;
            }
            // prefix sums: index i holds the sum over [0, i)
            double[] sx = new double[m + 1];
            double[] sxx = new double[m + 1];
            double[] sy = new double[m + 1];
            double[] syy = new double[m + 1];
            double[] sxy = new double[m + 1];
            for (int i = 0; i < m; i++) {
                sx[i + 1] = sx[i] + x[i];
                sxx[i + 1] = sxx[i] + x[i] * x[i];
                sy[i + 1] = sy[i] + v[i];
                syy[i + 1] = syy[i] + v[i] * v[i];
                sxy[i + 1] = sxy[i] + x[i] * v[i];
            }
            return new Sums(x, sx, sxx, sy, syy, sxy, scale, span);
        }
    }
}
