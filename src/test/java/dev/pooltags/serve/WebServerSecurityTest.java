package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        PoolSampler s = ServeFixtures.sampler(ServeFixtures.cornerSeries(), CardinalityLimit.all(), VerdictProvider.NONE,
                registry);
        s.sample();
        WebServer w = WebServer.start(new WebServer.Options(InetAddress.getLoopbackAddress(), 0, false, web, rate, 2),
                s, 1, registry, line -> {
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
        WebServer w = start(web, 0, new PrometheusRegistry());
        for (String path : new String[] {"metrics", "", "api/tags", "api/history?id=Nonp/MyBf", "dashboard.js"}) {
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

    private static SSLContext trusting(java.security.cert.X509Certificate cert) throws Exception {
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
