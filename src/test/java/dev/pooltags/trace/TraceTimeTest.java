package dev.pooltags.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceTimeTest {
    @Test
    void parses() {
        assertThat(TraceTime.parseMicros("90s")).isEqualTo(90_000_000);
        assertThat(TraceTime.parseMicros("1m30s")).isEqualTo(90_000_000);
        assertThat(TraceTime.parseMicros("200ms")).isEqualTo(200_000);
        assertThat(TraceTime.parseMicros("1:30")).isEqualTo(90_000_000);
        assertThat(TraceTime.parseMicros("0:01:30.5")).isEqualTo(90_500_000);
        assertThat(TraceTime.parseMicros("12.5")).isEqualTo(12_500_000);
        assertThat(TraceTime.parseMicros("2h")).isEqualTo(7_200_000_000L);
        assertThatThrownBy(() -> TraceTime.parseMicros("soon")).hasMessageContaining("'soon' is not a time");
        assertThatThrownBy(() -> TraceTime.parseMicros("5 parsecs")).hasMessageContaining("not a time");
        assertThatThrownBy(() -> TraceTime.parseMicros("-5")).hasMessageContaining("out of range");
    }

    @Test
    void formats() {
        assertThat(TraceTime.format(90_500_000)).isEqualTo("0:01:30.500");
        assertThat(TraceTime.format(-1)).isEqualTo("-");
        assertThat(TraceTime.human(600_000_000)).isEqualTo("10 min");
        assertThat(TraceTime.human(90_000_000)).isEqualTo("1 min 30 s");
        assertThat(TraceTime.human(12_500_000)).isEqualTo("12.5 s");
        assertThat(TraceTime.human(850_000)).isEqualTo("850 ms");
    }
}
