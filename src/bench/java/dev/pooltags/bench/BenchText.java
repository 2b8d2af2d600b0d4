package dev.pooltags.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The one renderer of the benchmarks: each result record as the terminal shows it, the measurement beside its
 * baseline and the ratio. The commands only measure; nothing here measures.
 */
final class BenchText {
    private BenchText() {}

    static void debugger(PrintWriter out, String name, int rounds, DebuggerBenchmark.Result r) {
        out.printf("log               %s (%,d bytes, %,d lines, %,d records read)%n", name, r.bytes(), r.lines(), r.records());
        out.printf("count lines       %,10.1f ms   (baseline: one pass over the bytes, as wc -l; fastest of %d rounds)%n",
                r.countNanos() / 1e6, rounds);
        out.printf("split into lines  %,10.1f ms   (baseline: decode the bytes and cut them into line strings)%n", r.splitNanos() / 1e6);
        out.printf("read the log      %,10.1f ms%n", r.readNanos() / 1e6);
        out.printf("read + answer     %,10.1f ms   ratio to splitting lines: %.1fx, to counting lines: %.0fx; %.1f MB/s%n",
                r.answerNanos() / 1e6, r.ratioToSplit(), r.ratio(), r.megabytesPerSecond());
        out.flush();
    }

    static void tagDatabase(PrintWriter out, Path file, int rounds, TagDatabaseBenchmark.Result r) {
        out.printf("file            %s (%,d bytes, %,d entries)%n", file, r.bytes(), r.entries());
        out.printf("read bytes      %,10.3f ms   (baseline: Files.readAllBytes; fastest of %d rounds)%n", r.readNanos() / 1e6, rounds);
        out.printf("load + index    %,10.3f ms   ratio to read: %.2fx (target <= 5x)%n", r.loadNanos() / 1e6,
                r.loadToReadRatio());
        out.printf("exact lookups   %,.0f per second (target >= 10,000,000)%n", r.lookupsPerSecond());
        out.flush();
    }

    static void decode(PrintWriter out, SnapshotBenchmark.Decode d) {
        out.printf("buffer             %,d tags, %,d bytes (x64 SYSTEM_POOLTAG_INFORMATION)%n", d.tags(), d.bufferBytes());
        out.printf("copy buffer        %,10.1f us   (baseline)%n", d.copyNanos() / 1e3);
        out.printf("decode             %,10.1f us%n", d.decodeNanos() / 1e3);
        out.printf("decode + diff      %,10.1f us   ratio to copy: %.1fx%n", d.decodeDiffNanos() / 1e3, d.ratio());
        out.flush();
    }

    static void day(PrintWriter out, SnapshotBenchmark.Day day) {
        out.printf("recording          %,d samples of %,d rows (%,d tags), 5%% of tags changing per sample%n", day.samples(),
                day.rowsPerSample(), day.tags());
        out.printf("bytes on disk      %,d (%.1f MB; target under 200 MB for a day)%n", day.bytes(), day.bytes() / 1e6);
        out.printf("CPU per sample     %,.1f us to encode and write%n", day.cpuMicrosPerSample());
        out.printf("read back          %,.0f samples per second%n", day.readSamplesPerSecond());
        out.flush();
    }

    static void top(PrintWriter out, SnapshotBenchmark.Top t) {
        out.printf("top                %,d tags, %d refreshes in %.1f s, %,d bytes drawn%n", t.tags(), t.frames(),
                t.wallNanos() / 1e9, t.bytesDrawn());
        out.printf("CPU                %.2f s = %.2f%% of one core (target under 5%%)%n", t.cpuNanos() / 1e9, t.cpuPercent());
        out.flush();
    }

    static void serve(PrintWriter out, ServeLoadTest.Result r, int threads, int connections, String duration) {
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
    }

    private static void row(PrintWriter out, String name, WrkRun w) {
        out.printf("%-34s %10.1f %8.2fms %8.2fms %8d%n", name, w.perSecond(), w.p50Ms(), w.p99Ms(), w.errors());
    }

    static void lint(PrintWriter out, Path dir, LintBenchmark.Result r, double loadBefore, double loadAfter) {
        if (dir != null) {
            lintTree(out, dir, r);
        }
        if (r.shapes() != null) {
            double limit = LintBenchmark.RSS_LIMIT / 1048576.0;
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
    }

    private static void lintTree(PrintWriter out, Path dir, LintBenchmark.Result r) {
        double limit = LintBenchmark.RSS_LIMIT / 1048576.0;
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

    private static String load(double l) {
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }

    static void trace(PrintWriter out, TraceBenchmark.Result r) {
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
    }

    static void live(PrintWriter out, LeakBenchmark.Live l) {
        out.printf("live analysis   %,d tags, one sample a second, %d s of samples after a full window, %d"
                + " checkpoints%n", l.tags(), l.seconds(), l.checkpoints());
        out.printf("baseline        %,10.1f ms CPU   (the change against the previous sample, as every view"
                + " computes it)%n", l.baselineCpu() / 1e6);
        out.printf("analysis        %,10.1f ms CPU   %.2fx the baseline; %.2f%% of one core (target under 5%%)%n",
                l.analyseCpu() / 1e6, (double) l.analyseCpu() / l.baselineCpu(), l.corePercent());
    }

    static void leaks(PrintWriter out, long seed, LeakBenchmark.Result r) {
        out.printf("recording       %,d tags x %,d samples, %,d bytes of JSON Lines (synthetic machine, seed %d)%n",
                r.tags(), r.samples(), r.fileBytes(), seed);
        out.printf("read            %,10.1f ms   (baseline: SnapshotInputs.readSeries of the recording)%n",
                r.readNanos() / 1e6);
        out.printf("analyse         %,10.1f ms   ratio to read: %.2fx (target <= 2x)%n", r.analyseNanos() / 1e6,
                r.ratio());
        out.printf("read + analyse  %,10.1f ms   %d leaks, %d likely leaks%n",
                (r.readNanos() + r.analyseNanos()) / 1e6, r.leaks(), r.likely());
    }

    static void scan(PrintWriter out, Path dir, ScanBenchmark.Result r) {
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
    }

    static void dump(PrintWriter out, Path source, DumpBenchmark.Result r) {
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
    }

    static void startup(PrintWriter out, List<StartupBenchmark.Timing> timings, int rounds) {
        String jdk = null;
        double base = 0;
        for (StartupBenchmark.Timing x : timings) {
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
    }
}
