package dev.pooltags.serve;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.config.EscapingScheme;
import dev.pooltags.serve.http.Http1Exchange;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /metrics} rendered once per sample. Every metric in the server's registry changes only when a sample is
 * published, so the exposition of one sample is the same for every scrape until the next: it is rendered (by the
 * official client's format writers, chosen by {@link ScrapeFormat}) once per sample and format, and
 * each scrape sends the stored bytes. With thousands of tags rendering costs tens of milliseconds; sending costs
 * well under one.
 *
 * <p>After each sample, {@link #refresh()} (on the sampler thread) renders again every format that has been asked
 * for, so scrapes never wait for a rendering: between a sample and the end of its rendering they get the previous
 * sample's bytes. Only the first request for a format renders on the request thread.
 *
 * <p>Requests with a query ({@code name[]=} filters, {@code debug=}) go to the client's own handler, uncached.
 */
final class CachedScrape {
    private record Rendered(Object version, String contentType, byte[] body) {}

    private record Key(ExpositionFormatWriter writer, EscapingScheme escaping, boolean gzip) {}

    private final PrometheusRegistry registry;
    private final Supplier<Object> version;
    private final Map<Key, Rendered> cache = new ConcurrentHashMap<>();

    /** {@code version} changes (by identity) whenever the registry's content may have changed. */
    CachedScrape(PrometheusRegistry registry, Supplier<Object> version) {
        this.registry = registry;
        this.version = version;
    }

    void handle(HttpExchange ex, ScrapeFormat.Choice format) throws IOException {
        boolean gzip = acceptsGzip(ex.getRequestHeaders().get("Accept-Encoding"));
        Rendered r = rendered(format.writer(), format.escaping(), gzip);
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        if (gzip) {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        ex.getResponseHeaders().add("Vary", "Accept, Accept-Encoding");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(200, -1);
            return;
        }
        if (ex instanceof Http1Exchange h) {
            h.sendImmutable(200, r.body()); // the stored bytes never change: no copy per scrape
            return;
        }
        ex.sendResponseHeaders(200, r.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(r.body());
        }
    }

    private Rendered rendered(ExpositionFormatWriter writer, EscapingScheme escaping, boolean gzip) throws IOException {
        Key key = new Key(writer, escaping, gzip);
        Rendered r = cache.get(key);
        if (r != null) {
            return r; // current, or the previous sample's while refresh() renders this one
        }
        synchronized (this) { // the first request for a format: render once, however many arrive at once
            r = cache.get(key);
            if (r == null) {
                r = render(key);
                cache.put(key, r);
            }
            return r;
        }
    }

    /** Renders every format asked for so far again, if the registry changed since. Called after each sample. */
    void refresh() {
        synchronized (this) {
            Object v = version.get();
            for (Map.Entry<Key, Rendered> e : cache.entrySet()) {
                if (e.getValue().version() != v) {
                    try {
                        e.setValue(render(e.getKey()));
                    } catch (IOException | RuntimeException ex) {
                        cache.remove(e.getKey()); // the next scrape renders it and reports the failure
                    }
                }
            }
        }
    }

    private Rendered render(Key k) throws IOException {
        Object v = version.get();
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
        if (k.gzip()) {
            try (GZIPOutputStream z = new GZIPOutputStream(buf, 1 << 16)) {
                k.writer().write(z, registry.scrape(), k.escaping());
            }
        } else {
            k.writer().write(buf, registry.scrape(), k.escaping());
        }
        return new Rendered(v, k.writer().getContentType(), buf.toByteArray());
    }

    private static boolean acceptsGzip(java.util.List<String> headers) {
        if (headers == null) {
            return false;
        }
        for (String h : headers) {
            for (String part : h.split(",")) {
                String enc = part.trim();
                int semi = enc.indexOf(';');
                String name = (semi >= 0 ? enc.substring(0, semi) : enc).trim();
                if (name.equalsIgnoreCase("gzip") && !enc.replace(" ", "").endsWith(";q=0")) {
                    return true;
                }
            }
        }
        return false;
    }
}
