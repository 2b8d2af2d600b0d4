package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pooltags.TestTools;
import dev.pooltags.serve.BasicAuth;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 6: a real Prometheus (Debian's {@code prometheus} server, which {@code .ci/run} installs) scrapes
 * {@code pooltags serve --source demo:leak-fast} over TLS with basic auth from a web config, evaluates the rules
 * {@code pooltags rules} writes, and is asked through its own query API whether the target is up, whether the
 * series and labels are those docs/serve.md documents, and whether {@code PoolTagLeak} fires for the leaking tag
 * (Lk2x) and no other. Two Prometheus servers scrape the same {@code serve} at once: one as installed, one with
 * {@code --enable-feature=native-histograms}, which asks for protobuf first.
 *
 * <p>Fast enough for CI: 1 s scrape and evaluation intervals, rule windows of 30 s and 10 s, alerts held 5 s. The
 * demo leaks about 175 MiB/h; the threshold is 100 MiB/h; the next fastest grower, a cache filling, about 35 MiB/h.
 */
class PrometheusEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A tool on PATH; skipped when missing, except in CI ({@code POOLTAGS_CI} set by .ci/run), where it fails. */
    static Path tool(String name) {
        return TestTools.require(name);
    }

    @Test
    void prometheusScrapesServeOverTlsWithBasicAuthAndAlertsOnTheLeakOnly(@TempDir Path dir) throws Exception {
        Path prometheus = tool("prometheus");
        Path openssl = tool("openssl");
        Process gen = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "server.key", "-out", "server.crt", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile())
                .start();
        assertThat(gen.waitFor(60, TimeUnit.SECONDS) && gen.exitValue() == 0).as(Files.readString(dir.resolve("openssl.log")))
                .isTrue();
        String password = "scrape-" + Long.toHexString(System.nanoTime());
        Path web = Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: server.crt\n"
                + "  key_file: server.key\nbasic_auth_users:\n  prometheus: " + BasicAuth.hash(password) + "\n");
        Path localtag = Files.writeString(dir.resolve("localtag.txt"), "Lk2x - leakydrv.sys - leaking work buffers\n");
        CliRun rules = CliRun.of("rules", "--window", "30s", "--recent", "10s", "--for", "5s", "--tag-growth", "100MiB",
                "--pool-growth", "1TiB", "-o", dir.resolve("rules.yml").toString());
        assertThat(rules.code()).as(rules.err()).isZero();

        try (ServeCommandTest.Running serve = new ServeCommandTest.Running("serve", "--source", "demo:leak-fast",
                "--interval", "1s", "--port", "0", "--web-config", web.toString(), "--localtag", localtag.toString())) {
            assertThat(serve.base.getScheme()).isEqualTo("https");
            List<Prometheus> servers = List.of(
                    Prometheus.start(prometheus, dir.resolve("plain"), serve.base, password, dir.resolve("rules.yml"),
                            List.of()),
                    Prometheus.start(prometheus, dir.resolve("native"), serve.base, password, dir.resolve("rules.yml"),
                            List.of("--enable-feature=native-histograms")));
            try {
                Map<String, Set<String>> alerted = new TreeMap<>();
                for (Prometheus p : servers) {
                    alerted.put(p.name, new TreeSet<>());
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
                boolean allFiring = false;
                while (!allFiring && System.nanoTime() < deadline) {
                    Thread.sleep(1000);
                    allFiring = true;
                    for (Prometheus p : servers) {
                        boolean firing = false;
                        for (JsonNode r : query(p, "ALERTS{alertname=\"PoolTagLeak\"}")) {
                            JsonNode m = r.get("metric");
                            alerted.get(p.name).add(m.get("tag").asText() + " " + m.get("pool").asText() + " "
                                    + m.path("owner").asText("") + " " + m.get("alertstate").asText());
                            firing |= m.get("alertstate").asText().equals("firing");
                        }
                        allFiring &= firing;
                    }
                }
                for (Prometheus p : servers) {
                    assertThat(alerted.get(p.name)).as(p.name + ": " + p.log()).contains("Lk2x Nonp leakydrv.sys firing");
                    assertThat(alerted.get(p.name)).as(p.name + ": PoolTagLeak for the leaking tag only")
                            .allMatch(a -> a.startsWith("Lk2x Nonp leakydrv.sys "));
                    JsonNode up = query(p, "up");
                    assertThat(up).hasSize(1);
                    assertThat(up.get(0).get("value").get(1).asText()).as(p.name).isEqualTo("1");
                    JsonNode target = get(p, "/api/v1/targets").get("data").get("activeTargets").get(0);
                    assertThat(target.get("health").asText()).as(p.name).isEqualTo("up");
                    assertThat(target.get("lastError").asText()).as(p.name).isEmpty();
                    assertThat(target.get("scrapeUrl").asText()).as(p.name).startsWith("https://127.0.0.1:");
                    seriesAreTheDocumentedOnes(p);
                }
            } finally {
                for (Prometheus p : servers) {
                    p.close();
                }
            }
        }
    }

    /** Every pooltags series Prometheus holds is in docs/serve.md's table with its labels, and the other way round. */
    private void seriesAreTheDocumentedOnes(Prometheus p) throws Exception {
        Map<String, Set<String>> documented = documentedMetrics();
        JsonNode series = get(p, "/api/v1/series?match[]=" + URLEncoder.encode("{__name__=~\"pooltags_.+\"}",
                StandardCharsets.UTF_8)).get("data");
        Set<String> served = new TreeSet<>();
        for (JsonNode s : series) {
            String name = s.get("__name__").asText();
            served.add(name);
            String doc = documented.keySet().stream().filter(d -> name.matches(d)).findFirst().orElse(null);
            assertThat(doc).as(p.name + ": series " + name + " is served but not in docs/serve.md").isNotNull();
            Set<String> labels = new TreeSet<>();
            s.fieldNames().forEachRemaining(labels::add);
            labels.removeAll(Set.of("__name__", "instance", "job"));
            Set<String> expected = new TreeSet<>(documented.get(doc));
            // an empty label is no label in Prometheus: owner (unknown owner) and host (a demo has none) may be absent
            if (!labels.contains("owner")) {
                expected.remove("owner");
            }
            if (!labels.contains("host")) {
                expected.remove("host");
            }
            assertThat(labels).as(p.name + ": labels of " + s).isEqualTo(expected);
            if (name.startsWith("pooltags_tag_")) {
                assertThat(s.get("pool").asText()).isIn("Paged", "Nonp");
            }
            if (name.equals("pooltags_source_info")) {
                assertThat(s.get("source").asText()).isEqualTo("demo:leak-fast");
            }
        }
        for (String doc : documented.keySet()) {
            assertThat(served).as(p.name + ": " + doc + " is documented but not served")
                    .anyMatch(n -> n.matches(doc));
        }
        JsonNode leak = query(p, "pooltags_tag_bytes{tag=\"Lk2x\"}");
        assertThat(leak).hasSize(1);
        assertThat(leak.get(0).get("metric").get("owner").asText()).isEqualTo("leakydrv.sys");
    }

    /** The metric table of docs/serve.md: name (a regex: KEY stands for any key) to label names. */
    static Map<String, Set<String>> documentedMetrics() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        boolean inTable = false;
        Pattern name = Pattern.compile("`(pooltags_[A-Za-z_]+)`");
        for (String line : Files.readAllLines(Path.of("docs", "serve.md"))) {
            if (line.startsWith("| metric | type | labels |")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Set<String> labels = new TreeSet<>();
            for (String l : cells[3].split(",")) {
                if (!l.isBlank()) {
                    labels.add(l.trim());
                }
            }
            Matcher m = name.matcher(cells[1]);
            while (m.find()) {
                out.put(m.group(1).replace("KEY", "[a-z0-9_]+"), labels);
            }
        }
        assertThat(out).as("the metric table of docs/serve.md").hasSizeGreaterThan(10);
        return out;
    }

    private JsonNode query(Prometheus p, String promql) throws Exception {
        JsonNode r = get(p, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertThat(r.get("status").asText()).isEqualTo("success");
        return r.get("data").get("result");
    }

    private JsonNode get(Prometheus p, String pathAndQuery) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(p.base + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(pathAndQuery + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** A Prometheus server on loopback with its own data folder, scraping serve every second. */
    private static final class Prometheus implements AutoCloseable {
        final String name;
        final String base;
        final Process process;
        final Path logFile;

        private Prometheus(String name, String base, Process process, Path logFile) {
            this.name = name;
            this.base = base;
            this.process = process;
            this.logFile = logFile;
        }

        static Prometheus start(Path binary, Path dir, URI serve, String password, Path rules, List<String> flags)
                throws Exception {
            Files.createDirectories(dir);
            Files.copy(rules, dir.resolve("rules.yml"));
            Files.copy(rules.resolveSibling("server.crt"), dir.resolve("server.crt"));
            Files.writeString(dir.resolve("password"), password);
            Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
                    "global:",
                    "  scrape_interval: 1s",
                    "  scrape_timeout: 1s",
                    "  evaluation_interval: 1s",
                    "rule_files: [rules.yml]",
                    "scrape_configs:",
                    "  - job_name: pooltags",
                    "    scheme: https",
                    "    tls_config:",
                    "      ca_file: server.crt",
                    "    basic_auth:",
                    "      username: prometheus",
                    "      password_file: password",
                    "    static_configs:",
                    "      - targets: ['127.0.0.1:" + serve.getPort() + "']",
                    ""));
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--config.file=prometheus.yml",
                    "--storage.tsdb.path=data", "--web.listen-address=127.0.0.1:" + port));
            cmd.addAll(flags);
            Path log = dir.resolve("prometheus.log");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Prometheus prom = new Prometheus(dir.getFileName().toString(), "http://127.0.0.1:" + port, p, log);
            HttpClient c = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                assertThat(p.isAlive()).as("prometheus stopped: " + prom.log()).isTrue();
                try {
                    if (c.send(HttpRequest.newBuilder(URI.create(prom.base + "/-/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return prom;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            prom.close();
            throw new AssertionError("prometheus did not become ready: " + prom.log());
        }

        String log() {
            try {
                List<String> lines = Files.readAllLines(logFile);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
