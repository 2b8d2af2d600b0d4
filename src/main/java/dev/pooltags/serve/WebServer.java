package dev.pooltags.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.pooltags.serve.http.ClientAddress;
import dev.pooltags.serve.http.Http1Exchange;
import dev.pooltags.serve.http.Http1Server;
import dev.pooltags.source.EnvironmentException;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.HttpErrorHandlingPolicy;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;

/**
 * The HTTP(S) server: {@code /metrics} (the text format or OpenMetrics, chosen by {@link ScrapeFormat}; gzip when
 * asked), the dashboard page and its JSON, {@code /-/healthy}.
 *
 * <p>{@code /metrics} without a query is rendered once per sample ({@link CachedScrape}); with a query
 * ({@code name[]=}, {@code debug=}) it goes to the Prometheus client's scrape handler.
 *
 * <p>It runs on {@link Http1Server}, which keeps slow and hostile clients off the worker threads and answers
 * malformed or over-long request heads itself (400, 414, 431, 408). Every request that reaches a worker passes the
 * same gate, in this order: security headers are set; only GET and HEAD are served (the server is read-only: 405
 * otherwise); a request with a body is refused (413); a client over its rate is told to slow down (429); with users
 * configured, an address with too many wrong passwords is told to wait ({@link AuthBackoff}: 429 with
 * {@code Retry-After}) and the credentials are checked (401). Any failure inside a handler answers 500 with a fixed
 * text: no stack trace, exception text or path ever reaches a client; the operator gets one line in the log.
 */
public final class WebServer implements AutoCloseable {
    /**
     * @param bind        address to listen on
     * @param port        port, 0 for any free one
     * @param allowRemote must be true to listen on anything but a loopback address
     * @param web         TLS, users, extra headers
     * @param ratePerClient requests a second per client address (bursts of twice that), 0 for no limit
     * @param threads     worker threads
     */
    public record Options(InetAddress bind, int port, boolean allowRemote, WebConfig web, double ratePerClient,
            int threads) {}

    /** Most worker threads: each connection has at most one request in flight, so more could never be busy. */
    public static final int MAX_THREADS = Http1Server.Limits.DEFAULT.maxConnections();

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String[] RESOURCES = {"dashboard.html", "dashboard.js", "dashboard.css"};

    private final Http1Server server;
    private final PoolSampler sampler;
    private final double intervalSeconds;
    private final Options options;
    private final RateLimiter limiter;
    private final BasicAuth auth;
    private final AuthBackoff backoff = new AuthBackoff(System::nanoTime);
    private final MetricsHandler metrics;
    private final CachedScrape cachedMetrics;
    private final Consumer<String> log;
    private final Map<String, byte[]> resources = new java.util.HashMap<>();
    private final boolean tls;

    private WebServer(Options o, Http1Server.Limits limits, PoolSampler sampler, double intervalSeconds,
            PrometheusRegistry registry, Consumer<String> log) throws IOException {
        this.options = o;
        this.sampler = sampler;
        this.intervalSeconds = intervalSeconds;
        this.log = log;
        this.limiter = new RateLimiter(o.ratePerClient(), (int) Math.ceil(o.ratePerClient() * 2), System::nanoTime);
        this.auth = o.web().authenticates() ? new BasicAuth(o.web().users()) : null;
        for (String r : RESOURCES) {
            try (InputStream in = WebServer.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + r + " missing from the build");
                }
                resources.put(r, in.readAllBytes());
            }
        }
        this.metrics = new MetricsHandler(PrometheusProperties.builder().build(), registry,
                HttpErrorHandlingPolicy.builder().unsafeDebugResponse(false)
                        .errorReporter(e -> log.accept("scrape failed: " + e)).build());
        this.cachedMetrics = new CachedScrape(registry, sampler::view);
        sampler.onPublish(cachedMetrics::refresh);
        InetSocketAddress address = new InetSocketAddress(o.bind(), o.port());
        this.tls = o.web().tls() != null;
        // certificate and key are read and checked before the port is taken: a bad file is the error to report
        Supplier<SSLEngine> engines = tls ? TlsContext.engines(o.web().tls()) : null;
        try {
            this.server = Http1Server.start(address, limits, engines, o.threads(), this::handle, this::commonHeaders,
                    log);
        } catch (BindException e) {
            throw new EnvironmentException("cannot listen on " + hostPort(o.bind(), o.port()) + ": " + e.getMessage()
                    + " (another server on that port? choose one with --port)");
        }
    }

    /**
     * Starts serving. Listening on a non-loopback address without {@code allowRemote} is refused with an
     * {@link IllegalArgumentException} (the command line checks it first with a friendlier message).
     */
    public static WebServer start(Options o, PoolSampler sampler, double intervalSeconds, PrometheusRegistry registry,
            Consumer<String> log) {
        return start(o, Http1Server.Limits.DEFAULT, sampler, intervalSeconds, registry, log);
    }

    /** {@link #start(Options, PoolSampler, double, PrometheusRegistry, Consumer)} with other connection limits. */
    public static WebServer start(Options o, Http1Server.Limits limits, PoolSampler sampler, double intervalSeconds,
            PrometheusRegistry registry, Consumer<String> log) {
        if (!o.bind().isLoopbackAddress() && !o.allowRemote()) {
            throw new IllegalArgumentException("listening on " + o.bind().getHostAddress()
                    + " needs allowRemote: only loopback is served by default");
        }
        if (o.threads() < 1 || o.threads() > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1 to " + MAX_THREADS);
        }
        // TLS 1.2 renegotiation started by a client costs the server a handshake each time and has no use here
        if (System.getProperty("jdk.tls.rejectClientInitiatedRenegotiation") == null) {
            System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
        }
        try {
            return new WebServer(o, limits, sampler, intervalSeconds, registry, log);
        } catch (IOException e) {
            throw new EnvironmentException("cannot listen on " + hostPort(o.bind(), o.port()) + ": " + e.getMessage());
        }
    }

    /** Connections the server refused at accept (limits) or closed for taking too long. */
    public long refusedConnections() {
        return server.refusedConnections();
    }

    public long timedOutConnections() {
        return server.timedOutConnections();
    }

    /** {@code http://127.0.0.1:9741/}. */
    public URI baseUri() {
        InetSocketAddress a = server.address();
        return URI.create((tls ? "https" : "http") + "://" + hostPort(a.getAddress(), a.getPort()) + "/");
    }

    public InetSocketAddress address() {
        return server.address();
    }

    private static String hostPort(InetAddress a, int port) {
        String h = a.getHostAddress();
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + port;
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange ex) {
        try {
            gateAndRoute(ex);
        } catch (Throwable t) { // NOPMD: whatever went wrong, the client gets a fixed answer and the log one line
            log.accept("request " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " failed: "
                    + t.getClass().getSimpleName() + (t.getMessage() != null ? ": " + t.getMessage() : ""));
            // a response given in part is thrown away: the client gets a whole 500, not a truncated 200
            boolean canAnswer = ex instanceof Http1Exchange h ? h.discardResponse() : ex.getResponseCode() == -1;
            if (canAnswer) {
                commonHeaders(ex.getResponseHeaders());
                try {
                    send(ex, 500, "text/plain; charset=utf-8", "internal error\n");
                } catch (IOException | RuntimeException ignored) {
                    // the connection is gone: nothing more to tell
                }
            }
        } finally {
            ex.close();
        }
    }

    /** The headers on every answer, the server's own error answers included. */
    private void commonHeaders(Headers h) {
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
        h.set("Content-Security-Policy", CSP);
        options.web().headers().forEach(h::set);
    }

    private void gateAndRoute(HttpExchange ex) throws IOException {
        Headers h = ex.getResponseHeaders();
        commonHeaders(h);

        if (ex.getRequestURI().getRawPath() == null) { // "GET mailto:x" and other targets that are no path
            send(ex, 400, "text/plain; charset=utf-8", "bad request target\n");
            return;
        }
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            h.set("Allow", "GET, HEAD");
            send(ex, 405, "text/plain; charset=utf-8", "read-only: only GET and HEAD are served\n");
            return;
        }
        Headers req = ex.getRequestHeaders();
        String length = req.getFirst("Content-Length");
        if (req.containsKey("Transfer-Encoding") || length != null && !length.trim().equals("0")) {
            send(ex, 413, "text/plain; charset=utf-8", "request bodies are not accepted\n");
            return;
        }
        InetAddress client = ClientAddress.key(ex.getRemoteAddress().getAddress());
        if (!limiter.tryAcquire(client)) {
            h.set("Retry-After", "1");
            send(ex, 429, "text/plain; charset=utf-8", "too many requests\n");
            return;
        }
        if (auth != null) {
            long wait = backoff.secondsToWait(client);
            if (wait > 0) {
                h.set("Retry-After", String.valueOf(wait));
                send(ex, 429, "text/plain; charset=utf-8", "too many failed logins from this address: retry in "
                        + wait + " s\n");
                return;
            }
            String credentials = req.getFirst("Authorization");
            if (auth.authenticate(credentials) == null) {
                if (credentials != null) {
                    backoff.failed(client); // no credentials at all is how a browser starts, not a guess
                }
                h.set("WWW-Authenticate", "Basic realm=\"pooltags\", charset=\"UTF-8\"");
                send(ex, 401, "text/plain; charset=utf-8", "authentication required\n");
                return;
            }
        }
        route(ex);
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        switch (path) {
            case "/metrics" -> {
                ScrapeFormat.Choice format = ScrapeFormat.negotiate(ex.getRequestHeaders().getFirst("Accept"));
                if (ex.getRequestURI().getRawQuery() == null) {
                    cachedMetrics.handle(ex, format);
                } else {
                    // name[] filters and debug=: the client's own handler, uncached, told only the format chosen
                    ex.getRequestHeaders().set("Accept", format.accept());
                    metrics.handle(ex);
                }
            }
            case "/", "/index.html" -> send(ex, 200, "text/html; charset=utf-8", resources.get("dashboard.html"));
            case "/dashboard.js" -> send(ex, 200, "text/javascript; charset=utf-8", resources.get("dashboard.js"));
            case "/dashboard.css" -> send(ex, 200, "text/css; charset=utf-8", resources.get("dashboard.css"));
            case "/-/healthy" -> send(ex, 200, "text/plain; charset=utf-8", "OK\n");
            case "/api/tags" -> send(ex, 200, "application/json",
                    DashboardData.tags(sampler.view(), sampler.history(), sampler.verdicts(), intervalSeconds));
            case "/api/history" -> {
                String id = queryParameter(ex.getRequestURI().getRawQuery(), "id");
                byte[] body = id == null ? null : DashboardData.history(id, sampler.view(), sampler.history());
                if (body == null) {
                    send(ex, 404, "text/plain; charset=utf-8", "no such row\n");
                } else {
                    send(ex, 200, "application/json", body);
                }
            }
            default -> send(ex, 404, "text/plain; charset=utf-8", "not found\n");
        }
    }

    static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void send(HttpExchange ex, int status, String type, String text) throws IOException {
        send(ex, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
