package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.junit.jupiter.api.Test;

class MannKendallTest {
    /**
     * J. Little, "A Mann-Kendall Example ("By Hand")", College of the Holy Cross, Montserrat seminar notes
     * (mathcs.holycross.edu/~little/Montserrat/MannKendallByHand.txt): 14 values with one tied pair; the notes
     * count 72 rises, 18 falls and 1 tie, S = 54, V = (14)(13)(33)/18 - (2)(1)(9)/18, Z = (S-1)/sqrt(V) = 2.9058,
     * p = .0018 (one-sided, normal table).
     */
    @Test
    void worked_example_with_one_tie_matches_the_published_numbers() {
        double[] y = {12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7};
        MannKendall.Result r = MannKendall.test(y);
        assertThat(r.s()).isEqualTo(54);
        assertThat(r.variance()).isCloseTo(14.0 * 13 * 33 / 18 - 2.0 * 1 * 9 / 18, within(1e-9));
        assertThat(r.z()).isCloseTo(2.9058, within(5e-5));
        assertThat(r.pIncreasing()).isCloseTo(0.0018, within(5e-5));
        assertThat(r.exact()).isFalse();
        assertThat(r.tau()).isCloseTo(54.0 / 91, within(1e-12));
    }

    /**
     * Exact upper-tail probabilities P(S >= s) of Kendall's table (Kendall 1975, Appendix Table 1; reprinted as
     * Gilbert 1987, Table A18), for n = 4, 5 and 6: used for n <= 10 without ties.
     */
    @Test
    void small_samples_use_the_exact_probabilities_of_kendalls_table() {
        assertThat(MannKendall.exactUpperTail(4, 6)).isCloseTo(0.042, within(5e-4));
        assertThat(MannKendall.exactUpperTail(4, 4)).isCloseTo(0.167, within(5e-4));
        assertThat(MannKendall.exactUpperTail(5, 10)).isCloseTo(0.0083, within(5e-5));
        assertThat(MannKendall.exactUpperTail(5, 8)).isCloseTo(0.042, within(5e-4));
        assertThat(MannKendall.exactUpperTail(5, 6)).isCloseTo(0.117, within(5e-4));
        assertThat(MannKendall.exactUpperTail(6, 15)).isCloseTo(0.0014, within(5e-5));
        assertThat(MannKendall.exactUpperTail(6, 13)).isCloseTo(0.0083, within(5e-5));
        assertThat(MannKendall.exactUpperTail(6, 11)).isCloseTo(0.028, within(5e-4));
        assertThat(MannKendall.exactUpperTail(6, 9)).isCloseTo(0.068, within(5e-4));
        assertThat(MannKendall.exactUpperTail(6, -15)).isEqualTo(1.0);

        MannKendall.Result r = MannKendall.test(new double[] {1, 2, 3, 5, 4});
        assertThat(r.exact()).isTrue();
        assertThat(r.s()).isEqualTo(8);
        assertThat(r.pIncreasing()).isCloseTo(0.042, within(5e-4));
    }

    @Test
    void every_value_tied_is_no_evidence() {
        MannKendall.Result r = MannKendall.test(new double[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7});
        assertThat(r.s()).isZero();
        assertThat(r.pIncreasing()).isEqualTo(1.0);
        assertThat(r.pTwoSided()).isEqualTo(1.0);
    }

    @Test
    void one_sample_is_no_evidence() {
        assertThat(MannKendall.test(new double[] {3}).pIncreasing()).isEqualTo(1.0);
        assertThat(MannKendall.test(new double[0]).n()).isZero();
    }

    /** Kendall's tau of (time order, value) without ties is S over the number of pairs: commons-math agrees. */
    @Property(tries = 200)
    void tau_agrees_with_commons_math_kendall_correlation(@ForAll @Size(min = 3, max = 60) double[] values) {
        double[] y = values.clone();
        for (double v : y) {
            if (!Double.isFinite(v)) {
                return;
            }
        }
        if (java.util.Arrays.stream(y).distinct().count() != y.length) {
            return; // tau-b differs from tau with ties; the tie handling is tested above
        }
        double[] t = new double[y.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        double expected = new KendallsCorrelation().correlation(t, y);
        assertThat(MannKendall.test(y).tau()).isCloseTo(expected, within(1e-9));
    }

    /**
     * Hamed and Rao (1998): for an AR(1) process with coefficient rho the inflation tends to about
     * 1 + 2 sum_k rho_k (ranks), near (1 + rho) / (1 - rho) = 4 for rho = 0.6; independent noise gives 1.
     */
    @Test
    void serial_correlation_factor_is_one_for_independent_noise_and_large_for_ar1() {
        Random r = new Random(7);
        double[] iid = new double[2000];
        for (int i = 0; i < iid.length; i++) {
            iid[i] = r.nextGaussian();
        }
        assertThat(MannKendall.serialCorrelationFactor(iid, 0, iid.length)).isLessThan(1.2);

        double[] ar = new double[2000];
        double rho = 0.6;
        for (int i = 1; i < ar.length; i++) {
            ar[i] = rho * ar[i - 1] + r.nextGaussian();
        }
        assertThat(MannKendall.serialCorrelationFactor(ar, 0, ar.length)).isBetween(2.5, 4.5);
        MannKendall.Result plain = MannKendall.test(ar, 0, 200, 1.0);
        MannKendall.Result corrected = MannKendall.test(ar, 0, 200, 4.0);
        assertThat(corrected.variance()).isCloseTo(plain.variance() * 4, within(1e-6));
        assertThat(Math.abs(corrected.z())).isLessThanOrEqualTo(Math.abs(plain.z()));
        assertThat(corrected.exact()).isFalse();
    }

    @Test
    void ranks_give_ties_their_mean_rank() {
        assertThat(MannKendall.ranks(new double[] {30, 10, 20, 10}, 0, 4)).containsExactly(4, 1.5, 3, 1.5);
    }
}
