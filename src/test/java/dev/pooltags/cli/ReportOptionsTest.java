package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.report.TraceReport;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ReportOptionsTest {
    private final ReportOptions trace = new ReportOptions("", TraceReport.RENDERERS.names());

    @Test
    void acceptsTheRegistrysNamesInAnyCaseAsTheirOwnSpelling() {
        assertThat(trace.convert("json")).isEqualTo("json");
        assertThat(trace.convert("JSON")).isEqualTo("json");
        assertThat(trace).containsExactlyElementsOf(TraceReport.RENDERERS.names());
    }

    @Test
    void refusesOtherNamesInPicocliEnumWords() {
        assertThatThrownBy(() -> trace.convert("xml")).isInstanceOf(TypeConversionException.class)
                .hasMessage("expected one of [text, json] (case-insensitive) but was 'xml'");
    }
}
