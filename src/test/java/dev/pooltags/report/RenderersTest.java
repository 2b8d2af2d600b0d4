package dev.pooltags.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RenderersTest {
    private static final Renderers<String> FORMATS = Renderers.<String>of("text", (out, s) -> out.print("text:" + s))
            .and("json", (out, s) -> out.print("{\"s\":\"" + s + "\"}"));

    @Test
    void namesKeepTheirOrderAndTheFirstIsTheDefault() {
        assertThat(FORMATS.names()).containsExactly("text", "json");
        assertThat(FORMATS.defaultName()).isEqualTo("text");
    }

    @Test
    void rendersWithTheNamedFormat() {
        StringWriter sw = new StringWriter();
        FORMATS.render("json", new PrintWriter(sw, true), "x");
        assertThat(sw.toString()).isEqualTo("{\"s\":\"x\"}");
    }

    @Test
    void refusesAFormatRegisteredTwiceOrNotAtAll() {
        assertThatThrownBy(() -> FORMATS.and("text", (out, s) -> {})).hasMessageContaining("text registered twice");
        assertThatThrownBy(() -> FORMATS.render("html", new PrintWriter(new StringWriter()), "x"))
                .hasMessageContaining("no format html");
    }
}
