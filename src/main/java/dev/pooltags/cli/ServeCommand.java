package dev.pooltags.cli;

import dev.pooltags.core.Durations;
import dev.pooltags.serve.BasicAuth;
import dev.pooltags.serve.CardinalityLimit;
import dev.pooltags.serve.History;
import dev.pooltags.serve.PoolSampler;
import dev.pooltags.serve.PromDuration;
import dev.pooltags.serve.RowPattern;
import dev.pooltags.serve.SamplingSchedule;
import dev.pooltags.serve.TextfileExport;
import dev.pooltags.serve.VerdictProvider;
import dev.pooltags.serve.WebConfig;
import dev.pooltags.serve.WebConfigReader;
import dev.pooltags.serve.WebServer;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.source.InputException;
import dev.pooltags.source.UsageException;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagEntry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.jline.utils.Signals;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pooltags serve}: per-tag pool metrics for Prometheus and a local dashboard. */
@Command(name = "serve", mixinStandardHelpOptions = true)
public final class ServeCommand extends Subcommand {
    @Mixin
    TagFileOptions tagFiles;

    @Mixin
    SourceOption source;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s",
            description = "Time between samples (default ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}); any other than loopback needs --allow-remote.")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9741",
            description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
    int port;

    @Option(names = "--allow-remote", description = "Allow --bind on an address other hosts can reach.")
    boolean allowRemote;

    @Option(names = "--web-config", paramLabel = "FILE",
            description = "TLS and basic-auth settings, in the format of Prometheus exporters' web-config.yml.")
    Path webConfig;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "20",
            description = "Requests per second per client address, bursts of twice that (default ${DEFAULT-VALUE}; "
                    + "0: no limit).")
    double rateLimit;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "HTTP worker threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--top", paramLabel = "N", defaultValue = "100",
            description = "Export per-tag series for the N largest rows by bytes (default ${DEFAULT-VALUE}; 0: all).")
    int top;

    @Option(names = "--include", paramLabel = "PATTERN", description = "Only rows matching compete for --top (repeatable).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "PATTERN", description = "Never export rows matching (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--always", paramLabel = "PATTERN", description = "Always export rows matching (repeatable).")
    List<String> always = new ArrayList<>();

    @Option(names = "--textfile", paramLabel = "DIR",
            description = "Also write the metrics of /metrics to DIR/pooltags.prom after every sample, replaced at once, for "
                    + "windows_exporter's (or node_exporter's) textfile collector: DIR is its folder, e.g. "
                    + "C:\\Program Files\\windows_exporter\\textfile_inputs.")
    Path textfile;

    @Option(names = "--history", paramLabel = "SAMPLES", defaultValue = "720",
            description = "Samples of history kept for the dashboard's charts (default ${DEFAULT-VALUE}).")
    int history;

    @Option(names = "--hash-password",
            description = "Read a password (one line on standard input) and print its bcrypt hash for basic_auth_users.")
    boolean hashPassword;

    @Option(names = "--no-leak-verdicts", description = "Do not run the leak analysis for the dashboard's verdict column.")
    boolean noLeakVerdicts;

    /** The leak verdicts shown by the dashboard: pooltags' leak analysis over the kept history, every 5 samples. */
    VerdictProvider verdicts;

    @Override
    protected void validate() {
        if (hashPassword) {
            return; // only hashes a password
        }
        require(port >= 0 && port <= 65535, "--port " + port + " is not a port number (0-65535)");
        require(top >= 0, "--top " + top + ": must be 0 (every row) or more");
        require(history >= 2, "--history " + history + ": must be 2 or more");
        require(rateLimit >= 0 && !Double.isInfinite(rateLimit), "--rate-limit " + rateLimit
                + ": must be a number of requests a second, 0 or more");
        require(threads >= 1 && threads <= WebServer.MAX_THREADS, "--threads " + threads + ": must be 1 to "
                + WebServer.MAX_THREADS + " (a connection has at most one request at a time, and at most "
                + WebServer.MAX_THREADS + " connections are served)");
    }

    @Override
    protected ExitCode execute() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (hashPassword) {
            out.println(BasicAuth.hash(readPassword()));
            out.flush();
            return ExitCode.OK;
        }
        Duration every = duration("--interval", interval);
        HistoryBudget budget = new HistoryBudget(Runtime.getRuntime().maxMemory(), !noLeakVerdicts || verdicts != null);
        budget.check(history, 0);
        InetAddress address = address(bind);
        WebConfig web = webConfig == null ? WebConfig.NONE : WebConfigReader.read(webConfig);
        if (textfile != null) {
            TextfileExport.inFolder(textfile); // before the server starts: a wrong folder is said at once
        }
        CardinalityLimit limit = new CardinalityLimit(patterns(include), patterns(exclude), top, patterns(always));
        Consumer<String> log = line -> {
            err.println("pooltags serve: " + line);
            err.flush();
        };
        if (!address.isLoopbackAddress()) {
            remote(web, log);
        }
        String spec = source.spec();
        SnapshotSource opened = source.open(err);
        // the first sample says how many rows the history will hold: check it fits before any of it is allocated
        Snapshot first;
        try {
            first = opened.next().orElseThrow(() -> new InputException(spec, 0, "the source gave no sample"));
            budget.check(history, first.rows().size());
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        TagDatabase owners = tagFiles.load(false, List.of(opened.name(), first.source()), err);
        SnapshotSource src = new FirstSampleAgain(opened, first);
        PrometheusRegistry registry = new PrometheusRegistry();
        PoolSampler sampler = new PoolSampler(src, tag -> {
            TagEntry e = owners.owner(tag);
            return e == null ? null : e.binary();
        }, limit, verdicts != null ? verdicts : noLeakVerdicts ? VerdictProvider.NONE
                : new dev.pooltags.serve.LeakVerdicts(new dev.pooltags.leak.LiveLeaks(Math.max(3, history), 5, dev.pooltags.leak.LeakOptions.live())), new History(history), registry, System::nanoTime, Clock.systemUTC(), log);
        if (!sampler.sample()) {
            src.close();
            throw new InputException(spec, 0, "the source gave no sample");
        }
        WebServer server;
        try {
            server = WebServer.start(new WebServer.Options(address, port, allowRemote, web, rateLimit, threads),
                    sampler, every.toMillis() / 1000.0, registry, log);
        } catch (RuntimeException e) {
            src.close();
            throw e;
        }
        if (textfile != null) {
            exportTextfile(sampler, registry, log);
        }
        return serveUntilStopped(out, src, sampler, server, every, log);
    }

    /**
     * What the sample history costs and what the Java runtime can give it. Per row and sample held: without leak
     * verdicts, 8 bytes in the dashboard's own {@link History} ring; with them, the dashboard reads the live leak
     * analysis's window, which keeps the samples themselves, about 60 bytes (measured: a record and a list slot per
     * row), counted as 80. The history may use 60% of the heap's limit; the rest is for the renderings, the JSON and the
     * server.
     */
    record HistoryBudget(long maxHeap, boolean leakVerdicts) {
        long bytesPerRowSample() {
            return leakVerdicts ? 80 : 8;
        }

        long bytesAvailable() {
            return maxHeap / 10 * 6;
        }

        /**
         * Throws a usage error when {@code samples} samples of {@code rows} rows would not fit; {@code rows} 0 when
         * the source has not been read yet (then a single row is assumed: the least any sample holds).
         */
        void check(long samples, int rows) {
            long perSample = 16 + Math.max(1, rows) * bytesPerRowSample(); // 16: the time stamp and the sample slot
            long fit = bytesAvailable() / perSample;
            if (samples <= fit) {
                return;
            }
            String what = rows == 0 ? String.format(Locale.ROOT, "%,d samples need more memory than this Java "
                    + "runtime can give even for a single row (heap limit %s); at most %,d fit", samples, size(maxHeap),
                    fit) : String.format(Locale.ROOT, "%,d samples of %,d rows need about %s, more than this Java "
                    + "runtime can hold (heap limit %s); at most %,d fit", samples, rows,
                    size(samples * (double) perSample), size(maxHeap), fit);
            throw new UsageException("--history " + samples + ": " + what + ": lower --history, or raise the heap "
                    + "(POOLTAGS_JAVA_OPTS=-Xmx...)" + (leakVerdicts ? ", or drop the leak column with --no-leak-verdicts"
                    : ""));
        }

        static String size(double bytes) {
            String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
            int u = 0;
            while (bytes >= 1024 && u < units.length - 1) {
                bytes /= 1024;
                u++;
            }
            return u == 0 ? String.format(Locale.ROOT, "%.0f bytes", bytes) : String.format(Locale.ROOT, "%.1f %s", bytes, units[u]);
        }
    }

    /** The source with its first sample, taken early to size the history, given again as the first. */
    private static final class FirstSampleAgain implements SnapshotSource {
        private final SnapshotSource source;
        private Snapshot first;

        FirstSampleAgain(SnapshotSource source, Snapshot first) {
            this.source = source;
            this.first = first;
        }

        @Override
        public Optional<Snapshot> next() {
            if (first != null) {
                Snapshot s = first;
                first = null;
                return Optional.of(s);
            }
            return source.next();
        }

        @Override
        public String name() {
            return source.name();
        }

        @Override
        public boolean isSimulated() {
            return source.isSimulated();
        }

        @Override
        public void close() {
            source.close();
        }
    }

    private static void stop(SamplingSchedule schedule, WebServer server, SnapshotSource src) {
        schedule.close();
        server.close();
        src.close();
    }

    private static String readPassword() {
        Console c = System.console();
        if (c != null) {
            char[] pw = c.readPassword("password: ");
            if (pw == null || pw.length == 0) {
                throw new UsageException("no password given");
            }
            return new String(pw);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageException("no password on standard input");
            }
            return line;
        } catch (IOException e) {
            throw new UsageException("cannot read the password: " + e.getMessage());
        }
    }

    /** Samples on schedule until Ctrl-C or SIGTERM, which end the server normally (exit 0). */
    private static ExitCode serveUntilStopped(PrintWriter out, SnapshotSource src, PoolSampler sampler, WebServer server,
            Duration every, Consumer<String> log) throws InterruptedException {
        SamplingSchedule schedule = SamplingSchedule.start(sampler, every, log);
        // other ends (SIGHUP, System.exit elsewhere) still close the source on the way out
        Thread hook = new Thread(() -> stop(schedule, server, src), "pooltags-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        // Ctrl-C and SIGTERM are how a server is meant to be stopped: they end this method normally, exit 0
        Thread running = Thread.currentThread();
        Object previousInt = Signals.register("INT", running::interrupt);
        Object previousTerm = Signals.register("TERM", running::interrupt);
        out.println("pooltags serve: " + server.baseUri() + " (dashboard), " + server.baseUri() + "metrics; source "
                + src.name() + ", a sample every " + PromDuration.format(every) + ", " + sampler.view().rows().size()
                + " rows, " + sampler.view().rows().stream().filter(r -> r.exported()).count() + " exported");
        out.flush();
        try {
            while (true) {
                Thread.sleep(60_000); // the server and the schedule run on their own threads until we are stopped
            }
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(schedule, server, src);
            return ExitCode.OK;
        } finally {
            Signals.unregister("INT", previousInt);
            Signals.unregister("TERM", previousTerm);
        }
    }

    /** Serving other hosts: only when meant (--allow-remote), with a warning when it is without TLS or passwords. */
    private void remote(WebConfig web, Consumer<String> log) {
        if (!allowRemote) {
            throw new UsageException("--bind " + bind + " would serve other hosts: add --allow-remote to mean it "
                    + "(and consider --web-config for TLS and passwords)");
        }
        if (web.tls() == null || !web.authenticates()) {
            log.accept("warning: serving " + bind + " without " + (web.tls() == null ? "TLS" : "")
                    + (web.tls() == null && !web.authenticates() ? " or " : "")
                    + (web.authenticates() ? "" : "authentication") + " (see --web-config)");
        }
    }

    /** --textfile: the folder's pooltags.prom written now and after every sample. */
    private void exportTextfile(PoolSampler sampler, PrometheusRegistry registry, Consumer<String> log) {
        Path prom = TextfileExport.inFolder(textfile);
        Runnable export = () -> {
            try {
                TextfileExport.write(prom, TextfileExport.render(registry));
            } catch (RuntimeException e) {
                log.accept("the textfile " + prom + " was not written: " + e.getMessage());
            }
        };
        export.run(); // the first sample is published already
        sampler.onPublish(export);
    }

    public static Duration duration(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind " + text + ": not an address of this machine");
        }
    }

    private static List<RowPattern> patterns(List<String> texts) {
        List<RowPattern> out = new ArrayList<>();
        for (String t : texts) {
            out.add(RowPattern.parse(t));
        }
        return out;
    }
}
