package dev.pooltags.bench;

import dev.pooltags.source.EnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the {@code wrk} load generator against a loopback URL, and what it reported: requests, requests per
 * second, latency percentiles, errors (non-2xx answers and socket errors).
 *
 * @param requests  responses completed
 * @param perSecond requests per second
 * @param p50Ms     median latency
 * @param p99Ms     99th percentile latency
 * @param errors    non-2xx/3xx answers plus socket errors (connect, read, write, timeout)
 * @param output    wrk's own report, for the record
 */
public record WrkRun(long requests, double perSecond, double p50Ms, double p99Ms, long errors, String output) {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /**
     * Runs wrk. Only loopback URLs are accepted: a load test here never leaves the machine. With {@code delayMs > 0}
     * each connection waits that long between requests (a Lua {@code delay()}), which paces the load.
     */
    public static WrkRun run(Path wrk, URI url, int threads, int connections, Duration duration, int delayMs)
            throws IOException, InterruptedException {
        return run(wrk, url, threads, connections, duration, delayMs, List.of());
    }

    /** As above, with extra request headers ({@code Accept-Encoding: gzip}). */
    public static WrkRun run(Path wrk, URI url, int threads, int connections, Duration duration, int delayMs,
            List<String> headers) throws IOException, InterruptedException {
        String host = url.getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("load tests only target loopback, not " + host);
        }
        List<String> cmd = new ArrayList<>(List.of(wrk.toString(), "-t" + threads, "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--timeout", "10s", "--latency"));
        for (String h : headers) {
            cmd.add("-H");
            cmd.add(h);
        }
        Path script = null;
        if (delayMs > 0) {
            script = Files.createTempFile("pooltags-wrk", ".lua");
            Files.writeString(script, "function delay()\n  return " + delayMs + "\nend\n");
            cmd.add("-s");
            cmd.add(script.toString());
        }
        cmd.add(url.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new EnvironmentException("wrk did not finish in time");
            }
            if (p.exitValue() != 0) {
                throw new EnvironmentException("wrk failed: " + out.strip());
            }
            return parse(out);
        } finally {
            if (script != null) {
                Files.deleteIfExists(script);
            }
        }
    }

    /** Reads wrk's report. */
    public static WrkRun parse(String out) {
        long requests = group(REQUESTS, out).map(Long::parseLong).orElse(0L);
        double rps = group(RPS, out).map(Double::parseDouble).orElse(0.0);
        long errors = group(NON2XX, out).map(Long::parseLong).orElse(0L);
        Matcher s = SOCKET.matcher(out);
        if (s.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(s.group(i));
            }
        }
        return new WrkRun(requests, rps, percentile(out, "50%"), percentile(out, "99%"), errors, out);
    }

    private static java.util.Optional<String> group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /** A latency percentile line ({@code 99%  12.34ms}) in milliseconds; NaN when absent. */
    static double percentile(String out, String which) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> v;
        };
    }
}
