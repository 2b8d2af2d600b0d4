package dev.pooltags.cli;

import dev.pooltags.bench.StartupBenchmark;
import dev.pooltags.bench.DebuggerBenchmark;
import dev.pooltags.bench.LeakBenchmark;
import dev.pooltags.bench.SyntheticDebuggerLog;
import dev.pooltags.bench.LintBenchmark;
import dev.pooltags.bench.ScanBenchmark;
import dev.pooltags.bench.ServeLoadTest;
import dev.pooltags.bench.SnapshotBenchmark;
import dev.pooltags.bench.SyntheticLeakSeries;
import dev.pooltags.bench.TagDatabaseBenchmark;
import dev.pooltags.bench.TraceBenchmark;
import dev.pooltags.bench.WrkRun;
import dev.pooltags.leak.LeakAnalysis;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.eval.DemoSeries;
import dev.pooltags.leak.eval.LabelledSeries;
import dev.pooltags.leak.eval.PrefixEvaluation;
import dev.pooltags.leak.eval.SlabCorpus;
import dev.pooltags.leak.eval.EvalCase;
import dev.pooltags.leak.eval.Evaluation;
import dev.pooltags.leak.eval.EvaluationSet;
import dev.pooltags.leak.eval.RealSeries;
import dev.pooltags.report.EvaluationReport;
import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.snapshot.SnapshotSources;
import dev.pooltags.source.EnvironmentException;
import dev.pooltags.source.InputException;
import dev.pooltags.source.UsageException;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pooltags bench}: measures each capability against a baseline run in the same process. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks: each measures one capability and a baseline over the same data in the same run, "
                + "and prints the ratio.", ""},
        subcommands = {BenchCommand.TagDb.class,
                BenchCommand.SnapshotBench.class,
                BenchCommand.TopBench.class,
                BenchCommand.Serve.class,
                BenchCommand.Lint.class,
                BenchCommand.Trace.class,
                BenchCommand.Leaks.class,
                BenchCommand.Scan.class,
                BenchCommand.Debugger.class,
                BenchCommand.Dump.class,
                BenchCommand.Startup.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code pooltags bench debugger [LOG]}. */
    @Command(name = "debugger", mixinStandardHelpOptions = true,
            description = "Read a whole debugger log and answer from it vs. counting its lines; a generated log of real layouts "
                    + "(3,000 !poolused tags, 200,000 !poolfind hits, !pool pages, 5,000 !verifier 3 rows, lm) when no LOG is named.")
    static final class Debugger implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Parameters(paramLabel = "LOG", arity = "0..1", description = "A debugger log (default: the generated one).")
        Path log;

        @Option(names = "--hits", description = "!poolfind hits in the generated log (default ${DEFAULT-VALUE}).")
        int hits = 200_000;

        @Option(names = "--rounds", description = "Timed rounds (default ${DEFAULT-VALUE}).")
        int rounds = 12;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            byte[] bytes = log == null ? SyntheticDebuggerLog.generate(3000, hits, 5000, 16) : dev.pooltags.source.TextFiles.readAllBytes(log);
            String name = log == null ? "generated.log" : log.toString();
            DebuggerBenchmark.Result r = DebuggerBenchmark.run(name, bytes, rounds);
            out.printf("log               %s (%,d bytes, %,d lines, %,d records read)%n", name, r.bytes(), r.lines(), r.records());
            out.printf("count lines       %,10.1f ms   (baseline: one pass over the bytes, as wc -l; fastest of %d rounds)%n",
                    r.countNanos() / 1e6, rounds);
            out.printf("split into lines  %,10.1f ms   (baseline: decode the bytes and cut them into line strings)%n", r.splitNanos() / 1e6);
            out.printf("read the log      %,10.1f ms%n", r.readNanos() / 1e6);
            out.printf("read + answer     %,10.1f ms   ratio to splitting lines: %.1fx, to counting lines: %.0fx; %.1f MB/s%n",
                    r.answerNanos() / 1e6, r.ratioToSplit(), r.ratio(), r.megabytesPerSecond());
            out.flush();
            return Main.OK;
        }
    }

    /** {@code pooltags bench tagdb FILE}. */
    @Command(name = "tagdb", mixinStandardHelpOptions = true,
            description = "Load+index a tag file vs. reading its bytes; exact lookups per second.")
    static final class TagDb implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Parameters(paramLabel = "FILE", description = "The tag file (e.g. pooltag.txt).")
        Path file;

        @Option(names = "--rounds", description = "Timed rounds for load and read (default ${DEFAULT-VALUE}).")
        int rounds = 200;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            TagDatabaseBenchmark.Result r = TagDatabaseBenchmark.run(file, rounds);
            out.printf("file            %s (%,d bytes, %,d entries)%n", file, r.bytes(), r.entries());
            out.printf("read bytes      %,10.3f ms   (baseline: Files.readAllBytes; fastest of %d rounds)%n", r.readNanos() / 1e6, rounds);
            out.printf("load + index    %,10.3f ms   ratio to read: %.2fx (target <= 5x)%n", r.loadNanos() / 1e6,
                    r.loadToReadRatio());
            out.printf("exact lookups   %,.0f per second (target >= 10,000,000)%n", r.lookupsPerSecond());
            out.flush();
            return Main.OK;
        }
    }

    /** {@code pooltags bench snapshot}. */
    @Command(name = "snapshot", mixinStandardHelpOptions = true,
            description = "Decode a 3,000-tag SystemPoolTagInformation buffer and diff two samples vs. copying the buffer; "
                    + "record a day of 1-second samples (5%% of tags changing): bytes on disk, CPU per sample, read-back speed.")
    static final class SnapshotBench implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Option(names = "--tags", description = "Tags per sample (default ${DEFAULT-VALUE}).")
        int tags = 3000;

        @Option(names = "--samples", description = "Samples recorded (default ${DEFAULT-VALUE}: a day at 1 s).")
        int samples = 86_400;

        @Option(names = "--rounds", description = "Timed rounds for decode and copy (default ${DEFAULT-VALUE}).")
        int rounds = 200;

        @Option(names = "--dir", description = "Folder for the temporary recording (default: the system temp folder).")
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SnapshotBenchmark.Decode d = SnapshotBenchmark.decode(tags, rounds);
            out.printf("buffer             %,d tags, %,d bytes (x64 SYSTEM_POOLTAG_INFORMATION)%n", d.tags(), d.bufferBytes());
            out.printf("copy buffer        %,10.1f us   (baseline)%n", d.copyNanos() / 1e3);
            out.printf("decode             %,10.1f us%n", d.decodeNanos() / 1e3);
            out.printf("decode + diff      %,10.1f us   ratio to copy: %.1fx%n", d.decodeDiffNanos() / 1e3, d.ratio());
            out.flush();
            SnapshotBenchmark.Day day = SnapshotBenchmark.recordDay(samples, tags, dir);
            out.printf("recording          %,d samples of %,d rows (%,d tags), 5%% of tags changing per sample%n", day.samples(),
                    day.rowsPerSample(), day.tags());
            out.printf("bytes on disk      %,d (%.1f MB; target under 200 MB for a day)%n", day.bytes(), day.bytes() / 1e6);
            out.printf("CPU per sample     %,.1f us to encode and write%n", day.cpuMicrosPerSample());
            out.printf("read back          %,.0f samples per second%n", day.readSamplesPerSecond());
            out.flush();
            return Main.OK;
        }
    }

    /** {@code pooltags bench top}. */
    @Command(name = "top", mixinStandardHelpOptions = true,
            description = "Run top's refresh loop on a 120x40 virtual terminal with 3,000 tags and report the CPU it uses.")
    static final class TopBench implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Option(names = "--tags", description = "Tags per sample (default ${DEFAULT-VALUE}).")
        int tags = 3000;

        @Option(names = "--seconds", description = "How long to run (default ${DEFAULT-VALUE}).")
        int seconds = 60;

        @Option(names = "--interval", converter = DurationConverter.class, description = "Refresh interval (default 1s).")
        java.time.Duration interval = java.time.Duration.ofSeconds(1);

        @Override
        public Integer call() throws java.io.IOException {
            PrintWriter out = spec.commandLine().getOut();
            SnapshotBenchmark.Top t = SnapshotBenchmark.top(tags, interval, java.time.Duration.ofSeconds(seconds));
            out.printf("top                %,d tags, %d refreshes in %.1f s, %,d bytes drawn%n", t.tags(), t.frames(),
                    t.wallNanos() / 1e9, t.bytesDrawn());
            out.printf("CPU                %.2f s = %.2f%% of one core (target under 5%%)%n", t.cpuNanos() / 1e9, t.cpuPercent());
            out.flush();
            return Main.OK;
        }
    }

    /** {@code pooltags bench serve}: wrk against the real server on 127.0.0.1. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Load test of 'pooltags serve' with wrk on 127.0.0.1: requests per second and p99 latency of "
                    + "/metrics against a static baseline of the same size, a paced run at about --rate requests a "
                    + "second, and heap after --scrapes scrapes.", ""},
            footer = {"", "Needs wrk (Debian: apt-get install wrk). Traffic goes to loopback only.",
                    "Example: pooltags bench serve --tags 3000 --scrapes 100000"})
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Option(names = "--tags", defaultValue = "3000", description = "Synthetic tags to serve (default ${DEFAULT-VALUE}).")
        int tags;

        @Option(names = "--source", paramLabel = "SPEC", description = "Serve this source instead of synthetic tags.")
        String source;

        @Option(names = "--duration", defaultValue = "20s", description = "Length of each wrk run (default ${DEFAULT-VALUE}).")
        String duration;

        @Option(names = "--connections", defaultValue = "4", description = "wrk connections (default ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--threads", defaultValue = "2", description = "wrk threads (default ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--rate", defaultValue = "200", description = "Target of the paced run, requests a second "
                + "(default ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--scrapes", defaultValue = "100000", description = "Scrapes of the memory run (default ${DEFAULT-VALUE}).")
        long scrapes;

        @Option(names = "--max-time", defaultValue = "20m", description = "Upper bound of the memory run (default ${DEFAULT-VALUE}).")
        String maxTime;

        @Option(names = "--interval", defaultValue = "5s", description = "Sampling interval of the server (default ${DEFAULT-VALUE}).")
        String interval;

        @Option(names = "--slow-clients", defaultValue = "50", description = "Clients sending a byte a second, each from "
                + "its own loopback address, held during one more paced run (default ${DEFAULT-VALUE}; 0: no such run).")
        int slowClients;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            java.nio.file.Path wrk = null;
            for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (wrk == null && Files.isExecutable(java.nio.file.Path.of(d, "wrk"))) {
                    wrk = java.nio.file.Path.of(d, "wrk");
                }
            }
            if (wrk == null) {
                throw new EnvironmentException("wrk is not installed (Debian: apt-get install wrk)");
            }
            if (tags < 1 || connections < 1 || threads < 1 || threads > connections || rate < 1 || scrapes < 0
                    || slowClients < 0 || slowClients > 240) {
                throw new UsageException("--tags, --connections, --threads, --rate must be positive, --threads at most "
                        + "--connections, --slow-clients 0 to 240");
            }
            ServeLoadTest.Plan plan = new ServeLoadTest.Plan(threads, connections, ServeCommand.duration("--duration",
                    duration), rate, scrapes, ServeCommand.duration("--max-time", maxTime),
                    ServeCommand.duration("--interval", interval), slowClients);
            SnapshotSource src = source != null ? SnapshotSources.open(source)
                    : SyntheticLeakSeries.source(tags, Duration.ofSeconds(5), 42);
            PrintWriter err = spec.commandLine().getErr();
            ServeLoadTest.Result r;
            try (src) {
                r = ServeLoadTest.run(wrk, src, plan, line -> {
                    if (System.console() != null) {
                        err.println("  " + line);
                        err.flush();
                    }
                });
            }
            out.printf("serve load test: %,d tags, all exported; /metrics %,d bytes (text format); 127.0.0.1 only%n",
                    r.tags(), r.exposition());
            out.printf("machine: %d cores, load average %.2f at the start; %s; %d threads, %d connections, %s runs%n",
                    Runtime.getRuntime().availableProcessors(), r.loadAverage(), r.wrk(), threads, connections,
                    duration);
            out.printf("%-34s %10s %10s %10s %8s%n", "run", "req/s", "p50", "p99", "errors");
            row(out, "/metrics", r.metrics());
            row(out, "baseline: same bytes from memory", r.baseline());
            row(out, "/metrics paced at ~" + r.pacedTarget() + " req/s", r.paced());
            row(out, "/metrics paced, gzip", r.pacedGzip());
            if (r.pacedSlow() != null) {
                row(out, "/metrics paced, " + r.slowClients() + " slow clients", r.pacedSlow());
            }
            out.printf("ratio /metrics to baseline: %.2fx the requests per second, %.2fx the p99%n",
                    r.metrics().perSecond() / r.baseline().perSecond(), r.metrics().p99Ms() / r.baseline().p99Ms());
            boolean met = r.paced().errors() == 0 && r.paced().p99Ms() < 50;
            out.printf("target at ~%d req/s (0 errors, p99 < 50 ms): %s (achieved %.1f req/s, p99 %.2f ms, %d errors)%n",
                    r.pacedTarget(), met ? "met" : "NOT met", r.paced().perSecond(), r.paced().p99Ms(), r.paced().errors());
            out.printf("memory: heap after full GC %.1f MiB before, %.1f MiB after %,d scrapes (%+.1f MiB)%n",
                    r.heapBefore() / 1048576.0, r.heapAfter() / 1048576.0, r.scrapes(),
                    (r.heapAfter() - r.heapBefore()) / 1048576.0);
            out.flush();
            return Main.OK;
        }

        private static void row(PrintWriter out, String name, WrkRun w) {
            out.printf("%-34s %10.1f %8.2fms %8.2fms %8d%n", name, w.perSecond(), w.p50Ms(), w.p99Ms(), w.errors());
        }
    }

    /** {@code pooltags bench lint [DIR]}. */
    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = {"Lint a quarter, a half and all of a source tree, each in a JVM of its own with the options "
                    + "'./pooltags lint' uses: time, lines per second and peak resident memory per step, against "
                    + "'grep -rn ExAllocatePool' over the same tree. Then the shapes that once made lint quadratic: "
                    + "one function of 1,000 and of 8,000 allocate/free pairs, and a 50 MB file that is one line.", ""})
    static final class Lint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Parameters(paramLabel = "DIR", arity = "0..1",
                description = "The source tree (e.g. clones of driver trees side by side); without it only the shapes run.")
        Path dir;

        @Option(names = "--rounds", description = "Lint rounds per step in its JVM, the fastest shown (default ${DEFAULT-VALUE}).")
        int rounds = 1;

        @Option(names = "--copies", paramLabel = "N",
                description = "Measure N copies of the tree's sources in a temporary folder (removed afterwards).")
        int copies = 1;

        @Option(names = "--no-shapes", description = "Skip the pairs and one-line shapes.")
        boolean noShapes;

        @Override
        public Integer call() {
            if (rounds < 1 || copies < 1) {
                throw new UsageException("--rounds and --copies take a number of 1 or more");
            }
            if (dir == null && noShapes) {
                throw new UsageException("nothing to measure: name a source tree, or leave out --no-shapes");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("lint runs in a JVM of its own with %s, as './pooltags lint' does%n",
                    String.join(" ", LintBenchmark.JVM_OPTIONS));
            out.flush();
            double loadBefore = LintBenchmark.loadAverage();
            LintBenchmark.Result r = LintBenchmark.run(dir, rounds, copies, !noShapes);
            double loadAfter = LintBenchmark.loadAverage();
            double limit = LintBenchmark.RSS_LIMIT / 1048576.0;
            if (dir != null) {
                LintBenchmark.Child all = r.all().child();
                out.printf("tree            %s%s: %,d files, %,d lines, %,d bytes%n", dir,
                        r.copies() > 1 ? " x " + r.copies() + " copies" : "", all.files(), all.lines(), r.bytes());
                out.printf("%-6s %8s %12s %10s %10s %12s %10s %9s%n", "step", "files", "lines", "wall s", "CPU s",
                        "lines/s", "peak MiB", "findings");
                for (LintBenchmark.Step s : r.steps()) {
                    LintBenchmark.Child c = s.child();
                    out.printf("%-6s %,8d %,12d %10.2f %10.2f %,12.0f %10.1f %,9d%n", s.name(), c.files(), c.lines(),
                            c.wallNanos() / 1e9, c.cpuNanos() / 1e9, c.linesPerSecond(), c.peakMemory() / 1048576.0,
                            c.findings());
                }
                if (all.peakRss() < 0) {
                    out.println("(peak MiB is the peak heap: this system does not report a process's peak resident set)");
                }
                LintBenchmark.Child quarter = r.steps().get(0).child();
                out.printf("growth          1/4 to all: %.1fx the lines, %.1fx the time, %.2fx the peak memory%n",
                        (double) all.lines() / quarter.lines(), (double) all.wallNanos() / quarter.wallNanos(),
                        (double) all.peakMemory() / quarter.peakMemory());
                if (r.grepNanos() < 0) {
                    out.println("grep            not found: no baseline");
                } else {
                    out.printf("grep -rn        %,10.3f s (baseline: grep -rn ExAllocatePool over the whole tree, best of 2)%n",
                            r.grepNanos() / 1e9);
                    out.printf("ratio           %.1fx grep (lint tokenizes every file, twice where pool routines are called)%n",
                            (double) all.wallNanos() / r.grepNanos());
                }
                out.printf("targets         peak %.0f MiB <= %.0f MiB: %s; %,.0f lines/s >= 300,000: %s%n",
                        r.peakRss() / 1048576.0, limit, r.peakRss() <= LintBenchmark.RSS_LIMIT ? "met" : "NOT met",
                        all.linesPerSecond(), all.linesPerSecond() >= 300_000 ? "met" : "NOT met");
                if (all.cpuNanos() > 0) {
                    out.printf("CPU             %,.0f lines per CPU second (the process's CPU time: every thread, the "
                            + "collector's too)%n", all.lines() / (all.cpuNanos() / 1e9));
                }
            }
            if (r.shapes() != null) {
                LintBenchmark.Shapes sh = r.shapes();
                out.printf("shape pairs     %,d pairs in one function %.3f s, %,d pairs %.3f s: %.1fx the time for 8x the "
                        + "pairs (linear: at most 10x): %s%n", LintBenchmark.PAIRS, sh.pairs().wallNanos() / 1e9,
                        LintBenchmark.PAIRS * 8, sh.pairs8().wallNanos() / 1e9, sh.pairsRatio(),
                        sh.pairsRatio() <= 10 ? "met" : "NOT met");
                out.printf("shape one line  %,d bytes on one line: %.1f s, peak %.1f MiB (bounded: at most %.0f MiB): %s%n",
                        sh.oneLineBytes(), sh.oneLine().wallNanos() / 1e9, sh.oneLine().peakMemory() / 1048576.0, limit,
                        sh.oneLine().peakMemory() <= LintBenchmark.RSS_LIMIT ? "met" : "NOT met");
            }
            out.printf("machine         %d processors; load average %s before, %s after (processes other than lint "
                    + "add to the wall times)%n", Runtime.getRuntime().availableProcessors(), load(loadBefore),
                    load(loadAfter));
            out.flush();
            return Main.OK;
        }

        private static String load(double l) {
            return l < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.2f", l);
        }
    }

    /** {@code pooltags bench trace}. */
    @Command(name = "trace", mixinStandardHelpOptions = true,
            description = "Replay of a generated xperf dumper CSV vs. wc -l over it; events per second; the same replay under -Xmx256m.")
    static final class Trace implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Option(names = "--events", description = "Events in the generated trace (default ${DEFAULT-VALUE}).")
        long events = 10_000_000;

        @Option(names = "--outstanding", description = "Allocations live at once, and at the end (default ${DEFAULT-VALUE}).")
        int outstanding = 100_000;

        @Option(names = "--rounds", description = "Timed rounds of wc -l and of the replay (default ${DEFAULT-VALUE}).")
        int rounds = 3;

        @Option(names = "--no-child", description = "Skip the replay in a -Xmx256m child JVM.")
        boolean noChild;

        @Option(names = "--keep", description = "Keep the generated CSV (its path is printed) instead of deleting it.")
        boolean keep;

        @Override
        public Integer call() {
            if (events < 1 || outstanding < 1 || rounds < 1 || outstanding > events) {
                throw new UsageException("--events, --outstanding and --rounds must be positive, and --outstanding at most --events");
            }
            PrintWriter out = spec.commandLine().getOut();
            TraceBenchmark.Result r = TraceBenchmark.run(events, outstanding, rounds, !noChild, keep);
            out.printf("trace file      %,d events, %,d bytes (xperf dumper CSV, PoolAlloc/PoolFree), %,d outstanding at the end%n",
                    r.events(), r.bytes(), r.outstanding());
            if (r.file() != null) {
                out.printf("                kept at %s%n", r.file());
            }
            out.printf("generate        %,10.3f s%n", r.generateNanos() / 1e9);
            out.printf("wc -l           %,10.3f s   (baseline, median of %d)%n", r.wcNanos() / 1e9, r.rounds());
            out.printf("count lines     %,10.3f s   (this JVM reading the same bytes, median of %d)%n", r.readNanos() / 1e9, r.rounds());
            out.printf("replay          %,10.3f s   median of %d (fastest %.3f s): %,.0f events/s end to end from CSV (target >= 2,000,000)%n",
                    r.replayNanos() / 1e9, r.rounds(), r.replayMin() / 1e9, r.eventsPerSecond());
            out.printf("replay CPU      %,10.3f s   of the replaying thread: %,.0f events per CPU second (%,.3f s of process CPU, GC and JIT included)%n",
                    r.replayCpuNanos() / 1e9, r.eventsPerCpuSecond(), r.replayProcessCpuNanos() / 1e9);
            out.printf("ratio           %,10.1fx wc -l, %.1fx counting lines in Java%n", (double) r.replayNanos() / r.wcNanos(),
                    (double) r.replayNanos() / r.readNanos());
            if (r.child() != null) {
                out.printf("%s child %s (%.1f s wall, exit %d)%n", r.child().heapLimit(), r.child().report(), r.child().wallNanos() / 1e9,
                        r.child().exit());
            }
            out.flush();
            return r.child() == null || r.child().exit() == 0 ? Main.OK : Main.INTERNAL;
        }
    }

    /** {@code pooltags bench leaks}: analysis speed against reading; {@code --evaluate}: precision and recall. */
    @Command(name = "leaks", mixinStandardHelpOptions = true,
            description = {"Leak analysis of a synthetic machine (3,000 tags x 1,440 samples, written as JSON Lines to a"
                    + " temporary folder) against reading that recording, in the same run (target: at most 2x).",
                    "With --evaluate: precision and recall of the verdicts over the evaluation set (345 series with"
                    + " known truth), and the verdicts on the real series and quoted leaks."})
    static final class Leaks implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Option(names = "--tags", description = "Tags in the synthetic recording (default ${DEFAULT-VALUE}).")
        int tags = 3000;

        @Option(names = "--samples", description = "Samples in it (default ${DEFAULT-VALUE}).")
        int samples = 1440;

        @Option(names = "--rounds", description = "Timed rounds (default ${DEFAULT-VALUE}).")
        int rounds = 3;

        @Option(names = "--seed", description = "Seed of the synthetic data and evaluation set (default ${DEFAULT-VALUE}).")
        long seed = 1;

        @Option(names = "--evaluate", description = "Measure precision and recall instead of speed.")
        boolean evaluate;

        @Option(names = "--live", description = "Measure the live analysis of top and serve instead: CPU per second of"
                + " samples for --tags tags sampled every second (target: under 5%% of one core for 3,000).")
        boolean live;

        @Option(names = "--seconds", description = "Samples measured with --live (default ${DEFAULT-VALUE}).")
        int seconds = 300;

        @Option(names = "--real", paramLabel = "FILE",
                description = "Real series in the leak_timeseries.csv layout (default: ../shared/data/series/"
                        + "leak_timeseries.csv when present).")
        Path real;

        @Option(names = "--misses", description = "Wrong calls to list (default ${DEFAULT-VALUE}).")
        int misses = 20;

        @Option(names = "--demo-seeds", paramLabel = "N",
                description = "Seeds each demo scenario is simulated with in --evaluate (default ${DEFAULT-VALUE}).")
        int demoSeeds = 3;

        @Option(names = "--corpus", paramLabel = "DIR",
                description = "The real-workload corpus (slab recordings with truth files; default: "
                        + "src/test/resources/dev/pooltags/leak/slab-corpus when present).")
        Path corpus;

        @Option(names = "--keep", paramLabel = "DIR",
                description = "Write the synthetic recording to DIR and keep it (default: a temporary folder, deleted).")
        Path keep;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (tags < 1 || samples < 2 || rounds < 1) {
                throw new UsageException("--tags, --samples and --rounds must be positive (samples at least 2)");
            }
            if (live) {
                LeakBenchmark.Live l = LeakBenchmark.live(tags, seconds, seed);
                out.printf("live analysis   %,d tags, one sample a second, %d s of samples after a full window, %d"
                        + " checkpoints%n", l.tags(), l.seconds(), l.checkpoints());
                out.printf("baseline        %,10.1f ms CPU   (the change against the previous sample, as every view"
                        + " computes it)%n", l.baselineCpu() / 1e6);
                out.printf("analysis        %,10.1f ms CPU   %.2fx the baseline; %.2f%% of one core (target under 5%%)%n",
                        l.analyseCpu() / 1e6, (double) l.analyseCpu() / l.baselineCpu(), l.corePercent());
                return Main.OK;
            }
            if (evaluate) {
                long t0 = System.nanoTime();
                List<EvalCase> set = EvaluationSet.generate(seed);
                Evaluation.Report r =
                        Evaluation.run(set, LeakOptions.DEFAULTS);
                out.printf("evaluation set: seed %d, %d series, judged in %.1f s%n%n", seed, set.size(),
                        (System.nanoTime() - t0) / 1e9);
                EvaluationReport.text(out, r, misses);
                out.println();
                out.println("Synthetic set at every prefix length (the state leaks, top and serve show after that many"
                        + " samples):");
                List<LabelledSeries> synthetic = set.stream().map(LabelledSeries::of).toList();
                EvaluationReport.prefixes(out, PrefixEvaluation.run(synthetic, LeakOptions.DEFAULTS), misses);
                for (int interval : new int[] {5, 1}) {
                    List<LabelledSeries> demos = new ArrayList<>();
                    for (String name : dev.pooltags.sim.Scenarios.NAMES) {
                        for (int sd = 1; sd <= demoSeeds; sd++) {
                            demos.add(DemoSeries.of(name, sd, interval, 600));
                        }
                    }
                    out.println();
                    out.printf("Demo scenarios, sampled every %d s for 10 minutes, seeds 1 to %d (%d series):%n", interval,
                            demoSeeds, demos.size());
                    LeakOptions o = interval == 1 ? LeakOptions.live() : LeakOptions.DEFAULTS;
                    EvaluationReport.prefixes(out, PrefixEvaluation.run(demos, o), misses);
                    if (interval == 1) {
                        out.println("Time to the verdict, as top shows it (checkpoints every 5 samples, 600 kept):");
                        EvaluationReport.timings(out, PrefixEvaluation.timings(demos, 600, LeakAnalysis.EVERY, o));
                    }
                }
                Path dir = corpus != null ? corpus : SlabCorpus.DEFAULT;
                if (Files.isDirectory(dir) || corpus != null) {
                    List<LabelledSeries> all = SlabCorpus.read(dir);
                    List<LabelledSeries> slab = PrefixEvaluation.targets(all);
                    out.println();
                    out.printf("Real-workload corpus: %d recordings of /proc/slabinfo at 1 s (%s):%n", slab.size(), dir);
                    EvaluationReport.prefixes(out, PrefixEvaluation.run(slab, LeakOptions.live()), misses);
                    out.println("Time from each leak's start to its verdict (checkpoints every 5 samples):");
                    EvaluationReport.timings(out, PrefixEvaluation.timings(slab, 600, LeakAnalysis.EVERY,
                            LeakOptions.live()));
                    for (LabelledSeries limit : PrefixEvaluation.limits(all)) {
                        out.println();
                        out.println("Known limit, not held to the targets: " + limit.name() + ": " + limit.limit());
                        EvaluationReport.prefixes(out, PrefixEvaluation.run(List.of(limit), LeakOptions.live()), misses);
                    }
                }
                Path csv = real != null ? real : Path.of("..", "shared", "data", "series", "leak_timeseries.csv");
                List<RealSeries.RealCase> cases = new ArrayList<>();
                if (Files.exists(csv)) {
                    cases.addAll(RealSeries.readCsv(csv));
                } else if (real != null) {
                    throw new InputException(real, "no such file");
                }
                cases.addAll(RealSeries.quoted());
                out.println();
                out.println("Real series" + (Files.exists(csv) ? " (" + csv + ")" : "")
                        + " and leaks quoted in public reports:");
                EvaluationReport.real(out, cases,
                        RealSeries.quotedSingleSamples(), LeakOptions.DEFAULTS);
                return Main.OK;
            }
            Path dir = keep != null ? keep : Files.createTempDirectory("pooltags-bench-leaks");
            if (keep != null) {
                Files.createDirectories(keep);
                if (Files.exists(keep.resolve("machine.jsonl"))) {
                    throw new UsageException(keep.resolve("machine.jsonl") + " exists: give --keep an empty folder");
                }
            }
            try {
                LeakBenchmark.Result r = LeakBenchmark.run(tags, samples, rounds, seed, dir);
                out.printf("recording       %,d tags x %,d samples, %,d bytes of JSON Lines (synthetic machine, seed %d)%n",
                        r.tags(), r.samples(), r.fileBytes(), seed);
                out.printf("read            %,10.1f ms   (baseline: SnapshotInputs.readSeries of the recording)%n",
                        r.readNanos() / 1e6);
                out.printf("analyse         %,10.1f ms   ratio to read: %.2fx (target <= 2x)%n", r.analyseNanos() / 1e6,
                        r.ratio());
                out.printf("read + analyse  %,10.1f ms   %d leaks, %d likely leaks%n",
                        (r.readNanos() + r.analyseNanos()) / 1e6, r.leaks(), r.likely());
            } finally {
                if (keep != null) {
                    out.println("recording kept in " + keep.resolve("machine.jsonl"));
                }
                try (Stream<Path> s = keep != null ? Stream.empty()
                        : Files.list(dir)) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
                if (keep == null) {
                    Files.deleteIfExists(dir);
                }
            }
            out.flush();
            return Main.OK;
        }
    }

    /** {@code pooltags bench scan DIR}. */
    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = "Scan throughput over a folder of PE files (replicated to --min-mb if smaller) vs. cat of the same "
                    + "files from the page cache, and vs. llvm-objdump -d when it is installed.")
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Parameters(paramLabel = "DIR", description = "A folder of drivers (e.g. a copy of System32\\drivers).")
        Path dir;

        @Option(names = "--min-mb", description = "Replicate the files into a temporary folder until they hold this many MB "
                + "(default ${DEFAULT-VALUE}).")
        int minMb = 500;

        @Option(names = "--threads", description = "Scan threads (default: the number of processors).")
        int threads = Runtime.getRuntime().availableProcessors();

        @Option(names = "--rounds", description = "Timed rounds of cat and scan, alternating; the medians are reported "
                + "(default ${DEFAULT-VALUE}).")
        int rounds = 3;

        @Override
        public Integer call() {
            if (threads < 1 || rounds < 1 || minMb < 0) {
                throw new UsageException("--threads and --rounds must be at least 1, --min-mb at least 0");
            }
            PrintWriter out = spec.commandLine().getOut();
            ScanBenchmark.Result r = ScanBenchmark.run(dir, minMb * 1_000_000L, threads, rounds);
            out.printf("files            %,d PE files, %,.1f MB%s%n", r.files(), r.bytes() / 1e6,
                    r.replicated() ? String.format(" (%d files, %,.2f MB in %s, replicated into a temporary folder, deleted after)",
                            r.sourceFiles(), r.sourceBytes() / 1e6, dir) : " in " + dir);
            out.printf("cat              %8.3f s  %,9.1f MB/s   (baseline: xargs cat of the same files, page cache warm)%n",
                    r.catNanos() / 1e9, r.mbPerSecond(r.catNanos()));
            out.printf("scan, %d thread%s  %8.3f s  %,9.1f MB/s   ratio to cat: %.2fx (target >= 0.33x); %,d call sites%n",
                    r.threads(), r.threads() == 1 ? " " : "s", r.scanNanos() / 1e9, r.mbPerSecond(r.scanNanos()), r.ratioToCat(),
                    r.sites());
            if (r.threads() != 1) {
                out.printf("scan, 1 thread   %8.3f s  %,9.1f MB/s   ratio to cat: %.2fx%n", r.scanOneThreadNanos() / 1e9,
                        r.mbPerSecond(r.scanOneThreadNanos()), (double) r.catNanos() / r.scanOneThreadNanos());
            }
            if (!Double.isNaN(r.cpuRatioToCat())) {
                out.printf("cpu time         cat %.3f s, scan %.3f s: ratio %.2fx (unaffected by other load on the machine)%n",
                        r.catCpuNanos() / 1e9, r.scanCpuNanos() / 1e9, r.cpuRatioToCat());
            }
            if (r.objdumpNanos() > 0) {
                out.printf("llvm-objdump -d  %8.3f s  %,9.1f MB/s   on the %d original files; scan is %,.0fx faster%n",
                        r.objdumpNanos() / 1e9, r.objdumpMbPerSecond(), r.sourceFiles(),
                        r.mbPerSecond(r.scanNanos()) / r.objdumpMbPerSecond());
            } else {
                out.println("llvm-objdump -d  not installed: no disassembler baseline (Debian package llvm)");
            }
            out.flush();
            return Main.OK;
        }
    }

    /** {@code pooltags bench dump DUMP}. */
    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = "Read and scan a large complete memory dump built from a real dump's pages vs. cat of the same file.")
    static final class Dump implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Parameters(paramLabel = "DUMP", description = "A real kernel dump whose pages fill the benchmark dump (a small dump's captured memory works).")
        Path source;

        @Option(names = "--mb", paramLabel = "MB", description = "Size of the dump to build, in MB (default ${DEFAULT-VALUE}).")
        int mb = 1024;

        @Option(names = "--rounds", paramLabel = "N", description = "Timed rounds of cat and scan, alternating; the medians are reported (default ${DEFAULT-VALUE}).")
        int rounds = 3;

        @Override
        public Integer call() {
            if (mb < 1 || rounds < 1) {
                throw new UsageException("--mb and --rounds must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            dev.pooltags.bench.DumpBenchmark.Result r = dev.pooltags.bench.DumpBenchmark.run(source, mb * 1_000_000L, rounds);
            out.printf("dump          %,.1f MB complete memory dump built from %,d real pages of %s, repeated%n", r.bytes() / 1e6,
                    r.sourcePages(), source);
            out.printf("cat           %8.3f s  %,9.1f MB/s   (baseline: cat FILE >/dev/null, page cache warm)%n", r.catNanos() / 1e9,
                    r.mbPerSecond(r.catNanos()));
            out.printf("read + scan   %8.3f s  %,9.1f MB/s   ratio to cat: %.2fx (goal >= 0.50x); %,d confirmed blocks, %,d tags%n",
                    r.scanNanos() / 1e9, r.mbPerSecond(r.scanNanos()), r.ratioToCat(), r.blocks(), r.tags());
            if (!Double.isNaN(r.cpuRatioToCat())) {
                out.printf("cpu time      cat %.3f s, read + scan %.3f s (%d processors): ratio %.2fx (unaffected by other load on the machine)%n",
                        r.catCpuNanos() / 1e9, r.scanCpuNanos() / 1e9, Runtime.getRuntime().availableProcessors(), r.cpuRatioToCat());
            }
            out.printf("heap          peak %,.1f MB of %,.0f MB allowed, for a %,.0f MB dump (the file is mapped, not loaded)%n",
                    r.peakHeap() / 1e6, r.maxHeap() / 1e6, r.bytes() / 1e6);
            out.flush();
            return Main.OK;
        }
    }

    /** {@code pooltags bench startup}. */
    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = {"The quick commands (lookup, who on one file, rules, snapshot, top --once, --help) run through "
                    + "this checkout's launcher, from start to exit, against a Java program that does nothing on the same JDK; "
                    + "every JDK 17 or later in /usr/lib/jvm and the running one, in the same run. The first run on a JDK "
                    + "records the launcher's start-up archive (untimed)."})
    static final class Startup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Option(names = "--jdk", paramLabel = "HOME", description = "A JDK to measure (repeatable; default: all found).")
        List<Path> jdks = new java.util.ArrayList<>();

        @Option(names = "--rounds", description = "Timed rounds per program (default ${DEFAULT-VALUE}).")
        int rounds = 10;

        @Option(names = "--tagfile", paramLabel = "FILE", description = "The tag file for lookup (default: a generated Pooltag.txt of "
                + "5,000 entries, the size of Microsoft's).")
        Path tagfile;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent() == null ? null : jar.getParent().getParent();
            Path launcher = root == null ? null : root.resolve(System.getProperty("os.name", "").startsWith("Windows") ? "pooltags.cmd" : "pooltags");
            if (launcher == null || !java.nio.file.Files.isRegularFile(launcher) || !jar.toString().endsWith(".jar")) {
                throw new dev.pooltags.source.EnvironmentException("bench startup runs the checkout's launcher: run it as ./pooltags bench startup "
                        + "from a checkout (found " + jar + ")");
            }
            Path tmp = java.nio.file.Files.createTempDirectory("pooltags-startup");
            try {
                Path tags = tagfile;
                if (tags == null) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < 5000; i++) {
                        sb.append(String.format(java.util.Locale.ROOT, "T%03X - drv%d.sys - generated entry %d%n", i, i % 97, i));
                    }
                    sb.append("Ntfx - ntfs.sys - General Allocation\r\n");
                    tags = java.nio.file.Files.writeString(tmp.resolve("pooltag.txt"), sb.toString());
                }
                Path driver = root.resolve("src/test/resources/drivers/clang-x64/netvideo.sys");
                List<StartupBenchmark.Program> programs = new java.util.ArrayList<>();
                programs.add(new StartupBenchmark.Program("lookup Ntfx --tagfile F", List.of("lookup", "Ntfx", "--no-localtag", "--tagfile",
                        tags.toString()), true));
                if (java.nio.file.Files.isRegularFile(driver)) {
                    programs.add(new StartupBenchmark.Program("who Nv05 DRIVER", List.of("who", "Nv05", "--no-localtag", "--tagfile",
                            tags.toString(), "--drivers", driver.toString()), true));
                }
                programs.add(new StartupBenchmark.Program("rules", List.of("rules"), true));
                programs.add(new StartupBenchmark.Program("snapshot --source demo:healthy", List.of("snapshot", "--source", "demo:healthy",
                        "--no-localtag"), true));
                programs.add(new StartupBenchmark.Program("top --once --source demo:healthy", List.of("top", "--once", "--source",
                        "demo:healthy", "--no-localtag"), true));
                programs.add(new StartupBenchmark.Program("--help", List.of("--help"), true));
                List<Path> homes = jdks.isEmpty() ? StartupBenchmark.installedJdks(Path.of(System.getProperty("java.home"))) : jdks;
                List<StartupBenchmark.Timing> t = StartupBenchmark.run(launcher, homes, StartupBenchmark.trivialClassPath(tmp), programs, 2,
                        rounds, root);
                String jdk = null;
                double base = 0;
                for (StartupBenchmark.Timing x : t) {
                    if (!x.jdk().equals(jdk)) {
                        jdk = x.jdk();
                        base = x.medianMillis();
                        out.printf("%nJDK %s, %s, median and fastest of %d runs%n", x.jdk(),
                                StartupBenchmark.release(Path.of(x.jdk().replaceAll(" \\(\\d+\\)$", ""))) >= 25 ? "AOT cache" : "AppCDS archive", rounds);
                    }
                    out.printf("  %-34s %8.1f ms  %8.1f ms  %5.2fx%s%n", x.label(), x.medianMillis(), x.bestMillis(), x.medianMillis() / base,
                            x.exit() == 0 ? "" : "   (exit " + x.exit() + ")");
                }
                out.flush();
            } finally {
                try (var s = java.nio.file.Files.walk(tmp)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Main.OK;
        }
    }
}
