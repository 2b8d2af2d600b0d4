package dev.pooltags.serve.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestHeadParserTest {
    private static RequestHeadParser parser() {
        return new RequestHeadParser(2048, 8192, 64);
    }

    private static RequestHead parse(String text) throws RequestRefused {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return parser().parse(b, b.length);
    }

    private static int refusal(String text) {
        try {
            parse(text);
        } catch (RequestRefused r) {
            return r.status();
        }
        return 0;
    }

    @Test
    void readsAPrometheusScrape() throws Exception {
        String req = "GET /metrics HTTP/1.1\r\nHost: 10.0.0.5:9741\r\nUser-Agent: Prometheus/2.42.0\r\n"
                + "Accept: application/openmetrics-text;version=1.0.0;q=0.5,*/*;q=0.1\r\nAccept-Encoding: gzip\r\n"
                + "X-Prometheus-Scrape-Timeout-Seconds: 10\r\n\r\nGET /next";
        RequestHead h = parse(req);
        assertThat(h.method()).isEqualTo("GET");
        assertThat(h.uri().getRawPath()).isEqualTo("/metrics");
        assertThat(h.headers().getFirst("accept-encoding")).isEqualTo("gzip");
        assertThat(h.headers().getFirst("X-Prometheus-Scrape-Timeout-Seconds")).isEqualTo("10");
        assertThat(h.keepAlive()).isTrue();
        assertThat(h.hasBody()).isFalse();
        assertThat(h.length()).isEqualTo(req.length() - "GET /next".length());
    }

    @Test
    void incompleteUntilTheBlankLine() throws Exception {
        assertThat(parse("GET / HTTP/1.1\r\nHost: x\r\n")).isNull();
        assertThat(parse("GET / HTTP/1.1\r\nHost: x\r\n\r")).isNull();
        assertThat(parse("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).isNotNull();
    }

    @Test
    void bareLineFeedsAndLeadingBlankLinesAreRead() throws Exception {
        RequestHead h = parse("\r\n\nGET /-/healthy HTTP/1.1\nHost: x\n\n");
        assertThat(h.uri().getPath()).isEqualTo("/-/healthy");
        assertThat(h.length()).isEqualTo("\r\n\nGET /-/healthy HTTP/1.1\nHost: x\n\n".length());
    }

    @Test
    void limitsAreEnforcedAsTheBytesArrive() {
        // no line end yet, and already too long: 414 without waiting for the rest
        assertThat(refusal("GET /" + "a".repeat(3000))).isEqualTo(414);
        assertThat(refusal("GET /" + "a".repeat(2048) + " HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo(414);
        assertThat(refusal("A".repeat(3000))).as("no method at all").isEqualTo(400);
        assertThat(refusal("GET / HTTP/1.1\r\nHost: x\r\nX: " + "v".repeat(9000))).isEqualTo(431);
        assertThat(refusal("GET / HTTP/1.1\r\nHost: x\r\n" + "X: 1\r\n".repeat(64))).isEqualTo(431);
        assertThat(refusal("GET / HTTP/1.1\r\n" + "X: 1\r\n".repeat(62) + "Host: x\r\n\r\n")).isZero();
        assertThat(refusal("\r\n".repeat(9) + "GET / HTTP/1.1\r\n")).isEqualTo(400);
    }

    @Test
    void ambiguousHeadsAreRefused() {
        assertThat(refusal("GET / HTTP/1.1\r\n\r\n")).as("no Host").isEqualTo(400);
        assertThat(refusal("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")).isEqualTo(400);
        assertThat(refusal("GET / HTTP/1.1\r\nHost : a\r\n\r\n")).isEqualTo(400);
        assertThat(refusal("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n")).isEqualTo(400);
        assertThat(refusal("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n")).as("bare CR").isEqualTo(400);
        assertThat(refusal("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 2\r\n\r\n")).isEqualTo(400);
        assertThat(refusal("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n")).isEqualTo(400);
        assertThat(refusal("GET  / HTTP/1.1\r\nHost: a\r\n\r\n")).isEqualTo(400);
        assertThat(refusal("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n")).isEqualTo(400);
        assertThat(refusal("GET /a\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n")).isEqualTo(400);
        assertThat(refusal("GET /metrics?x={} HTTP/1.1\r\nHost: a\r\n\r\n")).isEqualTo(400);
        assertThat(refusal("GET /metrics?name[]=x HTTP/1.1\r\nHost: a\r\n\r\n")).as("brackets are read").isZero();
        assertThat(refusal("GET / HTTP/2.0\r\nHost: a\r\n\r\n")).isEqualTo(505);
        assertThat(refusal("GET / HTTP/1\r\nHost: a\r\n\r\n")).isEqualTo(400);
        assertThat(refusal("GET /\r\n\r\n")).as("HTTP/0.9").isEqualTo(400);
    }

    @Test
    void bodiesAndConnectionTokens() throws Exception {
        assertThat(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n").hasBody()).isTrue();
        assertThat(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n").hasBody()).isFalse();
        assertThat(parse("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n").hasBody()).isTrue();
        assertThat(parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive, close\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse("GET / HTTP/1.0\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").keepAlive()).isTrue();
        assertThat(parse("GET / HTTP/1.9\r\nHost: a\r\n\r\n").version()).isEqualTo("HTTP/1.1");
    }

    @Test
    void targetForms() throws Exception {
        assertThat(parse("GET http://h:9741/metrics?x=1 HTTP/1.1\r\nHost: h\r\n\r\n").uri().getRawPath())
                .isEqualTo("/metrics");
        assertThat(parse("GET mailto:x HTTP/1.1\r\nHost: h\r\n\r\n").uri().getRawPath()).isNull();
        assertThat(parse("GET /metrics?name%5B%5D=a HTTP/1.1\r\nHost: h\r\n\r\n").uri().getRawQuery())
                .isEqualTo("name%5B%5D=a");
    }

    @Test
    void afterResetTheNextHeadStartsAtZero() throws Exception {
        RequestHeadParser p = parser();
        byte[] a = "GET /a HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(p.parse(a, a.length)).isNull();
        p.reset();
        byte[] b = "GET /b HTTP/1.1\r\nHost: y\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(p.parse(b, b.length).uri().getPath()).isEqualTo("/b");
    }

    @Test
    void refusalNamesTheProblem() {
        assertThatThrownBy(() -> parse("GET / HTTP/1.1\r\n\r\n")).isInstanceOf(RequestRefused.class)
                .hasMessageContaining("Host");
    }
}
