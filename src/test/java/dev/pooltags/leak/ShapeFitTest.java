package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShapeFitTest {
    private static final Random R = new Random(11);

    private static double[] times(int m) {
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = i * 30.0;
        }
        return t;
    }

    @Test
    void a_noisy_line_stays_a_line() {
        double[] t = times(120);
        double[] y = new double[120];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1000 + 3 * i + 5 * R.nextGaussian();
        }
        assertThat(ShapeFit.fit(t, y, y.length, 12, 10).kind()).isEqualTo(ShapeFit.Kind.LINE);
    }

    @Test
    void a_step_is_found_where_it_is() {
        double[] t = times(120);
        double[] y = new double[120];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i < 70 ? 1000 : 1400) + 10 * R.nextGaussian();
        }
        ShapeFit.Result r = ShapeFit.fit(t, y, y.length, 12, 10);
        assertThat(r.kind()).isEqualTo(ShapeFit.Kind.STEP);
        assertThat(r.index()).isEqualTo(70);
        assertThat(r.bicStep()).isLessThan(r.bicLine() - 10);
    }

    @Test
    void a_fill_that_levels_off_is_a_bend_with_the_slope_after_near_zero() {
        double[] t = times(120);
        double[] y = new double[120];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1000 + 10 * Math.min(i, 40) + 3 * R.nextGaussian();
        }
        ShapeFit.Result r = ShapeFit.fit(t, y, y.length, 12, 10);
        assertThat(r.kind()).isEqualTo(ShapeFit.Kind.BEND);
        assertThat(r.index()).isBetween(38, 42);
        assertThat(r.slopeBefore()).isCloseTo(10 / 30.0, within(0.02));
        assertThat(r.slopeAfter()).isCloseTo(0, within(0.01));
    }
}
