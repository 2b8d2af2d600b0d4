package dev.pooltags.bench;

import com.sun.net.httpserver.HttpServer;
import dev.pooltags.serve.CardinalityLimit;
import dev.pooltags.serve.History;
import dev.pooltags.serve.PoolSampler;
import dev.pooltags.serve.SamplingSchedule;
import dev.pooltags.serve.VerdictProvider;
import dev.pooltags.serve.WebConfig;
import dev.pooltags.serve.WebServer;
import dev.pooltags.serve.http.Http1Server;
import dev.pooltags.snapshot.SnapshotSource;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The load test of {@code pooltags serve}: the real server, in this JVM, on 127.0.0.1, loaded by {@code wrk}.
 *
 * <ol>
 *   <li>Throughput: {@code wrk} at a fixed connection count against {@code /metrics}, and the same against a
 *       baseline server on the same machine that sends a same-size byte array from memory (what the loopback,
 *       the JDK's HTTP server and wrk cost without pooltags).</li>
 *   <li>Paced: each connection waits between requests so the total is about the target rate (Debian's wrk has no
 *       rate option; this measures latency at that rate, not a coordinated-omission-free percentile).</li>
 *   <li>Paced again with {@code Accept-Encoding: gzip}, as Prometheus scrapes.</li>
 *   <li>Memory: heap after a full GC before and after the given number of scrapes.</li>
 * </ol>
 * Every request goes to loopback; each wrk run is bounded in time, the whole test in scrape count and time.
 */
public final class ServeLoadTest {
    /**
     * @param tags            rows served (all exported)
     * @param exposition      bytes of one text-format scrape
     * @param loadAverage     the machine's 1-minute load average at the start
     * @param metrics         closed-loop run against /metrics
     * @param baseline        closed-loop run against the static baseline
     * @param paced           paced run against /metrics
     * @param pacedTarget     the rate the paced run aimed at
     * @param scrapes         scrapes done in the memory run (all runs together)
     * @param heapBefore      heap used after GC before the memory run, bytes
     * @param heapAfter       heap used after GC after it
     */
    public record Result(int tags, long exposition, double loadAverage, WrkRun metrics, WrkRun baseline, WrkRun paced,
            WrkRun pacedGzip, WrkRun pacedSlow, int slowClients, int pacedTarget, long scrapes, long heapBefore,
            long heapAfter, String wrk) {}

    /**
     * What to run.
     *
     * @param slowClients slow-loris clients held open during one more paced run (0: no such run)
     */
    public record Plan(int threads, int connections, Duration duration, int pacedRate, long scrapes, Duration maxTime,
            Duration interval, int slowClients) {}

    private ServeLoadTest() {}

    @SuppressWarnings("try") // the schedule only has to run (sampling and re-rendering) while the runs go on
    public static Result run(Path wrk, SnapshotSource source, Plan plan, Consumer<String> progress)
            throws IOException, InterruptedException {
        PrometheusRegistry registry = new PrometheusRegistry();
        PoolSampler sampler = new PoolSampler(source, tag -> null, CardinalityLimit.all(), VerdictProvider.NONE,
                new History(60), registry, System::nanoTime, Clock.systemUTC(), progress);
        if (!sampler.sample()) {
            throw new IllegalStateException("the source gave no sample");
        }
        int tags = sampler.view().rows().size();
        // every wrk connection comes from 127.0.0.1: the per-address connection limit must not refuse them
        Http1Server.Limits limits = Http1Server.Limits.DEFAULT.withConnections(
                Math.max(Http1Server.Limits.DEFAULT.maxConnections(), plan.connections() + 16),
                Math.max(Http1Server.Limits.DEFAULT.maxConnectionsPerClient(), plan.connections() + 1));
        try (WebServer server = WebServer.start(new WebServer.Options(InetAddress.getLoopbackAddress(), 0, false,
                        WebConfig.NONE, 0, 4), limits, sampler, plan.interval().toMillis() / 1000.0, registry, progress);
                SamplingSchedule schedule = SamplingSchedule.start(sampler, plan.interval(), progress)) {
            URI metrics = server.baseUri().resolve("metrics");
            byte[] body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            double load = loadAverage();
            HttpServer baseline = staticServer(body);
            try {
                URI base = URI.create("http://127.0.0.1:" + baseline.getAddress().getPort() + "/metrics");
                progress.accept("warming up (" + plan.duration().toSeconds() + " s)");
                WrkRun.run(wrk, metrics, plan.threads(), plan.connections(), plan.duration(), 0);
                progress.accept("throughput: /metrics");
                WrkRun m = WrkRun.run(wrk, metrics, plan.threads(), plan.connections(), plan.duration(), 0);
                progress.accept("throughput: static baseline");
                WrkRun b = WrkRun.run(wrk, base, plan.threads(), plan.connections(), plan.duration(), 0);
                // each connection waits between requests; the wait is shortened when the responses' own time kept
                // the rate well under the target (at most three tries; the last run is the one reported)
                int delay = Math.max(1, plan.connections() * 1000 / plan.pacedRate());
                WrkRun p = null;
                for (int attempt = 0; attempt < 3; attempt++) {
                    progress.accept("paced: about " + plan.pacedRate() + " requests a second, " + delay + " ms apart");
                    p = WrkRun.run(wrk, metrics, plan.threads(), plan.connections(), plan.duration(), delay);
                    if (p.perSecond() >= 0.95 * plan.pacedRate() || delay <= 1) {
                        break;
                    }
                    double perRequestMs = plan.connections() * 1000.0 / Math.max(1, p.perSecond());
                    delay = Math.max(1, (int) (delay - (perRequestMs - plan.connections() * 1000.0 / plan.pacedRate())));
                }

                // what Prometheus does: it always asks for gzip (the compressed bytes are kept per sample too)
                progress.accept("paced, gzip: " + delay + " ms apart");
                WrkRun pz = WrkRun.run(wrk, metrics, plan.threads(), plan.connections(), plan.duration(), delay,
                        java.util.List.of("Accept-Encoding: gzip"));

                // the same paced run while clients that send a byte a second hold connections (slow loris)
                WrkRun ps = plan.slowClients() > 0 ? withSlowClients(wrk, metrics, plan, server.address().getPort(), delay,
                        progress) : null;

                long before = heapAfterGc();
                long done = 0;
                long deadline = System.nanoTime() + plan.maxTime().toNanos();
                double rate = Math.max(50, m.perSecond());
                while (done < plan.scrapes() && System.nanoTime() < deadline) {
                    long left = plan.scrapes() - done;
                    long seconds = Math.max(5, Math.min(300, (long) Math.ceil(left / rate * 1.1)));
                    progress.accept("memory run: " + done + " of " + plan.scrapes() + " scrapes; next " + seconds + " s");
                    WrkRun r = WrkRun.run(wrk, metrics, plan.threads(), plan.connections(), Duration.ofSeconds(seconds), 0);
                    done += r.requests();
                    rate = Math.max(50, r.perSecond());
                }
                long after = heapAfterGc();
                return new Result(tags, body.length, load, m, b, p, pz, ps, plan.slowClients(), plan.pacedRate(), done,
                        before, after, version(wrk));
            } finally {
                baseline.stop(0);
            }
        }
    }

    /** The paced run while slow clients hold connections; null when their loopback addresses are not usable here. */
    private static WrkRun withSlowClients(Path wrk, URI metrics, Plan plan, int port, int delay, Consumer<String> progress)
            throws IOException, InterruptedException {
        try (SlowClients slow = SlowClients.start(port, plan.slowClients())) {
            if (slow == null) {
                progress.accept("slow clients skipped: 127.0.0.10 and up are not usable here");
                return null;
            }
            progress.accept("paced, " + plan.slowClients() + " slow clients connected");
            Thread.sleep(2000); // they connect and send their first bytes
            return WrkRun.run(wrk, metrics, plan.threads(), plan.connections(), plan.duration(), delay);
        }
    }

    /** A JDK server that answers every request with the same bytes: the floor for serving this much. */
    private static HttpServer staticServer(byte[] body) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        s.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "baseline-http");
            t.setDaemon(true);
            return t;
        }));
        s.createContext("/", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        s.start();
        return s;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String version(Path wrk) {
        try {
            Process p = new ProcessBuilder(wrk.toString(), "-v").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("wrk");
            p.waitFor();
            return v.strip();
        } catch (IOException | InterruptedException e) {
            return "wrk";
        }
    }

    static boolean exists(Path p) {
        return Files.isExecutable(p);
    }
}
