package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TheilSenTest {
    /**
     * P. K. Sen (1968), "Estimates of the regression coefficient based on Kendall's tau", JASA 63, 1379-1389: the
     * worked example with x = 1, 2, 3, 4, 10, 12, 18 and y = 9, 15, 19, 20, 45, 55, 78 has slope 4 and the 93%
     * interval 3.71 to 4.38 (the 4th and 18th of the 21 ordered slopes, 26/7 and 35/8).
     */
    @Test
    void sen_1968_worked_example() {
        double[] x = {1, 2, 3, 4, 10, 12, 18};
        double[] y = {9, 15, 19, 20, 45, 55, 78};
        TheilSen.Fit f = TheilSen.fit(x, y, 0.93);
        assertThat(f.slope()).isEqualTo(4.0);
        assertThat(f.lower()).isCloseTo(3.71, within(0.005)).isEqualTo(26.0 / 7);
        assertThat(f.upper()).isCloseTo(4.38, within(0.005)).isEqualTo(35.0 / 8);
        assertThat(f.pairs()).isEqualTo(21);
        // Conover's intercept: median(y) - slope * median(x) = 20 - 4 * 4
        assertThat(f.intercept()).isEqualTo(4.0);
    }

    @Test
    void an_exact_line_is_recovered_and_an_outlier_does_not_move_it() {
        double[] t = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 10;
            y[i] = 500 + 2.5 * t[i];
        }
        TheilSen.Fit f = TheilSen.fit(t, y, 0.95);
        assertThat(f.slope()).isEqualTo(2.5);
        assertThat(f.lower()).isEqualTo(2.5);
        assertThat(f.upper()).isEqualTo(2.5);
        assertThat(f.at(100)).isCloseTo(750, within(1e-9));
        y[3] = 1e9;
        assertThat(TheilSen.fit(t, y, 0.95).slope()).isEqualTo(2.5);
    }

    @Test
    void two_samples_give_a_slope_without_a_bounded_interval() {
        TheilSen.Fit f = TheilSen.fit(new double[] {0, 3600}, new double[] {100, 460}, 0.95);
        assertThat(f.slope()).isEqualTo(0.1);
        assertThat(f.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(f.upper()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void equal_times_give_no_slope() {
        TheilSen.Fit f = TheilSen.fit(new double[] {5, 5, 5}, new double[] {1, 2, 3}, 0.95);
        assertThat(f.pairs()).isZero();
        assertThat(f.slope()).isZero();
    }

    /** The selection-based median and limits equal those read off a fully sorted list of slopes. */
    @Property(tries = 300)
    void agrees_with_sorting_every_slope(@ForAll @Size(min = 2, max = 40) List<@DoubleRange(min = -1e6, max = 1e6) Double> ys) {
        int n = ys.size();
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 1.5;
            y[i] = ys.get(i);
        }
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                slopes.add((y[j] - y[i]) / (t[j] - t[i]));
            }
        }
        Collections.sort(slopes);
        int np = slopes.size();
        double median = np % 2 == 1 ? slopes.get(np / 2) : (slopes.get(np / 2 - 1) + slopes.get(np / 2)) / 2;
        double varS = MannKendall.test(y).variance();
        TheilSen.Fit f = TheilSen.fit(t, y, 0, n, 0.9, varS);
        assertThat(f.slope()).isCloseTo(median, within(1e-9 * Math.max(1, Math.abs(median))));
        double c = 1.6448536269514722 * Math.sqrt(varS);
        long lo = Math.round((np - c) / 2);
        long hi = Math.round((np + c) / 2) + 1;
        if (lo >= 1) {
            assertThat(f.lower()).isEqualTo(slopes.get((int) lo - 1));
        } else {
            assertThat(f.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
        }
        if (hi <= np) {
            assertThat(f.upper()).isEqualTo(slopes.get((int) hi - 1));
        } else {
            assertThat(f.upper()).isEqualTo(Double.POSITIVE_INFINITY);
        }
    }
}
