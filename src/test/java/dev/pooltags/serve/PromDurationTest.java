package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PromDurationTest {
    @Test
    void readsPrometheusDurations() {
        assertThat(PromDuration.parse("6h")).isEqualTo(Duration.ofHours(6));
        assertThat(PromDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(PromDuration.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(PromDuration.parse("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(PromDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(PromDuration.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(PromDuration.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    }

    @Test
    void rejectsWhatIsNotADuration() {
        for (String bad : new String[] {"", "6", "h", "1.5h", "-1h", "0s", "6 h", "1H"}) {
            assertThatThrownBy(() -> PromDuration.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("duration");
        }
    }

    @Property(tries = 300)
    void formatThenParseIsTheIdentity(@ForAll @LongRange(min = 1, max = 10L * 365 * 86_400_000) long ms) {
        Duration d = Duration.ofMillis(ms);
        assertThat(PromDuration.parse(PromDuration.format(d))).isEqualTo(d);
    }
}
