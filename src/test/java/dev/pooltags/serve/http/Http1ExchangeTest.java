package dev.pooltags.serve.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Http1ExchangeTest {
    private final List<String> delivered = new ArrayList<>();
    private final List<Boolean> closes = new ArrayList<>();

    private Http1Exchange exchange(String request) throws RequestRefused {
        byte[] b = request.getBytes(StandardCharsets.ISO_8859_1);
        RequestHead head = new RequestHeadParser(2048, 8192, 64).parse(b, b.length);
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 1234);
        return new Http1Exchange(head, a, a, (bufs, close) -> {
            StringBuilder sb = new StringBuilder();
            for (ByteBuffer buf : bufs) {
                sb.append(StandardCharsets.ISO_8859_1.decode(buf.duplicate()));
            }
            delivered.add(sb.toString());
            closes.add(close);
        });
    }

    @Test
    void writesStatusHeadersAndLength() throws Exception {
        Http1Exchange ex = exchange("GET /x HTTP/1.1\r\nHost: h\r\n\r\n");
        ex.getResponseHeaders().set("x-frame-options", "DENY");
        ex.getResponseHeaders().set("X-Bad", "a\u0000Injected: yes"); // CR and LF the JDK class refuses itself
        ex.sendResponseHeaders(200, 0);
        try (OutputStream o = ex.getResponseBody()) {
            o.write("hello".getBytes(StandardCharsets.US_ASCII));
        }
        ex.close();
        ex.close(); // once only
        assertThat(delivered).hasSize(1);
        String r = delivered.get(0);
        assertThat(r).startsWith("HTTP/1.1 200 OK\r\nDate: ").contains("\r\nX-Frame-Options: DENY\r\n")
                .contains("\r\nContent-Length: 5\r\n").endsWith("\r\n\r\nhello").doesNotContain("Injected");
        assertThat(closes).containsExactly(false);
        assertThatThrownBy(() -> ex.getResponseBody().write(1)).isInstanceOf(IOException.class);
    }

    @Test
    void aResponseGivenInPartCanBeReplacedByAWhole500() throws Exception {
        Http1Exchange ex = exchange("GET /x HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        ex.sendResponseHeaders(200, 1000);
        ex.getResponseBody().write("half of it".getBytes(StandardCharsets.US_ASCII));
        assertThat(ex.discardResponse()).isTrue();
        assertThat(ex.getResponseCode()).isEqualTo(-1);
        ex.sendResponseHeaders(500, 3);
        ex.getResponseBody().write("err".getBytes(StandardCharsets.US_ASCII));
        ex.close();
        assertThat(ex.discardResponse()).isFalse();
        assertThat(delivered.get(0)).startsWith("HTTP/1.1 500 Internal Server Error").contains("Connection: close")
                .endsWith("\r\n\r\nerr").doesNotContain("half");
        assertThat(closes).containsExactly(true);
    }

    @Test
    void headAnswersCarryNoBodyAndANeverAnsweredExchangeIs500() throws Exception {
        Http1Exchange head = exchange("HEAD /x HTTP/1.1\r\nHost: h\r\n\r\n");
        head.sendImmutable(200, "0123456789".getBytes(StandardCharsets.US_ASCII));
        head.close();
        assertThat(delivered.get(0)).contains("Content-Length: 10\r\n").endsWith("\r\n\r\n");
        Http1Exchange forgotten = exchange("GET /x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        forgotten.close();
        assertThat(delivered.get(1)).startsWith("HTTP/1.1 500 ").contains("Connection: keep-alive\r\n")
                .endsWith("internal error\n");
    }
}
