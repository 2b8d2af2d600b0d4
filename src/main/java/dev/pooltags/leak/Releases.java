package dev.pooltags.leak;

/**
 * The release detector: drops that give back at least the release share of the rise before them and exceed the
 * sample noise (a sawtooth, a cleanup). A state machine follows each rise from its trough to its peak. When the
 * releases decide the window ({@link #decide}), the troughs between them are measured for
 * {@link SawtoothPattern} and {@link RisingFloorPattern}.
 *
 * @param peaks          the point of the peak before each release
 * @param count          releases found
 * @param largestRelease the largest amount given back in one drop
 */
record Releases(int[] peaks, int count, double largestRelease) {

    static Releases find(TrendWindow w) {
        LeakOptions o = w.options();
        double[] y = w.y();
        int m = w.m();
        double minDrop = Math.max(o.releaseNoise() * w.stepNoise(), w.minGrowth() / 2.0);
        double[] lagNoise = new double[m]; // per lag, computed when first needed
        int[] peaks = new int[m];
        int releases = 0;
        double largestRelease = 0;
        double trough = y[0];
        double peak = y[0];
        int peakAt = 0;
        for (int i = 1; i < m; i++) {
            if (y[i] > peak) {
                peak = y[i];
                peakAt = i;
            }
            double rise = peak - trough;
            double drop = peak - y[i];
            if (rise >= minDrop && drop >= Math.max(o.releaseShare() * rise, minDrop)
                    && (m < TrendWindow.SHORT
                            || drop >= o.releaseNoise() * RobustStatistics.lagNoise(y, m, i - peakAt, lagNoise))) {
                peaks[releases++] = peakAt;
                largestRelease = Math.max(largestRelease, drop);
                trough = y[i];
                peak = y[i];
                peakAt = i;
            } else if (y[i] < trough) {
                trough = y[i];
                peak = y[i];
                peakAt = i;
            }
        }
        return new Releases(peaks, releases, largestRelease);
    }

    /**
     * Releases only decide when they gave back at least the release share of what the series gained overall; smaller
     * drops inside a growing series are noise (or a partial cleanup) on top of the growth.
     */
    boolean decide(TrendWindow w) {
        return count > 0 && largestRelease >= w.options().releaseShare() * Math.max(0, w.endLevel() - w.startLevel());
    }

    /**
     * The cycles between releases: the lowest point of each (its trough), the highest peak, and the final cycle from
     * the lowest point after the last release.
     *
     * @param troughT      time of each cycle's trough
     * @param troughY      value of each cycle's trough
     * @param highestPeak  the highest peak before a release
     * @param lastTroughAt the lowest point after the last release
     * @param finalCycle   trend and slope from there to the end
     */
    record Cycles(double[] troughT, double[] troughY, double highestPeak, int lastTroughAt, TrendPhase finalCycle) {
        int count() {
            return troughY.length;
        }

        /** How far the floor rose from the first trough to the last. */
        double floorRise() {
            return troughY[troughY.length - 1] - troughY[0];
        }
    }

    Cycles cycles(TrendWindow w) {
        double[] y = w.y();
        double[] tt = w.tt();
        int m = w.m();
        int cycles = count + 1;
        double[] troughT = new double[cycles];
        double[] troughY = new double[cycles];
        double highestPeak = Double.NEGATIVE_INFINITY;
        int lo = 0;
        for (int c = 0; c < cycles; c++) {
            int hi = c < count ? peaks[c] + 1 : m;
            int at = lo;
            for (int i = lo; i < hi; i++) {
                if (y[i] < y[at]) {
                    at = i;
                }
            }
            troughT[c] = tt[at];
            troughY[c] = y[at];
            if (c < count) {
                highestPeak = Math.max(highestPeak, y[peaks[c]]);
                lo = peaks[c] + 1;
            }
        }
        int lastPeak = peaks[count - 1];
        // the final cycle: from the lowest point after the last release
        int lastTroughAt = lastPeak + 1;
        for (int i = lastPeak + 1; i < m; i++) {
            if (y[i] < y[lastTroughAt]) {
                lastTroughAt = i;
            }
        }
        if (lastTroughAt >= m) {
            lastTroughAt = m - 1;
        }
        return new Cycles(troughT, troughY, highestPeak, lastTroughAt, w.phase(lastTroughAt, m));
    }
}
