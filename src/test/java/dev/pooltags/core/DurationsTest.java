package dev.pooltags.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsEveryUnitFractionsAndCompounds() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("0.5h")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(Durations.parse("1y")).isEqualTo(Duration.ofDays(365));
        assertThat(Durations.parse(" 2 h ")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("0.000001ms")).isEqualTo(Duration.ofNanos(1));
    }

    @Test
    void refusesWhatIsNotAPositiveDurationWithASentence() {
        assertThatThrownBy(() -> Durations.parse("5")).hasMessage("'5' is not a duration: give a unit, such as 5s or 5ms");
        for (String bad : new String[] {"", "h", "-1h", "1H", "1h30", "soon", "1.s", "0s", "0.0000001ms", "300y"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300, seed = "13")
    void readsWhatPrometheusWrites(@ForAll @LongRange(min = 1, max = 10L * 365 * 86_400_000) long ms) {
        Duration d = Duration.ofMillis(ms);
        StringBuilder text = new StringBuilder();
        long rest = ms;
        long[] sizes = {86_400_000, 3_600_000, 60_000, 1000, 1};
        String[] units = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < sizes.length; i++) {
            if (rest >= sizes[i]) {
                text.append(rest / sizes[i]).append(units[i]);
                rest %= sizes[i];
            }
        }
        assertThat(Durations.parse(text.toString())).isEqualTo(d);
        assertThat(Durations.parse(BigDecimal.valueOf(ms, 3).toPlainString() + "s")).isEqualTo(d);
    }
}
