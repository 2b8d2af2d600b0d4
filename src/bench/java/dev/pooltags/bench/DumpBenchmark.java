package dev.pooltags.bench;

import dev.pooltags.dump.CrashDump;
import dev.pooltags.dump.DumpFile;
import dev.pooltags.dump.DumpInspection;
import dev.pooltags.dump.DumpReader;
import dev.pooltags.dump.MemoryRegion;
import dev.pooltags.source.EnvironmentException;
import dev.pooltags.source.InputException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code pooltags bench dump}: reading and scanning a large complete memory dump against {@code cat} of the same
 * file. The dump is built from a real dump's pages: the memory a small dump captured (each data block put back at its
 * offset in its 4 KiB page) or the pages a complete dump holds, repeated until the file has the size asked for,
 * behind a 64-bit (or 32-bit) header with one physical memory run. Memory stays bounded whatever the dump's size:
 * the benchmark reports the heap the scan needed.
 */
public final class DumpBenchmark {
    private DumpBenchmark() {}

    /**
     * The figures.
     *
     * @param source      the real dump the pages came from
     * @param sourcePages distinct pages taken from it
     * @param bytes       the built dump's size
     * @param catNanos    median wall time of {@code cat FILE > /dev/null}
     * @param scanNanos   median wall time of reading and scanning the dump
     * @param catCpuNanos median CPU time of cat (user + system), -1 where /proc does not say
     * @param scanCpuNanos median CPU time of the scanning process during a scan, -1 where the JVM does not say
     * @param blocks      confirmed pool blocks found
     * @param tags        distinct tags
     * @param peakHeap    peak heap used by the scan rounds, bytes
     * @param maxHeap     the heap's limit
     */
    public record Result(Path source, int sourcePages, long bytes, long catNanos, long scanNanos, long catCpuNanos, long scanCpuNanos,
                         long blocks, long tags, long peakHeap, long maxHeap) {
        public double ratioToCat() {
            return (double) catNanos / scanNanos;
        }

        /** The ratio in CPU time: what other load on a shared machine does not skew. */
        public double cpuRatioToCat() {
            return catCpuNanos < 0 || scanCpuNanos <= 0 ? Double.NaN : (double) catCpuNanos / scanCpuNanos;
        }

        public double mbPerSecond(long nanos) {
            return bytes / 1e6 / (nanos / 1e9);
        }
    }

    /** Builds the dump in a temporary file, measures, deletes it. */
    public static Result run(Path source, long minBytes, int rounds) {
        Path tmp;
        try {
            tmp = Files.createTempFile("pooltags-bench-", ".dmp");
        } catch (IOException e) {
            throw new EnvironmentException("cannot create a temporary file: " + e.getMessage(), e);
        }
        try {
            int pages = build(source, minBytes, tmp);
            long bytes = Files.size(tmp);
            cat(tmp); // warm the page cache
            DumpInspection.inspect(tmp);
            long[] cat = new long[rounds];
            long[] catCpu = new long[rounds];
            long[] scan = new long[rounds];
            long[] scanCpu = new long[rounds];
            DumpInspection last = null;
            resetPeaks();
            for (int i = 0; i < rounds; i++) { // alternate, so a change in the machine's load hits both alike
                long[] c = cat(tmp);
                cat[i] = c[0];
                catCpu[i] = c[1];
                long cpu0 = processCpu();
                long s = System.nanoTime();
                last = DumpInspection.inspect(tmp);
                scan[i] = System.nanoTime() - s;
                long cpu1 = processCpu();
                scanCpu[i] = cpu0 < 0 ? -1 : cpu1 - cpu0;
            }
            long peak = peakHeap();
            return new Result(source, pages, bytes, median(cat), median(scan), median(catCpu), median(scanCpu), last.pool().confirmed(),
                    last.usage().stream().map(u -> u.tag()).distinct().count(), peak, Runtime.getRuntime().maxMemory());
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the benchmark dump " + tmp + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }

    /** Writes a complete memory dump of at least {@code minBytes} from the source's pages; returns the distinct pages. */
    static int build(Path source, long minBytes, Path out) throws IOException {
        List<byte[]> pages = new ArrayList<>();
        int bits;
        int build;
        int machine;
        try (DumpFile f = DumpFile.open(source)) {
            CrashDump d = DumpReader.read(f);
            bits = d.bits();
            build = d.build();
            machine = d.machine().code();
            TreeMap<Long, byte[]> byPage = new TreeMap<>(Long::compareUnsigned);
            for (MemoryRegion r : d.regions()) {
                if (r.kind() == MemoryRegion.Kind.STACK) {
                    continue;
                }
                for (long o = 0; o < r.length(); ) {
                    long a = r.address() + o;
                    long page = a & ~0xFFFL;
                    int in = (int) (a & 0xFFF);
                    int n = (int) Math.min(0x1000 - in, r.length() - o);
                    f.get(r.fileOffset() + o, byPage.computeIfAbsent(page, k -> new byte[0x1000]), in, n);
                    o += n;
                    if (byPage.size() > 65_536) {
                        break; // plenty of real pages to repeat
                    }
                }
            }
            pages.addAll(byPage.values());
        }
        if (pages.isEmpty()) {
            throw new InputException(source, "holds no memory pages to build a benchmark dump from");
        }
        int header = bits == 64 ? 0x2000 : 0x1000;
        long count = Math.max(pages.size(), (minBytes - header + 0xFFF) / 0x1000);
        ByteBuffer h = ByteBuffer.allocate(header).order(ByteOrder.LITTLE_ENDIAN);
        byte[] fill = "PAGE".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < header; i += 4) {
            h.put(i, fill);
        }
        h.put(0, (bits == 64 ? "PAGEDU64" : "PAGEDUMP").getBytes(StandardCharsets.US_ASCII));
        h.putInt(8, 0xF).putInt(12, build);
        if (bits == 64) {
            h.putInt(0x30, machine).putInt(0x34, 1).putInt(0x38, 0xE2).putInt(0x3C, 0);
            for (int i = 0; i < 4; i++) {
                h.putLong(0x40 + 8 * i, 0);
            }
            h.putInt(0x88, 1).putInt(0x8C, 0).putLong(0x90, count).putLong(0x98, 0x100).putLong(0xA0, count);
            h.putInt(0xF98, 1).putLong(0xFA0, header + count * 0x1000);
        } else {
            h.putInt(32, machine).putInt(36, 1).putInt(40, 0xE2);
            for (int i = 0; i < 4; i++) {
                h.putInt(44 + 4 * i, 0);
            }
            h.putInt(100, 1).putInt(104, (int) count).putInt(108, 0x100).putInt(112, (int) count);
            h.putInt(3976, 1).putLong(4000, header + count * 0x1000);
        }
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = ByteBuffer.wrap(h.array());
            while (head.hasRemaining()) {
                ch.write(head);
            }
            ByteBuffer chunk = ByteBuffer.allocate(64 * 0x1000);
            long written = 0;
            int next = 0;
            while (written < count) {
                chunk.clear();
                while (chunk.hasRemaining() && written < count) {
                    chunk.put(pages.get(next));
                    next = (next + 1) % pages.size();
                    written++;
                }
                chunk.flip();
                while (chunk.hasRemaining()) {
                    ch.write(chunk);
                }
            }
        }
        return pages.size();
    }

    /** {wall, cpu} nanoseconds of {@code cat FILE >/dev/null}; cpu from the shell's children's times in /proc (-1 without /proc). */
    private static long[] cat(Path file) {
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder("sh", "-c", "cat \"$1\" >/dev/null && cat /proc/$$/stat", "sh", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String stat = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new EnvironmentException("cat failed (exit " + p.exitValue() + ")");
            }
            long wall = System.nanoTime() - start;
            long cpu = -1;
            int close = stat.lastIndexOf(')');
            if (close > 0) {
                String[] f = stat.substring(close + 2).trim().split(" ");
                if (f.length > 14) {
                    cpu = (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L; // cutime, cstime in 1/100 s
                }
            }
            return new long[] {wall, cpu};
        } catch (IOException e) {
            throw new EnvironmentException("cannot run cat: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while running cat", e);
        }
    }

    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
