package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.serve.http.Http1Server;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's security defaults and limits, asserted over real HTTP and TLS on 127.0.0.1. */
class WebServerSecurityTest {
    private final List<String> log = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private WebServer start(WebConfig web, double rate, PrometheusRegistry registry) {
        return start(web, rate, registry, Http1Server.Limits.DEFAULT);
    }

    private WebServer start(WebConfig web, double rate, PrometheusRegistry registry, Http1Server.Limits limits) {
        PoolSampler s = ServeFixtures.sampler(ServeFixtures.cornerSeries(), CardinalityLimit.all(), VerdictProvider.NONE,
                registry);
        s.sample();
        WebServer w = WebServer.start(new WebServer.Options(InetAddress.getLoopbackAddress(), 0, false, web, rate, 2),
                limits, s, 1, registry, line -> {
                    synchronized (log) {
                        log.add(line);
                    }
                });
        open.add(w);
        return w;
    }

    private WebServer start() {
        return start(WebConfig.NONE, 0, new PrometheusRegistry());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(WebServer w, String path) {
        return HttpRequest.newBuilder(w.baseUri().resolve(path));
    }

    @Test
    void listensOnLoopbackOnlyUnlessAllowed() throws Exception {
        WebServer w = start();
        assertThat(w.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(w.baseUri().getHost()).isEqualTo("127.0.0.1");
        InetAddress any = InetAddress.getByName("0.0.0.0");
        assertThatThrownBy(() -> WebServer.start(new WebServer.Options(any, 0, false, WebConfig.NONE, 0, 1), null, 1,
                new PrometheusRegistry(), log::add)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowRemote");
    }

    @Test
    void servesMetricsDashboardAndSecurityHeaders() throws Exception {
        WebServer w = start();
        HttpResponse<String> m = send(get(w, "metrics"));
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(m.body()).contains("pooltags_tag_bytes{owner=\"mydriver.sys\",pool=\"Nonp\",tag=\"MyBf\"} 4096.0");
        HttpResponse<byte[]> gz = http.send(get(w, "metrics").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(m.body());
        }
        HttpResponse<String> om = send(get(w, "metrics").header("Accept", "application/openmetrics-text; version=1.0.0"));
        assertThat(om.headers().firstValue("Content-Type").orElse("")).startsWith("application/openmetrics-text");
        assertThat(om.body()).endsWith("# EOF\n");
        HttpResponse<String> page = send(get(w, ""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"dashboard.js\"").doesNotContain("http://", "https://");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'",
                "script-src 'self'", "connect-src 'self'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(send(get(w, "nothing-here")).statusCode()).isEqualTo(404);
        HttpResponse<String> head = send(get(w, "metrics").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void readOnlyAndSizeLimited() throws Exception {
        WebServer w = start();
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
            HttpResponse<String> r = send(get(w, "metrics").method(method, HttpRequest.BodyPublishers.noBody()));
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
        HttpResponse<String> body = send(get(w, "metrics").method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(100))));
        assertThat(body.statusCode()).isEqualTo(413);
        assertThat(send(get(w, "metrics?q=" + "a".repeat(3000))).statusCode()).isEqualTo(414);
        HttpRequest.Builder big = get(w, "metrics");
        for (int i = 0; i < 20; i++) {
            big.header("X-Pad-" + i, "p".repeat(500));
        }
        assertThat(send(big).statusCode()).isEqualTo(431);
    }

    /** Garbage on the wire: the server answers or hangs up, and goes on serving. */
    @Test
    void malformedRequestsDoNotHurtTheServer() throws Exception {
        WebServer w = start();
        String[] garbage = {"GARBAGE\r\n\r\n", "GET mailto:x HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n",
            "GET /metrics HTTP/1.1\r\n" + "X-H: 1\r\n".repeat(500) + "\r\n", "\u0000\u0001\u0002\r\n\r\n"};
        for (String g : garbage) {
            try (Socket s = new Socket("127.0.0.1", w.address().getPort())) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(g.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                String answer = new String(s.getInputStream().readNBytes(200), StandardCharsets.ISO_8859_1);
                assertThat(answer).doesNotStartWith("HTTP/1.1 200").doesNotContain("Exception");
            } catch (java.io.IOException reset) {
                // the server hung up on it: fine
            }
            assertThat(send(get(w, "-/healthy")).statusCode()).as("after " + g.length() + " bytes of garbage")
                    .isEqualTo(200);
        }
    }

    @Test
    void rateLimitedPerClient() throws Exception {
        WebServer w = start(WebConfig.NONE, 1, new PrometheusRegistry()); // 1/s, bursts of 2: robust on a slow machine
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = send(get(w, "-/healthy"));
            if (r.statusCode() == 429) {
                limited++;
                assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(10);
    }

    @Test
    void basicAuthRejectsMissingAndWrongCredentials() throws Exception {
        WebConfig web = new WebConfig(null, Map.of("prometheus", BasicAuth.hash("right")), Map.of("X-Test", "1"));
        for (String path : new String[] {"metrics", "", "api/tags", "api/history?id=Nonp/MyBf", "dashboard.js"}) {
            // a server per path: two wrong passwords each stay under the back-off (see wrongPasswordsBackOff...)
            WebServer w = start(web, 0, new PrometheusRegistry());
            HttpResponse<String> none = send(get(w, path));
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic realm=\"pooltags\"");
            assertThat(none.body()).doesNotContain("pooltags_tag_bytes", "MyBf");
            assertThat(send(get(w, path).header("Authorization", basic("prometheus", "wrong"))).statusCode()).isEqualTo(401);
            assertThat(send(get(w, path).header("Authorization", basic("root", "right"))).statusCode()).isEqualTo(401);
            HttpResponse<String> ok = send(get(w, path).header("Authorization", basic("prometheus", "right")));
            assertThat(ok.statusCode()).as(path).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-Test")).hasValue("1");
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void failuresReachClientsWithoutStackTraces() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        WebServer w = start(WebConfig.NONE, 0, registry);
        registry.register(new MultiCollector() {
            @Override
            public MetricSnapshots collect() {
                throw new IllegalStateException("secret detail at /home/user/internal.java");
            }
        });
        for (String path : new String[] {"metrics", "metrics?name[]=pooltags_tag_bytes", "metrics?debug=text"}) {
            HttpResponse<String> r = send(get(w, path));
            assertThat(r.statusCode()).as(path).isEqualTo(500);
            assertThat(r.body()).as(path).doesNotContain("secret", "Exception", "\tat ", ".java");
        }
        assertThat(String.join("\n", log)).contains("secret detail"); // the operator gets told
        assertThat(send(get(w, "-/healthy")).statusCode()).isEqualTo(200); // and the server goes on
    }

    @Test
    void tlsWithACertificateMadeNow(@TempDir Path dir) throws Exception {
        Path openssl = Tools.require("openssl");
        Tools.Result gen = Tools.run(dir, new byte[0], List.of(openssl.toString(), "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "server.key", "-out", "server.crt",
                "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"));
        assertThat(gen.exit()).as(gen.out()).isZero();
        Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
                + "basic_auth_users:\n  prometheus: " + BasicAuth.hash("pw") + "\n");
        WebConfig web = WebConfigReader.read(dir.resolve("web.yml"));
        WebServer w = start(web, 0, new PrometheusRegistry());
        assertThat(w.baseUri().getScheme()).isEqualTo("https");

        SSLContext trusting = trusting(PemFiles.certificates(dir.resolve("server.crt")).get(0));
        HttpClient tlsClient = HttpClient.newBuilder().sslContext(trusting).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = tlsClient.send(get(w, "metrics").header("Authorization", basic("prometheus", "pw"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("pooltags_tag_bytes");
        assertThat(tlsClient.send(get(w, "metrics").timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        // the handshake itself: TLS 1.3 by default, the server presents the generated certificate
        try (SSLSocket s = (SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1", w.address().getPort())) {
            s.setSoTimeout(10_000);
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(s.getSession().getPeerCertificates()[0])
                    .isEqualTo(PemFiles.certificates(dir.resolve("server.crt")).get(0));
        }
        // a client that does not trust the certificate fails the handshake
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(get(w, "metrics").timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
        // plain HTTP to the TLS port gets no metrics
        try (Socket plain = new Socket("127.0.0.1", w.address().getPort())) {
            plain.setSoTimeout(10_000);
            OutputStream o = plain.getOutputStream();
            o.write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream in = plain.getInputStream();
            byte[] buf = new byte[4096];
            int n;
            StringBuilder got = new StringBuilder();
            try {
                while ((n = in.read(buf)) > 0) {
                    got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (java.io.IOException closed) {
                // reset by the server: fine
            }
            assertThat(got.toString()).doesNotContain("pooltags_tag_bytes");
        }
    }

    @Test
    void tls13OnlyRefusesATls12Client(@TempDir Path dir) throws Exception {
        Path openssl = Tools.require("openssl");
        assertThat(Tools.run(dir, new byte[0], List.of(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048",
                "-nodes", "-keyout", "k.pem", "-out", "c.pem", "-days", "1", "-subj", "/CN=localhost")).exit()).isZero();
        Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: c.pem\n  key_file: k.pem\n"
                + "  min_version: TLS13\n");
        WebServer w = start(WebConfigReader.read(dir.resolve("web.yml")), 0, new PrometheusRegistry());
        SSLContext ctx = trusting(PemFiles.certificates(dir.resolve("c.pem")).get(0));
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", w.address().getPort())) {
            s.setSoTimeout(10_000);
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            assertThatThrownBy(s::startHandshake).isInstanceOf(javax.net.ssl.SSLException.class);
        }
    }

    /**
     * Issue 20 item 9: answers, not resets or hangs. The head timeout is a minute here, so a request the server
     * failed to understand would hang until the client's 30 s read timeout and fail the test.
     */
    @Test
    void oversizedAndOddRequestsGetProperAnswersAtOnce() throws Exception {
        WebServer w = start(WebConfig.NONE, 0, new PrometheusRegistry(),
                Http1Server.Limits.DEFAULT.withTimeouts(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        int port = w.address().getPort();
        InetAddress me = InetAddress.getLoopbackAddress();
        String[] hundred = new String[100];
        for (int i = 0; i < hundred.length; i++) {
            hundred[i] = "X-Header-" + i + ": " + i;
        }
        RawHttp.Answer many = RawHttp.exchange(me, port, RawHttp.get("/metrics", hundred));
        assertThat(many.status()).isEqualTo(431);
        assertThat(many.headers()).containsEntry("connection", "close").containsKey("content-security-policy");
        assertThat(RawHttp.exchange(me, port, RawHttp.get("/metrics", "X-Big: " + "b".repeat(9000))).status())
                .isEqualTo(431);
        RawHttp.Answer longQuery = RawHttp.exchange(me, port, RawHttp.get("/metrics?q=" + "a".repeat(17_000)));
        assertThat(longQuery.status()).isEqualTo(414);
        assertThat(longQuery.body()).contains("2048");
        RawHttp.Answer mailto = RawHttp.exchange(me, port, RawHttp.get("mailto:x"));
        assertThat(mailto.status()).isEqualTo(400);
        assertThat(mailto.body()).isEqualTo("bad request target\n");
        RawHttp.Answer bareLf = RawHttp.exchange(me, port, "GET /-/healthy HTTP/1.1\nHost: x\n\n");
        assertThat(bareLf.status()).isEqualTo(200);
        assertThat(bareLf.body()).isEqualTo("OK\n");
        assertThat(RawHttp.exchange(me, port, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").status()).isEqualTo(505);
        assertThat(RawHttp.exchange(me, port, "GET /metrics HTTP/1.1\r\n\r\n").status()).as("no Host").isEqualTo(400);
        assertThat(RawHttp.exchange(me, port, RawHttp.get("/metrics", "X-A : 1")).status()).as("space before colon")
                .isEqualTo(400);
        assertThat(RawHttp.exchange(me, port, RawHttp.get("/metrics", "X-A: 1", " folded")).status()).isEqualTo(400);
        assertThat(RawHttp.exchange(me, port, RawHttp.get("/metrics", "Content-Length: 1", "Content-Length: 2"))
                .status()).isEqualTo(400);
        assertThat(RawHttp.exchange(me, port, "GARBAGE\r\n\r\n").status()).isEqualTo(400);
        assertThat(RawHttp.exchange(me, port, "GET " + "/x".repeat(2000)).status())
                .as("refused before the line ends").isEqualTo(414);

        // a body is never read; the answer still reaches a client that goes on sending it
        try (Socket s = RawHttp.connect(me, port)) {
            s.setSoTimeout(30_000);
            OutputStream o = s.getOutputStream();
            o.write("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[65536];
            try {
                for (int i = 0; i < 32; i++) {
                    o.write(chunk);
                }
            } catch (java.io.IOException closed) {
                // the server stopped reading: fine, as long as the answer came
            }
            RawHttp.Answer a = RawHttp.read(s.getInputStream());
            assertThat(a.status()).isEqualTo(405);
        }
        // keep-alive and pipelining: two requests in one write, two answers in order
        try (Socket s = RawHttp.connect(me, port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write((RawHttp.get("/-/healthy") + RawHttp.get("/nothing"))
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(RawHttp.read(s.getInputStream()).status()).isEqualTo(200);
            assertThat(RawHttp.read(s.getInputStream()).status()).isEqualTo(404);
        }
        assertThat(send(get(w, "-/healthy")).statusCode()).isEqualTo(200);
    }

    /** Issue 20 item 5: Prometheus with native histograms lists protobuf first; it must get OpenMetrics. */
    @Test
    void protobufFirstAcceptGetsOpenMetrics() throws Exception {
        WebServer w = start();
        String nativeHistograms = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                + "encoding=delimited;q=0.5,application/openmetrics-text;version=1.0.0;q=0.4,"
                + "application/openmetrics-text;version=0.0.1;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1";
        for (String path : new String[] {"metrics", "metrics?name%5B%5D=pooltags_tag_bytes"}) {
            HttpResponse<String> r = send(get(w, path).header("Accept", nativeHistograms));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path)
                    .startsWith("application/openmetrics-text; version=1.0.0");
            assertThat(r.body()).as(path).contains("pooltags_tag_bytes{").endsWith("# EOF\n");
        }
        HttpResponse<String> onlyProtobuf = send(get(w, "metrics").header("Accept",
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"));
        assertThat(onlyProtobuf.statusCode()).isEqualTo(200);
        assertThat(onlyProtobuf.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        HttpResponse<String> textPreferred = send(get(w, "metrics").header("Accept",
                "application/openmetrics-text;version=1.0.0;q=0.2,text/plain;version=0.0.4;q=0.9"));
        assertThat(textPreferred.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(log).isEmpty();
    }

    /** Issue 20 item 8: wrong passwords from one address back off; the right one from another is served at once. */
    @Test
    void wrongPasswordsBackOffPerAddressWithoutSlowingOthers() throws Exception {
        WebConfig web = new WebConfig(null, Map.of("prometheus", BasicAuth.hash("right")), Map.of());
        WebServer w = start(web, 0, new PrometheusRegistry());
        int port = w.address().getPort();
        InetAddress attacker = RawHttp.client(2);
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 20; i++) {
            RawHttp.Answer a = RawHttp.exchange(attacker, port, RawHttp.get("/metrics",
                    "Authorization: " + basic("prometheus", "guess" + i)));
            statuses.add(a.status());
            if (a.status() == 429) {
                retryAfter = a.headers().get("retry-after");
            }
        }
        assertThat(statuses.subList(0, AuthBackoff.FREE_FAILURES)).containsOnly(401);
        assertThat(statuses.subList(AuthBackoff.FREE_FAILURES, 20)).contains(429);
        assertThat(retryAfter).isNotNull();
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, AuthBackoff.MAX_WAIT_SECONDS);
        // the right password from the waiting address waits too; from another address it is served at once
        assertThat(RawHttp.exchange(attacker, port, RawHttp.get("/metrics",
                "Authorization: " + basic("prometheus", "right"))).status()).isEqualTo(429);
        RawHttp.Answer ok = RawHttp.exchange(RawHttp.client(3), port, RawHttp.get("/metrics",
                "Authorization: " + basic("prometheus", "right")));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("pooltags_tag_bytes");
        assertThat(send(get(w, "metrics").header("Authorization", basic("prometheus", "right"))).statusCode())
                .isEqualTo(200);
        // requests without credentials (a browser's first) are not counted as guesses
        InetAddress browser = RawHttp.client(4);
        for (int i = 0; i < 10; i++) {
            assertThat(RawHttp.exchange(browser, port, RawHttp.get("/")).status()).isEqualTo(401);
        }
    }

    static SSLContext trusting(java.security.cert.X509Certificate cert) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("server", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

}
