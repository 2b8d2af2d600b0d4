package dev.pooltags.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.core.Durations;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** A trace time written with units is read by the one duration grammar; the clock forms and zero are a time's own. */
class TraceTimeDurationsTest {
    @Property(seed = "20261206", tries = 500)
    void unitFormsMeanWhatTheyMeanInEveryDurationArgument(@ForAll @IntRange(min = 0, max = 10_000) int whole,
            @ForAll @IntRange(min = 0, max = 999) int fraction, @ForAll("units") String unit) {
        String text = whole + "." + fraction + unit;
        long nanos = Durations.parseNonNegative(text).toNanos();
        assertThat(TraceTime.parseMicros(text)).as(text).isEqualTo(nanos / 1000 + (nanos % 1000 >= 500 ? 1 : 0));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> units() {
        return net.jqwik.api.Arbitraries.of("ms", "s", "m", "h", "d", "w");
    }

    @Property(seed = "20261206", tries = 300)
    void anyTextIsATimeOrOneClearRefusal(@ForAll @StringLength(max = 12) String text) {
        if (text.isBlank()) {
            return;
        }
        try {
            assertThat(TraceTime.parseMicros(text)).isNotNegative();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains(text);
        }
    }

    @Test
    void aTimeMayBeTheStartAndAClockReading() {
        assertThat(TraceTime.parseMicros("0s")).isZero();
        assertThat(TraceTime.parseMicros("0")).isZero();
        assertThat(TraceTime.parseMicros("0:00")).isZero();
        assertThat(TraceTime.parseMicros("1.5s")).isEqualTo(1_500_000);
        assertThat(TraceTime.parseMicros("1h30m")).isEqualTo(5_400_000_000L);
        assertThat(TraceTime.parseMicros("90S")).isEqualTo(90_000_000);
        assertThat(TraceTime.parseMicros(" 30s ")).isEqualTo(30_000_000);
        // a time printed by the reports reads back as the same time
        assertThat(TraceTime.parseMicros(TraceTime.format(90_500_000))).isEqualTo(90_500_000);
    }

    @Test
    void unitsOutsideTheDurationGrammarAreRefused() {
        assertThatThrownBy(() -> TraceTime.parseMicros("90sec")).hasMessageContaining("'90sec' is not a time");
        assertThatThrownBy(() -> TraceTime.parseMicros("1500us")).hasMessageContaining("'1500us' is not a time");
    }

    @Test
    void aTimeInTheRightFormButTooLongSaysSoRatherThanThatItIsNoTime() {
        assertThatThrownBy(() -> TraceTime.parseMicros("300y")).hasMessage("'300y' is longer than pooltags can count (292 years)");
    }
}
