package dev.pooltags.serve;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.util.Locale;

/**
 * Content negotiation for {@code /metrics}: the format with the highest {@code q} in the scraper's {@code Accept}
 * header among those pooltags writes, OpenMetrics 1.0 or the Prometheus text format 0.0.4.
 *
 * <p>The Prometheus client's own choice looks for substrings in the whole header and ignores {@code q}: Prometheus
 * with native histograms lists protobuf first ({@code application/vnd.google.protobuf;...;q=0.5,
 * application/openmetrics-text;version=1.0.0;q=0.4,...}), the client picks its protobuf writer, which this build
 * leaves out, and every scrape failed. Here protobuf is simply a format pooltags cannot write, so the next best
 * one offered is chosen. A header offering nothing pooltags writes, or none at all, gets the text format, as
 * Prometheus clients do.
 */
final class ScrapeFormat {
    /**
     * The format chosen.
     *
     * @param writer   the client's writer for it
     * @param escaping the name escaping asked for with the chosen media type ({@code escaping=})
     * @param accept   an {@code Accept} header naming only this choice, for the client's own scrape handler
     */
    record Choice(ExpositionFormatWriter writer, EscapingScheme escaping, String accept) {}

    private static final ExpositionFormats FORMATS = ExpositionFormats.init(PrometheusProperties.builder().build());
    private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0";
    private static final String TEXT = "text/plain; version=0.0.4";

    private ScrapeFormat() {}

    static Choice negotiate(String acceptHeader) {
        String best = TEXT;
        String bestRange = "";
        double bestQ = -1;
        if (acceptHeader != null) {
            for (String range : acceptHeader.split(",")) {
                String[] parts = range.split(";");
                String type = parts[0].trim().toLowerCase(Locale.ROOT);
                double q = 1;
                String version = null;
                for (int i = 1; i < parts.length; i++) {
                    int eq = parts[i].indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    String key = parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
                    String value = parts[i].substring(eq + 1).trim().replace("\"", "");
                    if (key.equals("q")) {
                        q = quality(value);
                    } else if (key.equals("version")) {
                        version = value;
                    }
                }
                String format = writable(type, version);
                if (format != null && q > 0 && q > bestQ) {
                    best = format;
                    bestRange = range;
                    bestQ = q;
                }
            }
        }
        EscapingScheme escaping = EscapingScheme.fromAcceptHeader(bestRange);
        ExpositionFormatWriter writer = best.equals(OPENMETRICS) ? FORMATS.getOpenMetricsTextFormatWriter()
                : FORMATS.getPrometheusTextFormatWriter();
        String accept = best;
        int at = bestRange.toLowerCase(Locale.ROOT).indexOf("escaping=");
        if (at >= 0) {
            String rest = bestRange.substring(at);
            int semi = rest.indexOf(';');
            accept += "; " + (semi >= 0 ? rest.substring(0, semi) : rest).trim();
        }
        return new Choice(writer, escaping, accept);
    }

    /** The format a media range asks for, if pooltags writes it; null otherwise. */
    private static String writable(String type, String version) {
        return switch (type) {
            case "application/openmetrics-text" -> version == null || version.equals("1.0.0") || version.equals("0.0.1")
                    ? OPENMETRICS : null;
            case "application/*" -> OPENMETRICS;
            case "text/plain" -> version == null || version.equals("0.0.4") || version.equals("1.0.0") ? TEXT : null;
            case "text/*", "*/*" -> TEXT;
            default -> null;
        };
    }

    /** RFC 9110 weight: 0 to 1 with up to three decimals; anything else does not count. */
    private static double quality(String v) {
        if (!v.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
            return 0;
        }
        return Double.parseDouble(v);
    }
}
