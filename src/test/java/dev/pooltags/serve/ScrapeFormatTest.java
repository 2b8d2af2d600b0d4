package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.junit.jupiter.api.Test;

/** The Accept headers real scrapers send, and the format each gets. */
class ScrapeFormatTest {
    private static Class<?> writer(String accept) {
        return ScrapeFormat.negotiate(accept).writer().getClass();
    }

    @Test
    void prometheusWithNativeHistogramsGetsOpenMetrics() {
        // Prometheus 2.42 with --enable-feature=native-histograms
        String accept = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;"
                + "q=0.5,application/openmetrics-text;version=1.0.0;q=0.4,application/openmetrics-text;version=0.0.1;"
                + "q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1";
        assertThat(writer(accept)).isEqualTo(OpenMetricsTextFormatWriter.class);
        assertThat(ScrapeFormat.negotiate(accept).accept()).isEqualTo("application/openmetrics-text; version=1.0.0");
    }

    @Test
    void prometheusDefaultsAndOthers() {
        // Prometheus 2.x default
        assertThat(writer("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1")).isEqualTo(OpenMetricsTextFormatWriter.class);
        // Prometheus 3.x default, with UTF-8 names allowed
        ScrapeFormat.Choice p3 = ScrapeFormat.negotiate("application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;"
                + "q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=1.0.0;escaping=allow-utf-8;"
                + "q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1");
        assertThat(p3.writer()).isInstanceOf(OpenMetricsTextFormatWriter.class);
        assertThat(p3.escaping()).isEqualTo(EscapingScheme.ALLOW_UTF8);
        assertThat(p3.accept()).isEqualTo("application/openmetrics-text; version=1.0.0; escaping=allow-utf-8");
        // curl, browsers, no header at all
        assertThat(writer("*/*")).isEqualTo(PrometheusTextFormatWriter.class);
        assertThat(writer("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .isEqualTo(PrometheusTextFormatWriter.class);
        assertThat(writer(null)).isEqualTo(PrometheusTextFormatWriter.class);
        assertThat(writer("")).isEqualTo(PrometheusTextFormatWriter.class);
    }

    @Test
    void weightsDecideNotOrderOrSubstrings() {
        assertThat(writer("text/plain;q=0.9, application/openmetrics-text;q=0.8")).isEqualTo(PrometheusTextFormatWriter.class);
        assertThat(writer("text/plain;q=0.3, application/openmetrics-text")).isEqualTo(OpenMetricsTextFormatWriter.class);
        assertThat(writer("application/openmetrics-text;q=0, text/plain")).isEqualTo(PrometheusTextFormatWriter.class);
        assertThat(writer("application/openmetrics-text; version=2.0.0")).as("a version not written")
                .isEqualTo(PrometheusTextFormatWriter.class);
        assertThat(writer("application/openmetrics-text;q=junk, text/plain;q=0.1")).isEqualTo(PrometheusTextFormatWriter.class);
        assertThat(writer("APPLICATION/OpenMetrics-Text; Version=\"1.0.0\"")).isEqualTo(OpenMetricsTextFormatWriter.class);
        assertThat(writer("application/json")).as("nothing writable: the text format")
                .isEqualTo(PrometheusTextFormatWriter.class);
    }
}
