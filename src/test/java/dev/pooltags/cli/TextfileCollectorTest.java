package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * windows_exporter's textfile collector: {@code serve --textfile DIR} and {@code snapshot --format prom -o DIR/pooltags.prom}
 * write the metrics of {@code /metrics} (same names), replaced at once, and promtool accepts them.
 */
class TextfileCollectorTest {
    static Set<String> families(String exposition) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^# TYPE (\\S+) ").matcher(exposition);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void snapshotWritesTheServesMetricsForTheCollector(@TempDir Path dir) throws Exception {
        Path prom = dir.resolve("pooltags.prom");
        CliRun r = CliRun.of("snapshot", "--source", "demo:leak-fast", "--no-localtag", "--format", "prom", "-o", prom.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(prom);
        assertThat(text).contains("pooltags_tag_bytes{owner=\"ntfs.sys\",pool=\"Nonp\",tag=\"Ntfx\"}");
        assertThat(families(text)).contains("pooltags_tag_bytes", "pooltags_tag_outstanding_allocations", "pooltags_tag_allocations_total",
                "pooltags_tag_frees_total", "pooltags_pool_bytes", "pooltags_source_info");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left for the collector to read").containsExactly(prom);
        }
        ServeCommandTest.promtoolCheck(dir, text);
    }

    @Test
    void serveKeepsTheFileCurrentWithTheSameNamesAsMetrics(@TempDir Path dir) throws Exception {
        Path prom = dir.resolve("pooltags.prom");
        try (ServeCommandTest.Running r = new ServeCommandTest.Running("serve", "--source", "demo:leak-fast", "--interval", "200ms",
                "--port", "0", "--no-localtag", "--textfile", dir.toString())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.exists(prom) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            // the file and /metrics are read a moment apart and may hold different samples: the leak verdicts' families
            // appear once the window is long enough, in one before the other. The names must agree once both hold the
            // same sample, so they are read again (until the deadline) while they differ.
            HttpClient client = HttpClient.newHttpClient();
            String first;
            String metrics;
            do {
                first = Files.readString(prom);
                metrics = client.send(HttpRequest.newBuilder(r.base.resolve("metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } while (!families(first).equals(families(metrics)) && System.nanoTime() < deadline && sleep(100));
            assertThat(families(first)).isEqualTo(families(metrics)).contains("pooltags_tag_bytes", "pooltags_pool_bytes");
            String later = first;
            while (later.equals(first) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                later = Files.readString(prom); // never half a file: the rename replaces it at once
            }
            assertThat(later).isNotEqualTo(first).contains("# TYPE pooltags_tag_bytes gauge");
            ServeCommandTest.promtoolCheck(dir, later);
        }
        CliRun missing = CliRun.of("serve", "--source", "demo:healthy", "--port", "0", "--textfile", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(missing.err()).contains("nope: no such folder (--textfile names the textfile collector's folder");
    }

    /** Sleeps, then says to go on (for a loop condition). */
    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }
}
