package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.serve.http.Http1Server;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 4: slow clients cannot stall {@code serve}. Each slow client comes from its own loopback address
 * (127.0.0.10 and up), so the per-address limit does not simply refuse them: the server has to hold them all and
 * still answer the scraper on 127.0.0.1. Two workers only, fewer than the slow clients by far.
 */
class SlowClientsTest {
    private static final int SLOW = 50;
    private static final String REQUEST = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: "
            + "a-client-that-sends-one-byte-at-a-time\r\nAccept: */*\r\n\r\n";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicBoolean trickling = new AtomicBoolean(true);

    @AfterEach
    void closeAll() throws Exception {
        trickling.set(false);
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private WebServer start(WebConfig web, Http1Server.Limits limits) {
        PrometheusRegistry registry = new PrometheusRegistry();
        PoolSampler s = ServeFixtures.sampler(ServeFixtures.cornerSeries(), CardinalityLimit.all(), VerdictProvider.NONE,
                registry);
        s.sample();
        WebServer w = WebServer.start(new WebServer.Options(InetAddress.getLoopbackAddress(), 0, false, web, 0, 2),
                limits, s, 1, registry, line -> { });
        open.add(w);
        return w;
    }

    private Socket keep(Socket s) {
        open.add(s);
        return s;
    }

    /** Sends the next byte of {@link #REQUEST} on every socket every 500 ms: a request that never completes here. */
    private void trickle(List<Socket> sockets, int sentAlready) {
        Thread t = new Thread(() -> {
            byte[] req = REQUEST.getBytes(StandardCharsets.US_ASCII);
            for (int i = sentAlready; i < req.length - 1 && trickling.get(); i++) {
                for (Socket s : sockets) {
                    try {
                        s.getOutputStream().write(req[i]);
                    } catch (IOException closed) {
                        // the server gave up on it: what the timeout test wants
                    }
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "slow-clients");
        t.setDaemon(true);
        t.start();
    }

    private static void scrape(HttpClient http, WebServer w, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(w.baseUri().resolve("metrics"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("pooltags_tag_bytes{owner=\"mydriver.sys\",pool=\"Nonp\",tag=\"MyBf\"}");
        }
    }

    @Test
    void fiftySlowClientsDoNotStallScrapes() throws Exception {
        // a head timeout of minutes: the slow clients stay connected for the whole test
        WebServer w = start(WebConfig.NONE, Http1Server.Limits.DEFAULT.withTimeouts(Duration.ofMinutes(5),
                Duration.ofMinutes(5)));
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < SLOW; i++) {
            Socket s = keep(RawHttp.connect(RawHttp.client(10 + i), w.address().getPort()));
            s.getOutputStream().write('G');
            slow.add(s);
        }
        trickle(slow, 1);
        scrape(HttpClient.newHttpClient(), w, 20);
        for (Socket s : slow) {
            assertThat(RawHttp.closedByServer(s, 20)).as("slow client still held").isFalse();
        }
        assertThat(w.refusedConnections()).isZero();
    }

    @Test
    void halfSentClientHellosDoNotStallTlsScrapes(@TempDir Path dir) throws Exception {
        Tools.certificate(dir, "server.crt", "server.key");
        Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n");
        WebConfig web = WebConfigReader.read(dir.resolve("web.yml"));
        WebServer w = start(web, Http1Server.Limits.DEFAULT.withTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(5)));
        byte[] hello = clientHello();
        byte[] half = Arrays.copyOf(hello, hello.length / 2);
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < SLOW; i++) {
            Socket s = keep(RawHttp.connect(RawHttp.client(10 + i), w.address().getPort()));
            s.getOutputStream().write(half);
            slow.add(s);
        }
        SSLContext trusting = WebServerSecurityTest.trusting(PemFiles.certificates(dir.resolve("server.crt")).get(0));
        scrape(HttpClient.newBuilder().sslContext(trusting).build(), w, 20);
        for (Socket s : slow) {
            assertThat(RawHttp.closedByServer(s, 20)).as("half handshake still held").isFalse();
        }

        // with a short head timeout, a half handshake is dropped
        WebServer quick = start(web, Http1Server.Limits.DEFAULT.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        try (Socket s = RawHttp.connect(RawHttp.client(9), quick.address().getPort())) {
            s.getOutputStream().write(half);
            assertThat(RawHttp.closedByServer(s, 30_000)).as("closed after the head timeout").isTrue();
        }
        assertThat(quick.timedOutConnections()).isEqualTo(1);
    }

    /** The first flight of a real TLS client: its ClientHello record. */
    private static byte[] clientHello() throws Exception {
        SSLEngine c = SSLContext.getDefault().createSSLEngine("localhost", 443);
        c.setUseClientMode(true);
        c.beginHandshake();
        ByteBuffer out = ByteBuffer.allocate(c.getSession().getPacketBufferSize());
        c.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        byte[] b = new byte[out.remaining()];
        out.get(b);
        assertThat(b[0]).as("a handshake record").isEqualTo((byte) 22);
        return b;
    }

    @Test
    void headsThatTakeTooLongAreCutOff() throws Exception {
        WebServer w = start(WebConfig.NONE, Http1Server.Limits.DEFAULT.withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
        Socket silent = keep(RawHttp.connect(RawHttp.client(2), w.address().getPort()));
        Socket slow = keep(RawHttp.connect(RawHttp.client(3), w.address().getPort()));
        slow.getOutputStream().write('G');
        trickle(List.of(slow), 1); // the whole request would take 40 s at this pace
        slow.setSoTimeout(30_000);
        RawHttp.Answer a = RawHttp.read(slow.getInputStream());
        assertThat(a.status()).isEqualTo(408);
        assertThat(RawHttp.closedByServer(slow, 30_000)).isTrue();
        assertThat(RawHttp.closedByServer(silent, 30_000)).as("a connection that never sends is closed").isTrue();
        assertThat(w.timedOutConnections()).isEqualTo(2);
        // a kept-alive connection waits for its next request up to the idle timeout, then is closed
        try (Socket s = RawHttp.connect(RawHttp.client(4), w.address().getPort())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(RawHttp.get("/-/healthy").getBytes(StandardCharsets.US_ASCII));
            assertThat(RawHttp.read(s.getInputStream()).status()).isEqualTo(200);
            assertThat(RawHttp.closedByServer(s, 30_000)).isTrue();
        }
    }

    @Test
    void connectionsArePerClientAddressAndInAllLimited() throws Exception {
        WebServer w = start(WebConfig.NONE, Http1Server.Limits.DEFAULT.withConnections(12, 4));
        int port = w.address().getPort();
        InetAddress greedy = RawHttp.client(2);
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sockets.add(keep(RawHttp.connect(greedy, port)));
        }
        List<Socket> more = new ArrayList<>();
        for (int i = 4; i < 10; i++) {
            assertThat(RawHttp.refused(greedy, port, more)).as("connection " + i).isTrue();
        }
        open.addAll(more);
        for (Socket s : sockets) {
            assertThat(RawHttp.closedByServer(s, 20)).isFalse();
        }
        assertThat(w.refusedConnections()).isEqualTo(6);
        // the greedy address's connections block nobody else
        assertThat(RawHttp.exchange(InetAddress.getLoopbackAddress(), port, RawHttp.get("/-/healthy")).status())
                .isEqualTo(200);
        // in all: 4 held by the greedy client, 8 more from other addresses fill the server; the next one is refused
        for (int i = 0; i < 8; i++) {
            keep(RawHttp.connect(RawHttp.client(20 + i), port));
        }
        assertThat(RawHttp.refused(RawHttp.client(30), port, more)).isTrue();
        open.addAll(more);
        // a closed connection frees its place
        for (Socket s : sockets.subList(0, 4)) {
            s.close();
        }
        int status = -1;
        for (int i = 0; i < 100 && status != 200; i++) {
            Thread.sleep(100); // the server notices the closes on its own time
            status = RawHttp.exchange(greedy, port, RawHttp.get("/-/healthy")).status();
        }
        assertThat(status).isEqualTo(200);
    }

    static void write(OutputStream o, String s) throws IOException {
        o.write(s.getBytes(StandardCharsets.US_ASCII));
        o.flush();
    }
}
