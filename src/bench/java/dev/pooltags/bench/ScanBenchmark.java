package dev.pooltags.bench;

import dev.pooltags.pe.PeReader;
import dev.pooltags.scan.DriverFiles;
import dev.pooltags.scan.DriverScan;
import dev.pooltags.scan.FileScan;
import dev.pooltags.source.EnvironmentException;
import dev.pooltags.source.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures {@code scan} throughput over a folder of PE files against two baselines run in the same process on
 * the same files: {@code cat} of every file from the page cache (the cost of just reading the bytes), and an
 * {@code llvm-objdump -d} pass (what a disassembler needs for the same files), when llvm-objdump is installed.
 * A folder smaller than the target size is replicated into a temporary folder (deleted afterwards) so the
 * timing is over enough bytes to mean something.
 */
public final class ScanBenchmark {
    /** The figures one run produced. */
    public record Result(int sourceFiles, long sourceBytes, int files, long bytes, boolean replicated, long catNanos,
            long catCpuNanos, long scanNanos, long scanCpuNanos, int threads, long scanOneThreadNanos, long sites,
            long objdumpNanos, long objdumpBytes) {
        public double mbPerSecond(long nanos) {
            return bytes / 1e6 / (nanos / 1e9);
        }

        public double ratioToCat() {
            return (double) catNanos / scanNanos;
        }

        /** The same ratio in CPU time (cat's and its children's, the scanning JVM's): what a busy machine does not skew. */
        public double cpuRatioToCat() {
            return catCpuNanos <= 0 || scanCpuNanos <= 0 ? Double.NaN : (double) catCpuNanos / scanCpuNanos;
        }

        public double objdumpMbPerSecond() {
            return objdumpBytes / 1e6 / (objdumpNanos / 1e9);
        }
    }

    private ScanBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param dir      folder of drivers
     * @param minBytes replicate the files until the set holds at least this many bytes
     * @param threads  scan threads
     * @param rounds   timed rounds (median reported)
     */
    public static Result run(Path dir, long minBytes, int threads, int rounds) {
        List<Path> pe = new ArrayList<>();
        long sourceBytes = 0;
        for (DriverFiles.Target t : DriverFiles.list(List.of(dir))) {
            ByteBuffer head = PeReader.load(t.path());
            if (PeReader.hasMzSignature(head)) {
                pe.add(t.path());
                sourceBytes += head.limit();
            }
        }
        if (pe.isEmpty()) {
            throw new InputException(dir, "holds no PE files to scan");
        }
        Path tmp = null;
        try {
            List<Path> files = pe;
            long bytes = sourceBytes;
            if (sourceBytes < minBytes) {
                tmp = Files.createTempDirectory("pooltags-bench-scan");
                files = new ArrayList<>();
                bytes = 0;
                for (int copy = 0; bytes < minBytes; copy++) {
                    Path sub = Files.createDirectories(tmp.resolve(String.format("copy%05d", copy)));
                    for (int i = 0; i < pe.size(); i++) {
                        Path target = sub.resolve(i + "-" + pe.get(i).getFileName());
                        Files.copy(pe.get(i), target, StandardCopyOption.REPLACE_EXISTING);
                        files.add(target);
                        bytes += Files.size(target);
                    }
                }
            }
            List<DriverFiles.Target> targets = files.stream().map(p -> new DriverFiles.Target(p, false)).toList();
            Path list = Files.createTempFile("pooltags-bench-files", ".lst");
            try {
                Files.writeString(list, String.join("\0", files.stream().map(Path::toString).toList()) + "\0");
                cat(list); // warm the page cache
                // cat and scan rounds alternate, so a change in the machine's load hits both alike
                long[] catWall = new long[rounds];
                long[] catCpu = new long[rounds];
                long[] scanWall = new long[rounds];
                long[] scanCpu = new long[rounds];
                long sites = scanOnce(targets, threads)[2]; // warm-up (class loading, JIT)
                for (int r = 0; r < rounds; r++) {
                    long[] c = cat(list);
                    catWall[r] = c[0];
                    catCpu[r] = c[1];
                    long[] sc = scanOnce(targets, threads);
                    scanWall[r] = sc[0];
                    scanCpu[r] = sc[1];
                }
                long scan1 = threads == 1 ? median(scanWall) : scanOnce(targets, 1)[0];
                long objdump = -1;
                if (onPath("llvm-objdump")) {
                    objdump = objdump(pe);
                }
                return new Result(pe.size(), sourceBytes, files.size(), bytes, tmp != null, median(catWall), median(catCpu),
                        median(scanWall), median(scanCpu), threads, scan1, sites, objdump, sourceBytes);
            } finally {
                Files.deleteIfExists(list);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                delete(tmp);
            }
        }
    }

    /** {wall, cpu, call sites} nanoseconds of one scan of the files; cpu is the whole JVM's (GC and JIT included). */
    private static long[] scanOnce(List<DriverFiles.Target> targets, int threads) {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os instanceof com.sun.management.OperatingSystemMXBean o ? o.getProcessCpuTime() : -1;
        long t0 = System.nanoTime();
        List<FileScan> r = new DriverScan(threads, List.of(), false).run(targets, n -> { });
        long wall = System.nanoTime() - t0;
        long cpu = cpu0 < 0 ? -1 : ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - cpu0;
        return new long[] {wall, cpu, r.stream().mapToLong(f -> f.uses().size()).sum()};
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /**
     * {wall, cpu} nanoseconds for {@code xargs -0 cat} of the listed files into /dev/null; cpu from the shell's
     * children's user+system times in /proc (-1 where there is no /proc).
     */
    private static long[] cat(Path list) {
        String script = "xargs -0 -a \"$1\" cat >/dev/null && cat /proc/$$/stat";
        long start = System.nanoTime();
        String stat = runCapturing(List.of("sh", "-c", script, "sh", list.toString()));
        long wall = System.nanoTime() - start;
        long cpu = -1;
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        if (f.length > 14) {
            long ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]); // cutime, cstime (fields 16, 17)
            cpu = ticks * 1_000_000_000L / 100; // USER_HZ is 100 on Linux
        }
        return new long[] {wall, cpu};
    }

    private static String runCapturing(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new EnvironmentException(cmd.get(0) + " failed (exit " + p.exitValue() + ")");
            }
            return out;
        } catch (IOException e) {
            throw new EnvironmentException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while running " + cmd.get(0), e);
        }
    }

    /** Nanoseconds for {@code llvm-objdump -d} over the original files, output discarded. */
    private static long objdump(List<Path> files) {
        List<String> cmd = new ArrayList<>(List.of("llvm-objdump", "-d"));
        files.forEach(p -> cmd.add(p.toString()));
        runQuietly(cmd); // warm up
        long start = System.nanoTime();
        runQuietly(cmd);
        return System.nanoTime() - start;
    }

    private static void runQuietly(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new EnvironmentException(cmd.get(0) + " failed (exit " + p.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while running " + cmd.get(0), e);
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
