package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pooltags.TestTools;
import dev.pooltags.bench.SyntheticLeakSeries;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotJsonLines;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pooltags serve} driven through the real command line, scraped over HTTP. */
class ServeCommandTest {
    private static final Pattern LEAK_BYTES = Pattern.compile(
            "pooltags_tag_bytes\\{owner=\"leakydrv.sys\",pool=\"Nonp\",tag=\"Leak\"} ([0-9.E]+)");
    private final HttpClient http = HttpClient.newHttpClient();

    static Path replay(Path dir) throws Exception {
        Path file = dir.resolve("series.jsonl");
        try (Writer w = Files.newBufferedWriter(file)) {
            for (Snapshot s : SyntheticLeakSeries.series(50, 400, Duration.ofSeconds(5), 7)) {
                SnapshotJsonLines.write(w, s);
            }
        }
        return file;
    }

    static Path localtag(Path dir) throws Exception {
        return Files.writeString(dir.resolve("localtag.txt"), "Leak - leakydrv.sys - the leaking driver\n"
                + "Cach - cachedrv.sys - a cache that fills and stays\n");
    }

    /** A running {@code serve} command on its own thread. */
    static final class Running implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger exit = new AtomicInteger(-1);
        final Thread thread;
        URI base;

        Running(String... args) throws Exception {
            thread = new Thread(() -> exit.set(Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true))));
            thread.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && thread.isAlive()) {
                Matcher m = Pattern.compile("(https?://[^ ]+/) \\(dashboard\\)").matcher(out.toString());
                if (m.find()) {
                    base = URI.create(m.group(1));
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("serve did not start: exit " + exit.get() + ", stderr: " + err);
        }

        @Override
        public void close() throws Exception {
            thread.interrupt();
            thread.join(20_000);
        }
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(uri.toString()).isEqualTo(200);
        return r.body();
    }

    private static double leakBytes(String metrics) {
        Matcher m = LEAK_BYTES.matcher(metrics);
        assertThat(m.find()).as("the leaking tag is exported").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void servesGrowingMetricsThatPromtoolAcceptsAndStopsCleanly(@TempDir Path dir) throws Exception {
        Path file = replay(dir);
        Running r = new Running("serve", "--source", "replay:" + file, "--interval", "200ms", "--port", "0",
                "--localtag", localtag(dir).toString(), "--top", "10", "--always", "Leak");
        try (r) {
            assertThat(r.base.getHost()).isEqualTo("127.0.0.1");
            assertThat(r.out.toString()).contains("50 rows, 11 exported");
            String first = get(r.base.resolve("metrics"));
            String second = first;
            for (int i = 0; i < 50 && leakBytes(second) <= leakBytes(first); i++) {
                Thread.sleep(200); // a sample every 200 ms; a loaded machine may take longer
                second = get(r.base.resolve("metrics"));
            }
            assertThat(leakBytes(second)).isGreaterThan(leakBytes(first));
            promtoolCheck(dir, second);

            JsonNode tags = new ObjectMapper().readTree(get(r.base.resolve("api/tags")));
            assertThat(tags.get("rows")).hasSize(50);
            assertThat(tags.get("verdictsAvailable").asBoolean()).isTrue(); // the leak analysis is wired in
            JsonNode leak = null;
            for (JsonNode row : tags.get("rows")) {
                if (row.get("tag").asText().equals("Leak")) {
                    leak = row;
                }
            }
            assertThat(leak).isNotNull();
            assertThat(leak.get("owner").asText()).isEqualTo("leakydrv.sys");
            assertThat(leak.get("growthBytes").asLong()).isPositive();
            // the live leak analysis judges the steadily growing tag once it has seen enough samples
            String label = "";
            for (int i = 0; i < 100 && !(label.equals("leak") || label.equals("likely leak")); i++) {
                Thread.sleep(200);
                for (JsonNode row : new ObjectMapper().readTree(get(r.base.resolve("api/tags"))).get("rows")) {
                    if (row.get("tag").asText().equals("Leak") && row.has("verdict")) {
                        label = row.get("verdict").get("state").asText();
                    }
                }
            }
            assertThat(label).isIn("leak", "likely leak");
            JsonNode hist = new ObjectMapper().readTree(get(r.base.resolve("api/history?id=Nonp%2FLeak")));
            assertThat(hist.get("bytes").size()).isGreaterThan(1);
        }
        assertThat(r.exit.get()).isEqualTo(ExitCode.OK.code());
    }

    static void promtoolCheck(Path dir, String metrics) throws Exception {
        Path promtool = TestTools.require("promtool");
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").directory(dir.toFile())
                .redirectErrorStream(true).start();
        try (OutputStream o = p.getOutputStream()) {
            o.write(metrics.getBytes(StandardCharsets.UTF_8));
        }
        String said;
        try (InputStream in = p.getInputStream()) {
            said = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor()).as(said).isZero();
        assertThat(said).isEmpty();
    }

    private static int run(StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    @Test
    void badArgumentsAndInputsGetOneLineAndTheRightExitCode(@TempDir Path dir) throws Exception {
        Path file = replay(dir);
        Object[][] cases = {
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "nowhere:x"}, "unknown source"},
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "replay:" + file, "--interval", "5"}, "--interval"},
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "replay:" + file, "--bind", "0.0.0.0"}, "--allow-remote"},
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "replay:" + file, "--top", "-1"}, "--top"},
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "replay:" + file, "--include", ""}, "empty tag pattern"},
            // issue 20 item 7: sizes bounded by what the machine can hold, refused before anything is allocated
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "replay:" + file, "--history", "2000000000"},
                "--history 2000000000: 2,000,000,000 samples need more memory than this Java runtime can give"},
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "replay:" + file, "--history", "100000000"}, "at most"},
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "replay:" + file, "--history", String.valueOf(
                Runtime.getRuntime().maxMemory() / 10 * 6 / 2000)}, "samples of 50 rows need about"},
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "replay:" + file, "--history", "1"}, "--history 1"},
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "replay:" + file, "--threads", "100000"}, "--threads 100000"},
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "replay:" + file, "--threads", "0"}, "--threads 0"},
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "replay:" + file, "--rate-limit", "NaN"}, "--rate-limit"},
            {ExitCode.USAGE.code(), new String[] {"serve", "--source", "replay:" + file, "--rate-limit", "Infinity"}, "--rate-limit"},
            {ExitCode.INPUT.code(), new String[] {"serve", "--source", "replay:" + dir.resolve("missing.jsonl")}, "missing.jsonl"},
            {ExitCode.INPUT.code(), new String[] {"serve", "--source", "replay:" + Files.writeString(dir.resolve("bad.jsonl"), "{\"time\":1}\n")},
                "bad.jsonl:1:"},
            {ExitCode.INPUT.code(), new String[] {"serve", "--source", "replay:" + file, "--web-config",
                Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert: x\n").toString()}, "web.yml:2:"},
            {ExitCode.INPUT.code(), new String[] {"serve", "--source", "replay:" + file, "--port", "0", "--web-config",
                Files.writeString(dir.resolve("tls.yml"), "tls_server_config:\n  cert_file: no.crt\n  key_file: no.key\n")
                        .toString()}, "no.crt: no such file"},
        };
        for (Object[] c : cases) {
            StringWriter err = new StringWriter();
            String[] args = (String[]) c[1];
            assertThat(run(err, args)).as(String.join(" ", args) + ": " + err).isEqualTo(c[0]);
            assertThat(err.toString().trim()).as(String.join(" ", args)).startsWith("pooltags: ").contains((String) c[2])
                    .doesNotContain("\tat ").hasLineCount(1);
        }
    }

    @Test
    void aBusyPortIsAnEnvironmentError(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int code = run(err, "serve", "--source", "replay:" + replay(dir), "--port",
                    String.valueOf(taken.getLocalPort()));
            assertThat(code).as(err.toString()).isEqualTo(ExitCode.ENVIRONMENT.code());
            assertThat(err.toString().trim()).startsWith("pooltags: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasLineCount(1);
        }
    }

    @Test
    void hashPasswordPrintsABcryptHashThatVerifies() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("correct horse\n".getBytes(StandardCharsets.UTF_8)));
            StringWriter out = new StringWriter();
            int code = Main.run(new String[] {"serve", "--hash-password"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
            assertThat(code).isZero();
            String hash = out.toString().trim();
            assertThat(hash).matches("\\$2a\\$10\\$[./A-Za-z0-9]{53}");
            assertThat(new dev.pooltags.serve.BasicAuth(java.util.Map.of("u", hash)).authenticate("Basic "
                    + java.util.Base64.getEncoder().encodeToString("u:correct horse".getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo("u");
        } finally {
            System.setIn(stdin);
        }
    }

    /** Issue 17: one spelling for "no owner", and owner labels that do not change while the server runs. */
    @Test
    void ownerLabelsHaveOneSpellingForNoOwnerAndNeverChangeWhileRunning(@TempDir Path dir) throws Exception {
        Path tags = Files.writeString(dir.resolve("localtag.txt"), "Leak - leakydrv.sys - the leaking driver\n"
                + "Cach - <unknown> - a cache nobody claims\n");
        Running r = new Running("serve", "--source", "replay:" + replay(dir), "--interval", "200ms", "--port", "0",
                "--localtag", tags.toString(), "--top", "0");
        try (r) {
            String before = get(r.base.resolve("metrics"));
            assertThat(before).contains("pooltags_tag_bytes{owner=\"leakydrv.sys\",pool=\"Nonp\",tag=\"Leak\"}")
                    .contains("pooltags_tag_bytes{owner=\"\",pool=\"Nonp\",tag=\"Cach\"}")
                    .doesNotContain("<unknown>");
            // the tag file is edited under the running server: its series keep their labels
            Files.writeString(tags, "Leak - otherdrv.sys - renamed\nCach - cachedrv.sys - claimed now\n");
            double samples = samples(before);
            String after = before;
            for (int i = 0; i < 100 && samples(after) < samples + 3; i++) {
                Thread.sleep(200);
                after = get(r.base.resolve("metrics"));
            }
            assertThat(samples(after)).isGreaterThanOrEqualTo(samples + 3);
            assertThat(after).contains("pooltags_tag_bytes{owner=\"leakydrv.sys\",pool=\"Nonp\",tag=\"Leak\"}")
                    .contains("pooltags_tag_bytes{owner=\"\",pool=\"Nonp\",tag=\"Cach\"}")
                    .doesNotContain("otherdrv.sys", "cachedrv.sys", "<unknown>");
        }
    }

    private static double samples(String metrics) {
        Matcher m = Pattern.compile("(?m)^pooltags_samples_total ([0-9.E]+)$").matcher(metrics);
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static boolean envResetsSignals() {
        try {
            Process e = new ProcessBuilder("/usr/bin/env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            e.getInputStream().readAllBytes();
            return e.waitFor() == 0;
        } catch (IOException | InterruptedException x) {
            return false;
        }
    }

    /** Issue 17: Ctrl-C (SIGINT) and SIGTERM stop serve cleanly with exit 0, as docs/serve.md says. */
    @Test
    void ctrlCAndSigtermStopServeWithExitZero() throws Exception {
        Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"), "signals by kill(1)");
        // A job started in the background by a shell ignores SIGINT, and so does every program it starts (a JVM
        // then never sees Ctrl-C): GNU env gives the child the default action back, as a terminal's would be.
        boolean resetSignals = Path.of("/usr/bin/env").toFile().canExecute() && envResetsSignals();
        for (String signal : new String[] {"INT", "TERM"}) {
            java.util.List<String> cmd = new java.util.ArrayList<>();
            if (resetSignals) {
                cmd.addAll(java.util.List.of("/usr/bin/env", "--default-signal=INT,TERM"));
            }
            cmd.addAll(java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "serve", "--source", "demo:leak-fast",
                    "--port", "0", "--no-localtag"));
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try {
                java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8));
                String line = out.readLine();
                assertThat(line).as("serve started").isNotNull().contains("(dashboard)");
                Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(p.pid())).start();
                assertThat(kill.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && kill.exitValue() == 0).isTrue();
                assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("stopped after SIG" + signal).isTrue();
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.exitValue()).as("exit code after SIG" + signal + "; stderr: " + err).isZero();
                assertThat(err).isEmpty();
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
