package dev.pooltags.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The HTTP(S) server: {@code /metrics} through the Prometheus client's scrape handler (content negotiation between
 * the text format and OpenMetrics, gzip), the dashboard page and its JSON, {@code /-/healthy}.
 *
 * <p>{@code /metrics} without a query is rendered once per sample ({@link CachedScrape}).
 *
 * <p>Every request passes the same gate, in this order: security headers are set; only GET and HEAD are served
 * (the server is read-only: 405 otherwise); a request with a body or an over-long target or header block is
 * refused (413, 414, 431); a client over its rate is told to slow down (429); with users configured, the
 * credentials are checked (401). Any failure inside a handler answers 500 with a fixed text: no stack trace,
 * exception text or path ever reaches a client; the operator gets one line in the log.
 *
 * <p>The JDK server's own limits are set too (before the first server is created, as it reads them once):
 * request header size and count, time to read a request and to write a response, connection count.
 */
public final class WebServer implements AutoCloseable {
    /** Largest request target (path and query) accepted. */
    static final int MAX_TARGET = 2048;
    /** Largest request header block accepted, in bytes. */
    static final int MAX_HEADER_BYTES = 8192;

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

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String[] RESOURCES = {"dashboard.html", "dashboard.js", "dashboard.css"};

    private final HttpServer server;
    private final ExecutorService executor;
    private final PoolSampler sampler;
    private final double intervalSeconds;
    private final Options options;
    private final RateLimiter limiter;
    private final BasicAuth auth;
    private final MetricsHandler metrics;
    private final CachedScrape cachedMetrics;
    private final Consumer<String> log;
    private final Map<String, byte[]> resources = new java.util.HashMap<>();
    private final boolean tls;

    private WebServer(Options o, PoolSampler sampler, double intervalSeconds, PrometheusRegistry registry,
            Consumer<String> log) throws IOException {
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
        HttpServer s;
        // certificate and key are read and checked before the port is taken: a bad file is the error to report
        com.sun.net.httpserver.HttpsConfigurator tlsSetup = tls ? TlsContext.configurator(o.web().tls()) : null;
        try {
            if (tls) {
                HttpsServer https = HttpsServer.create(address, 64);
                https.setHttpsConfigurator(tlsSetup);
                s = https;
            } else {
                s = HttpServer.create(address, 64);
            }
        } catch (BindException e) {
            throw new EnvironmentException("cannot listen on " + hostPort(o.bind(), o.port()) + ": " + e.getMessage()
                    + " (another server on that port? choose one with --port)");
        }
        this.server = s;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, o.threads()), r -> {
            Thread t = new Thread(r, "pooltags-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Starts serving. Listening on a non-loopback address without {@code allowRemote} is refused with an
     * {@link IllegalArgumentException} (the command line checks it first with a friendlier message).
     */
    public static WebServer start(Options o, PoolSampler sampler, double intervalSeconds, PrometheusRegistry registry,
            Consumer<String> log) {
        if (!o.bind().isLoopbackAddress() && !o.allowRemote()) {
            throw new IllegalArgumentException("listening on " + o.bind().getHostAddress()
                    + " needs allowRemote: only loopback is served by default");
        }
        limitJdkServer();
        try {
            WebServer w = new WebServer(o, sampler, intervalSeconds, registry, log);
            w.server.start();
            return w;
        } catch (IOException e) {
            throw new EnvironmentException("cannot listen on " + hostPort(o.bind(), o.port()) + ": " + e.getMessage());
        }
    }

    /** The JDK server reads these once, when its first server is created; a value set by the user is kept. */
    static void limitJdkServer() {
        setDefault("sun.net.httpserver.maxReqHeaderSize", String.valueOf(MAX_HEADER_BYTES * 2));
        setDefault("sun.net.httpserver.maxReqHeaders", "64");
        setDefault("sun.net.httpserver.maxReqTime", "10"); // seconds to read a request: no slow-loris
        setDefault("sun.net.httpserver.maxRspTime", "60"); // seconds to write a response
        setDefault("sun.net.httpserver.maxConnections", "256");
        setDefault("sun.net.httpserver.nodelay", "true"); // small responses go out at once
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** {@code http://127.0.0.1:9741/}. */
    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create((tls ? "https" : "http") + "://" + hostPort(a.getAddress(), a.getPort()) + "/");
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static String hostPort(InetAddress a, int port) {
        String h = a.getHostAddress();
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + port;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) {
        try {
            gateAndRoute(ex);
        } catch (Throwable t) { // NOPMD: whatever went wrong, the client gets a fixed answer and the log one line
            log.accept("request " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " failed: "
                    + t.getClass().getSimpleName() + (t.getMessage() != null ? ": " + t.getMessage() : ""));
            if (ex.getResponseCode() == -1) {
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

    private void gateAndRoute(HttpExchange ex) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
        h.set("Content-Security-Policy", CSP);
        options.web().headers().forEach(h::set);

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
        if (ex.getRequestURI().getRawPath().length() + String.valueOf(ex.getRequestURI().getRawQuery()).length()
                > MAX_TARGET) {
            send(ex, 414, "text/plain; charset=utf-8", "request target too long\n");
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, List<String>> e : req.entrySet()) {
            for (String v : e.getValue()) {
                headerBytes += e.getKey().length() + v.length() + 4;
            }
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            send(ex, 431, "text/plain; charset=utf-8", "request headers too large\n");
            return;
        }
        if (!limiter.tryAcquire(ex.getRemoteAddress().getAddress())) {
            h.set("Retry-After", "1");
            send(ex, 429, "text/plain; charset=utf-8", "too many requests\n");
            return;
        }
        if (auth != null && auth.authenticate(req.getFirst("Authorization")) == null) {
            h.set("WWW-Authenticate", "Basic realm=\"pooltags\", charset=\"UTF-8\"");
            send(ex, 401, "text/plain; charset=utf-8", "authentication required\n");
            return;
        }
        route(ex);
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        switch (path) {
            case "/metrics" -> {
                if (ex.getRequestURI().getRawQuery() == null) {
                    cachedMetrics.handle(ex);
                } else {
                    metrics.handle(ex); // name[] filters and debug=: the client's own handler, uncached
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
