package dev.pooltags.bench;

import dev.pooltags.trace.TraceAnalysis;
import dev.pooltags.trace.TraceReplay;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The trace replay benchmark: writes an xperf-dumper-style CSV of pool events (a population of {@code outstanding}
 * live allocations kept steady by freeing a random one and allocating another, as a busy system does), then times
 * {@code wc -l} over it (the baseline) and the replay end to end from the CSV, and replays it again in a child JVM
 * limited to {@code -Xmx256m}.
 */
public final class TraceBenchmark {
    private static final String[] TAGS = {"Irp ", "File", "MmSt", "Ntfx", "NtFs", "TcpE", "NDnd", "CM31", "NfRx", "FlCa", "Vi54", "Thre",
        "Proc", "Even", "ObNm", "Toke", "SeSd", "AlIn", "FMfn", "Ntfr", "MmCa", "CcSc", "Pool", "Mdl ", "VoSh", "Wfpn", "NSpg", "EtwB"};

    private TraceBenchmark() {}

    /**
     * What one run measured.
     *
     * @param events       events in the file
     * @param bytes        its size
     * @param outstanding  allocations outstanding at its end
     * @param wcNanos      median time of {@code wc -l} (-1 when wc is not installed)
     * @param readNanos    median time of counting its lines in this JVM
     * @param replayNanos  median time of the replay
     * @param replayMin    fastest replay
     * @param child        the -Xmx256m child's report, or null when skipped
     */
    public record Result(Path file, long events, long bytes, long outstanding, long generateNanos, long wcNanos, long readNanos,
            long replayNanos, long replayMin, long replayCpuNanos, long replayProcessCpuNanos, int rounds, ChildResult child) {
        public double eventsPerSecond() {
            return events / (replayNanos / 1e9);
        }

        /** Events per second of the replaying thread's own CPU time: the one-core rate, whatever else runs on the machine. */
        public double eventsPerCpuSecond() {
            return events / (replayCpuNanos / 1e9);
        }
    }

    /** The child JVM's outcome. */
    public record ChildResult(String heapLimit, int exit, long wallNanos, String report) {
    }

    /** Writes the CSV: {@code events} pool events ending with {@code outstanding} allocations live. */
    public static long[] generate(Path file, long events, int outstanding, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] live = new long[Math.max(1, outstanding)];
        int liveCount = 0;
        long[] freeList = new long[1 << 16];
        int freeCount = 0;
        long next = 0xFFFFA08000000000L;
        long time = 0;
        long allocs = 0;
        long frees = 0;
        byte[] line = new byte[256];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(("BeginHeader\n"
                    + "FirstReliableEventTimeStamp, TimeStamp\n"
                    + "                P-Start,  TimeStamp,     Process Name ( PID),  ParentPID\n"
                    + "                CSwitch,  TimeStamp, New Process Name ( PID),    New TID, Old Process Name ( PID),    Old TID, CPU\n"
                    + "              PoolAlloc,  TimeStamp,     Process Name ( PID),   ThreadID,       Type,  Tag,       Size,            Address\n"
                    + "               PoolFree,  TimeStamp,     Process Name ( PID),   ThreadID,       Type,  Tag,            Address\n"
                    + "EndHeader\n"
                    + "OS Version: 10.0.19045, Trace Size: 0KB, Events Lost: 0, Buffers lost: 0, PointerSize: 8, Trace Name: bench.etl\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (long i = 0; i < events; i++) {
                time += 1 + r.nextInt(8);
                // fill to the population, then keep it steady: a free of a random live block, then an allocation
                boolean alloc = liveCount == 0 || liveCount < outstanding && (i < outstanding || r.nextInt(4) != 0);
                if (!alloc) {
                    // free a random live block
                    int k = r.nextInt(liveCount);
                    long a = live[k];
                    live[k] = live[--liveCount];
                    int tagIx = (int) ((a >>> 4) % TAGS.length);
                    int n = poolLine(line, "               PoolFree", time, 0x200, TAGS[tagIx], -1, a);
                    out.write(line, 0, n);
                    if (freeCount < freeList.length) {
                        freeList[freeCount++] = a;
                    }
                    frees++;
                } else {
                    long a = freeCount > 0 ? freeList[--freeCount] : (next += 0x40);
                    int tagIx = (int) ((a >>> 4) % TAGS.length);
                    long size = 16 + r.nextInt(1000);
                    int n = poolLine(line, "              PoolAlloc", time, tagIx % 3 == 0 ? 1 : 0x200, TAGS[tagIx], size, a);
                    out.write(line, 0, n);
                    live[liveCount++] = a;
                    allocs++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {allocs, frees, liveCount};
    }

    /** One event line as the dumper pads it. */
    private static int poolLine(byte[] b, String name, long time, int type, String tag, long size, long address) {
        int p = 0;
        for (int i = 0; i < name.length(); i++) {
            b[p++] = (byte) name.charAt(i);
        }
        p = decimal(b, p, time, 11);
        p = field(b, p, "System (   4)", 24);
        p = field(b, p, "4", 11);
        p = field(b, p, type == 1 ? "0x00000001" : "0x00000200", 11);
        b[p++] = ',';
        b[p++] = ' ';
        for (int i = 0; i < 4; i++) {
            b[p++] = (byte) tag.charAt(i);
        }
        if (size >= 0) {
            p = decimal(b, p, size, 11);
        }
        b[p++] = ',';
        b[p++] = ' ';
        b[p++] = '0';
        b[p++] = 'x';
        for (int shift = 60; shift >= 0; shift -= 4) {
            b[p++] = (byte) "0123456789abcdef".charAt((int) (address >>> shift) & 0xF);
        }
        b[p++] = '\n';
        return p;
    }

    private static int decimal(byte[] b, int p, long v, int width) {
        int digits = v == 0 ? 1 : (int) Math.log10(v) + 1;
        b[p++] = ',';
        for (int i = digits; i < width; i++) {
            b[p++] = ' ';
        }
        for (int i = p + digits - 1; i >= p; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return p + digits;
    }

    private static int field(byte[] b, int p, String v, int width) {
        b[p++] = ',';
        for (int i = v.length(); i < width; i++) {
            b[p++] = ' ';
        }
        for (int i = 0; i < v.length(); i++) {
            b[p++] = (byte) v.charAt(i);
        }
        return p;
    }

    /** Runs the benchmark in a fresh temporary folder, which it deletes unless {@code keep}. */
    public static Result run(long events, int outstanding, int rounds, boolean child, boolean keep) {
        Path dir;
        try {
            dir = Files.createTempDirectory("pooltags-bench-trace");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = dir.resolve("pool.csv");
        try {
            long g0 = System.nanoTime();
            long[] counts = generate(file, events, outstanding, 42);
            long generate = System.nanoTime() - g0;
            long bytes = Files.size(file);
            long wc = median(rounds, () -> wcLines(file));
            long read = median(rounds, () -> countLines(file));
            long[] replays = new long[rounds];
            long[] cpu = new long[rounds];
            long[] processCpu = new long[rounds];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long liveAtEnd = -1;
            for (int i = 0; i < rounds; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long pc = os.getProcessCpuTime();
                long s = System.nanoTime();
                TraceAnalysis a = TraceReplay.run(file, TraceReplay.Options.defaults());
                dev.pooltags.report.TraceReport.text(new java.io.PrintWriter(java.io.Writer.nullWriter()), List.of(a));
                replays[i] = System.nanoTime() - s;
                cpu[i] = threads.getCurrentThreadCpuTime() - c;
                processCpu[i] = os.getProcessCpuTime() - pc;
                liveAtEnd = a.outstandingCount();
                if (a.counts().events() != events) {
                    throw new IllegalStateException("replayed " + a.counts().events() + " of " + events + " events");
                }
            }
            long[] sorted = replays.clone();
            Arrays.sort(sorted);
            Arrays.sort(cpu);
            Arrays.sort(processCpu);
            ChildResult childResult = child ? child(file) : null;
            if (liveAtEnd != counts[2]) {
                throw new IllegalStateException("replay ends with " + liveAtEnd + " outstanding, the file with " + counts[2]);
            }
            return new Result(keep ? file : null, events, bytes, liveAtEnd, generate, wc, read, sorted[rounds / 2], sorted[0], cpu[rounds / 2],
                    processCpu[rounds / 2], rounds, childResult);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!keep) {
                try {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a leftover temp file is not worth failing the benchmark for
                }
            }
        }
    }

    private interface Timed {
        void run() throws IOException;
    }

    private static long median(int rounds, Timed t) throws IOException {
        long[] ns = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            t.run();
            ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        return ns[rounds / 2];
    }

    private static void wcLines(Path file) throws IOException {
        Process p = new ProcessBuilder("wc", "-l", file.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        try {
            if (p.waitFor() != 0) {
                throw new IOException("wc -l failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static long sink;

    private static void countLines(Path file) throws IOException {
        byte[] buf = new byte[1 << 20];
        long n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        sink += n;
    }

    /** The replay in a child JVM with -Xmx256m ({@link TraceReplayChild}). */
    private static ChildResult child(Path file) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(TraceReplayChild.class.getName());
        cmd.add(file.toString());
        File out = File.createTempFile("pooltags-bench-child", ".txt");
        try {
            long s = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out).start();
            boolean done;
            try {
                done = p.waitFor(30, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException(e);
            }
            if (!done) {
                p.destroyForcibly();
                return new ChildResult("-Xmx256m", -1, System.nanoTime() - s, "did not finish in 30 minutes");
            }
            return new ChildResult("-Xmx256m", p.exitValue(), System.nanoTime() - s, Files.readString(out.toPath()).strip());
        } finally {
            Files.deleteIfExists(out.toPath());
        }
    }
}
