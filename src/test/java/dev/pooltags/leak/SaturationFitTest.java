package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Steady growth against a warm-up approaching a level. */
class SaturationFitTest {
    static double[] times(int n, double step) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * step;
        }
        return t;
    }

    @Test
    void a_warm_up_is_saturating_and_names_its_level_and_time_constant() {
        double[] t = times(60, 1);
        double[] y = new double[60];
        Random r = new Random(1);
        for (int i = 0; i < 60; i++) {
            y[i] = 2000 + 120 * (1 - Math.exp(-t[i] / 20)) + r.nextGaussian();
        }
        SaturationFit.Result f = SaturationFit.fit(t, y, 0, 60);
        assertThat(f.saturating()).isTrue();
        assertThat(f.linearPlausible()).isFalse();
        assertThat(f.tau()).isBetween(12.0, 32.0);
        assertThat(f.level()).isBetween(2110.0, 2130.0);
    }

    @Test
    void a_precise_line_rules_out_every_warm_up_shorter_than_several_times_its_span() {
        double[] t = times(40, 1);
        double[] y = new double[40];
        Random r = new Random(2);
        for (int i = 0; i < 40; i++) {
            y[i] = 100 + 300 * t[i] + r.nextGaussian();
        }
        SaturationFit.Result f = SaturationFit.fit(t, y, 0, 40);
        assertThat(f.saturating()).isFalse();
        assertThat(f.linearPlausible()).isTrue();
        assertThat(f.tauLower()).isGreaterThan(5 * 39.0);
    }

    @Test
    void a_noisy_short_line_rules_out_little() {
        double[] t = times(12, 1);
        double[] y = new double[12];
        Random r = new Random(3);
        for (int i = 0; i < 12; i++) {
            y[i] = 100 + 2 * t[i] + 8 * r.nextGaussian();
        }
        SaturationFit.Result f = SaturationFit.fit(t, y, 0, 12);
        assertThat(f.saturating()).isFalse();
        assertThat(f.tauLower()).isLessThan(60.0);
    }

    @Test
    void too_few_points_say_nothing() {
        SaturationFit.Result f = SaturationFit.fit(times(4, 1), new double[] {1, 2, 3, 4}, 0, 4);
        assertThat(f.tauLower()).isZero();
        assertThat(f.saturating()).isFalse();
    }
}
