package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exposition of a fixed series, in both formats, against golden files (regenerate with
 * {@code -Dgolden.update=true} and review the diff), and through {@code promtool check metrics}.
 */
class ExpositionGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/dev/pooltags/serve/golden");

    private static String render(String accept) throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        PoolSampler s = ServeFixtures.sampler(ServeFixtures.cornerSeries(),
                new CardinalityLimit(List.of(), List.of(), 4, List.of(RowPattern.parse("kmalloc-*"))),
                VerdictProvider.NONE, registry);
        while (s.sample()) {
            // play the whole series: the last sample is published
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExpositionFormats.init(PrometheusProperties.builder().build()).findWriter(accept).write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void compare(String name, String actual) throws Exception {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }

    @Test
    void textFormat() throws Exception {
        String text = render("text/plain");
        compare("metrics.txt", text);
        // the counter wrapped between samples 1 and 2: 2^32 - 20 + 32 = 2^32 + 12
        assertThat(text).contains("pooltags_tag_allocations_total{owner=\"mydriver.sys\",pool=\"Nonp\",tag=\"MyBf\"} 4.294967308E9")
                .contains("tag=\"Io  \"").contains("tag=\"Ab\\\\x01c (Protected)\"").contains("tag=\"kmalloc-64\"")
                .doesNotContain("tag=\"Zzzz\"") // below the top 4, not always-included: only in the totals
                .contains("pooltags_pool_unexported_bytes{pool=\"Paged\"} 16.0");
    }

    @Test
    void openMetricsFormat() throws Exception {
        String om = render("application/openmetrics-text; version=1.0.0; charset=utf-8");
        compare("metrics.openmetrics.txt", om);
        assertThat(om).contains("# UNIT pooltags_tag_bytes bytes").endsWith("# EOF\n");
    }

    @Test
    void promtoolAcceptsTheExposition(@TempDir Path tmp) throws Exception {
        Path promtool = Tools.require("promtool");
        String text = render("text/plain");
        assertThat(text).isNotBlank(); // promtool accepts empty input: make sure there is something to check
        Tools.Result r = Tools.run(tmp, text.getBytes(StandardCharsets.UTF_8), List.of(promtool.toString(), "check",
                "metrics"));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).isEmpty(); // no lint complaints either
    }
}
