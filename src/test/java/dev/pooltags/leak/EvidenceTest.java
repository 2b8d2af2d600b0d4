package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What "likely leak" and "leak" need, and what a growing tag still misses, in numbers and words. */
class EvidenceTest {
    static final LeakOptions.Gates G = LeakOptions.Gates.DEFAULTS;

    @Test
    void growth_is_too_early_until_the_gates_are_met() {
        Evidence e = new Evidence(20, 21, 500, false, 1, false);
        assertThat(e.allows(G)).isEqualTo(Verdict.EARLY);
        assertThat(e.secondsTo(Verdict.LIKELY_LEAK, G)).isEqualTo(40);
        assertThat(e.missing(Verdict.LIKELY_LEAK, G)).containsExactly("1m 00s of growth (20s so far)");
        Evidence later = new Evidence(95, 96, 500, false, 1, false);
        assertThat(later.allows(G)).isEqualTo(Verdict.LEAK);
        assertThat(later.missing(Verdict.LEAK, G)).isEmpty();
    }

    @Test
    void fast_growth_may_be_likely_sooner() {
        assertThat(new Evidence(22, 23, 500, false, 1, true).allows(G)).isEqualTo(Verdict.LIKELY_LEAK);
        assertThat(new Evidence(22, 23, 500, false, 1, false).allows(G)).isEqualTo(Verdict.EARLY);
    }

    @Test
    void samples_warm_ups_and_fills_are_needed_too() {
        Evidence few = new Evidence(600, 6, 5000, false, 100, false);
        assertThat(few.allows(G)).isEqualTo(Verdict.EARLY);
        assertThat(few.secondsTo(Verdict.LIKELY_LEAK, G)).isEqualTo(400);
        Evidence curved = new Evidence(100, 101, 30, false, 1, false);
        assertThat(curved.allows(G)).isEqualTo(Verdict.EARLY);
        assertThat(curved.missing(Verdict.LIKELY_LEAK, G)).anyMatch(s -> s.contains("rule out a warm-up faster than 1m 00s"));
        Evidence fill = new Evidence(200, 201, 5000, true, 1, false);
        assertThat(fill.allows(G)).isEqualTo(Verdict.EARLY);
        assertThat(fill.secondsTo(Verdict.LIKELY_LEAK, G)).isEqualTo(100);
        assertThat(new Evidence(300, 301, 5000, true, 1, false).allows(G)).isEqualTo(Verdict.LEAK);
    }
}
