package dev.pooltags.serve.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One request and its response, in the shape of the JDK's {@link HttpExchange} so that handlers written for it (the
 * Prometheus client's scrape handler among them) run unchanged. The request has been read completely before a
 * handler sees it; the response is kept until {@link #close()} and then handed to the I/O thread whole, so a
 * handler never waits for a client.
 *
 * <p>Differences from the JDK's exchange: the request body is always empty (requests with bodies are answered
 * without reading them), and a response can be thrown away and replaced ({@link #discardResponse()}) until the
 * exchange is closed, so a handler failing half-way answers 500 instead of a truncated 200.
 */
public final class Http1Exchange extends HttpExchange {
    private final RequestHead head;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final BiConsumer<ByteBuffer[], Boolean> deliver;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private final Body body = new Body();
    private byte[] stored;
    private int code = -1;
    private long declared;
    private boolean closed;

    Http1Exchange(RequestHead head, InetSocketAddress remote, InetSocketAddress local,
            BiConsumer<ByteBuffer[], Boolean> deliver) {
        this.head = head;
        this.remote = remote;
        this.local = local;
        this.deliver = deliver;
    }

    /** The request as read off the wire. */
    public RequestHead head() {
        return head;
    }

    @Override
    public Headers getRequestHeaders() {
        return head.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return head.uri();
    }

    @Override
    public String getRequestMethod() {
        return head.method();
    }

    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public InputStream getRequestBody() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public OutputStream getResponseBody() {
        return body;
    }

    @Override
    public synchronized void sendResponseHeaders(int rCode, long responseLength) throws IOException {
        if (code != -1) {
            throw new IOException("response headers already sent");
        }
        if (rCode < 100 || rCode > 999) {
            throw new IllegalArgumentException("status " + rCode);
        }
        code = rCode;
        declared = responseLength;
    }

    /**
     * Sends {@code immutableBody} as the whole response body without copying it: the caller promises the array
     * never changes (a cached rendering). A response of hundreds of kilobytes sent to many clients, some slowly,
     * is then held once in memory, not once per connection.
     */
    public synchronized void sendImmutable(int rCode, byte[] immutableBody) throws IOException {
        sendResponseHeaders(rCode, immutableBody.length == 0 ? -1 : immutableBody.length);
        stored = immutableBody;
    }

    /** Forgets the status, headers and body given so far (until the exchange is closed); false after closing. */
    public synchronized boolean discardResponse() {
        if (closed) {
            return false;
        }
        code = -1;
        declared = 0;
        stored = null;
        body.reset();
        responseHeaders.clear();
        return true;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public synchronized int getResponseCode() {
        return code;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return head.version();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        throw new UnsupportedOperationException("filters that replace streams are not supported");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** Completes the exchange: the response (500 if none was given) goes to the connection. Once only. */
    @Override
    public void close() {
        ByteBuffer[] wire;
        boolean keepAlive;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (code == -1) {
                responseHeaders.clear();
                responseHeaders.set("Content-Type", "text/plain; charset=utf-8");
                code = 500;
                stored = "internal error\n".getBytes(StandardCharsets.UTF_8);
            }
            keepAlive = head.keepAlive();
            boolean isHead = head.method().equals("HEAD");
            boolean noBody = isHead || code < 200 || code == 204 || code == 304;
            ByteBuffer content = stored != null ? ByteBuffer.wrap(stored) : body.view();
            String length = null;
            if (!noBody) {
                length = String.valueOf(content.remaining());
            } else if (isHead && declared > 0) {
                length = String.valueOf(declared);
            }
            byte[] headBytes = ResponseHead.encode(code, responseHeaders, length, keepAlive, head.version());
            wire = noBody ? new ByteBuffer[] {ByteBuffer.wrap(headBytes)}
                    : new ByteBuffer[] {ByteBuffer.wrap(headBytes), content};
        }
        deliver.accept(wire, !keepAlive);
    }

    /** The response body: grows as written; its bytes go out without another copy. */
    private final class Body extends OutputStream {
        private byte[] buf = new byte[0];
        private int count;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (Http1Exchange.this) {
                if (closed) {
                    throw new IOException("the exchange is closed");
                }
                if (count + len > buf.length) {
                    long want = Math.max((long) count + len, Math.max(8192, 2L * buf.length));
                    if (want > Integer.MAX_VALUE - 8) {
                        throw new IOException("response too large");
                    }
                    buf = Arrays.copyOf(buf, (int) want);
                }
                System.arraycopy(b, off, buf, count, len);
                count += len;
            }
        }

        void reset() {
            buf = new byte[0];
            count = 0;
        }

        ByteBuffer view() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }

    /** Builds status line and header block. */
    static final class ResponseHead {
        private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US).withZone(java.time.ZoneOffset.UTC);

        private ResponseHead() {}

        static byte[] encode(int code, Headers headers, String contentLength, boolean keepAlive, String version) {
            StringBuilder sb = new StringBuilder(256);
            sb.append("HTTP/1.1 ").append(code).append(' ').append(reason(code)).append("\r\n");
            sb.append("Date: ").append(DATE.format(java.time.Instant.now())).append("\r\n");
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                String name = e.getKey();
                if (!validName(name) || name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Connection")
                        || name.equalsIgnoreCase("Date") || name.equalsIgnoreCase("Transfer-Encoding")) {
                    continue; // the server writes these itself; a malformed name is never written
                }
                for (String v : e.getValue()) {
                    if (v != null && validValue(v)) {
                        sb.append(canonical(name)).append(": ").append(v).append("\r\n");
                    }
                }
            }
            if (contentLength != null) {
                sb.append("Content-Length: ").append(contentLength).append("\r\n");
            }
            if (!keepAlive) {
                sb.append("Connection: close\r\n");
            } else if (version.equals("HTTP/1.0")) {
                sb.append("Connection: keep-alive\r\n");
            }
            sb.append("\r\n");
            return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        private static boolean validName(String n) {
            if (n == null || n.isEmpty()) {
                return false;
            }
            for (int i = 0; i < n.length(); i++) {
                char c = n.charAt(i);
                if (c <= ' ' || c >= 0x7f || c == ':') {
                    return false;
                }
            }
            return true;
        }

        private static boolean validValue(String v) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < ' ' && c != '\t' || c == 0x7f || c > 0xff) {
                    return false;
                }
            }
            return true;
        }

        /** {@code x-frame-options} as {@code X-Frame-Options}. */
        private static String canonical(String name) {
            char[] c = name.toCharArray();
            boolean up = true;
            for (int i = 0; i < c.length; i++) {
                c[i] = up ? Character.toUpperCase(c[i]) : Character.toLowerCase(c[i]);
                up = c[i] == '-';
            }
            return new String(c);
        }

        static String reason(int code) {
            return switch (code) {
                case 200 -> "OK";
                case 204 -> "No Content";
                case 304 -> "Not Modified";
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 403 -> "Forbidden";
                case 404 -> "Not Found";
                case 405 -> "Method Not Allowed";
                case 406 -> "Not Acceptable";
                case 408 -> "Request Timeout";
                case 413 -> "Content Too Large";
                case 414 -> "URI Too Long";
                case 429 -> "Too Many Requests";
                case 431 -> "Request Header Fields Too Large";
                case 500 -> "Internal Server Error";
                case 501 -> "Not Implemented";
                case 503 -> "Service Unavailable";
                case 505 -> "HTTP Version Not Supported";
                default -> "Status " + code;
            };
        }
    }
}
