package dev.pooltags.bench;

import dev.pooltags.source.EnvironmentException;
import dev.pooltags.source.InputException;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures {@code lint} the way {@code ./pooltags lint} runs it (a JVM of its own with {@link #JVM_OPTIONS}):
 * <ul>
 *   <li>over a quarter, a half and all of a source tree, each in a fresh child JVM, with wall and CPU time, lines
 *       per second and the child's peak resident set, so growth with size is seen;</li>
 *   <li>against {@code grep -rn ExAllocatePool} over the whole tree in the same run (the baseline);</li>
 *   <li>on two shapes that once made it quadratic: one function of N allocate/free pairs and of 8N, and a 50 MB
 *       file that is one line of such pairs.</li>
 * </ul>
 * The steps are made of whole folders (split until none holds more than a sixteenth of the tree), taken in name
 * order, so each step keeps its projects together.
 */
public final class LintBenchmark {
    /** The JVM options the launcher gives {@code lint}; a test keeps the two the same. */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseParallelGC");
    /** The resident memory lint must stay within, whatever the tree. */
    public static final long RSS_LIMIT = 512L << 20;
    /** Pairs in the small function of the pairs shape; the large one has eight times as many. */
    public static final int PAIRS = 1000;
    /** Size of the one-line file. */
    public static final long ONE_LINE_BYTES = 50L << 20;

    private static final String PAIR = "p = ExAllocatePoolWithTag(NonPagedPoolNx, 16, 'gaTx'); ExFreePoolWithTag(p, 'gaTy'); ";

    /** One child run: the fastest of its rounds. */
    public record Child(int files, long lines, int findings, long wallNanos, long cpuNanos, long peakRss, long peakHeap) {
        public double linesPerSecond() {
            return lines / (wallNanos / 1e9);
        }

        /** The peak resident set, or the peak heap where the system does not report it. */
        public long peakMemory() {
            return peakRss >= 0 ? peakRss : peakHeap;
        }
    }

    /** A size step: its share of the tree and the child's figures. */
    public record Step(String name, long bytes, Child child) {
    }

    /** The shapes: N pairs, 8N pairs, the one-line file. */
    public record Shapes(Child pairs, Child pairs8, Child oneLine, long oneLineBytes) {
        /** Time for 8x the pairs over time for the pairs. */
        public double pairsRatio() {
            return (double) pairs8.wallNanos() / pairs.wallNanos();
        }
    }

    /** Everything measured. */
    public record Result(long bytes, int copies, List<Step> steps, long grepNanos, Shapes shapes) {
        public Step all() {
            return steps.get(steps.size() - 1);
        }

        public long peakRss() {
            long max = 0;
            for (Step s : steps) {
                max = Math.max(max, s.child().peakMemory());
            }
            return max;
        }
    }

    private LintBenchmark() {}

    /** Runs the steps over {@code dir} (null: shapes only) and, when asked, the shapes. */
    public static Result run(Path dir, int rounds, int copies, boolean shapes) {
        if (dir != null && !Files.isDirectory(dir)) {
            throw new InputException(dir, "is not a folder");
        }
        Path temp = null;
        try {
            temp = Files.createTempDirectory("pooltags-bench-");
            List<Step> steps = new ArrayList<>();
            long grep = -1;
            long bytes = 0;
            if (dir != null) {
                Path tree = dir;
                if (copies > 1) {
                    for (int i = 0; i < copies; i++) {
                        copySources(dir, temp.resolve("tree").resolve("copy" + i));
                    }
                    tree = temp.resolve("tree");
                }
                Map<Path, Long> sizes = new TreeMap<>();
                bytes = sizes(tree, sizes);
                List<Path> units = new ArrayList<>();
                split(tree, sizes, Math.max(1, bytes / 16), units);
                for (int[] f : new int[][] {{1, 4}, {1, 2}}) {
                    long want = bytes * f[0] / f[1];
                    List<Path> part = new ArrayList<>();
                    long got = 0;
                    for (Path u : units) {
                        if (got >= want) {
                            break;
                        }
                        part.add(u);
                        got += sizes.getOrDefault(u, fileSize(u));
                    }
                    steps.add(new Step(f[0] + "/" + f[1], got, child(part, rounds, temp)));
                }
                steps.add(new Step("all", bytes, child(List.of(tree), rounds, temp)));
                grep = grep(tree);
            }
            Shapes sh = null;
            if (shapes) {
                sh = shapes(temp);
            }
            return new Result(bytes, Math.max(1, copies), steps, grep, sh);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                delete(temp);
            }
        }
    }

    private static Shapes shapes(Path temp) throws IOException {
        Path small = temp.resolve("pairs-" + PAIRS);
        Path large = temp.resolve("pairs-" + PAIRS * 8);
        Path line = temp.resolve("one-line");
        Files.createDirectories(small);
        Files.createDirectories(large);
        Files.createDirectories(line);
        writePairs(small.resolve("pairs.c"), PAIRS);
        writePairs(large.resolve("pairs.c"), PAIRS * 8);
        long n = writeOneLine(line.resolve("one-line.c"), ONE_LINE_BYTES);
        Child a = child(List.of(small), 3, temp);
        Child b = child(List.of(large), 3, temp);
        Child c = child(List.of(line), 1, temp);
        Files.delete(line.resolve("one-line.c"));
        return new Shapes(a, b, c, n);
    }

    /** One function with {@code pairs} lines of an allocation and a free with another tag. */
    static void writePairs(Path file, int pairs) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            w.write("VOID Pairs(VOID)\n{\n    PVOID p;\n");
            for (int i = 0; i < pairs; i++) {
                w.write("    ");
                w.write(PAIR);
                w.write('\n');
            }
            w.write("}\n");
        }
    }

    /** A file of about {@code bytes} bytes that is one line: a function of allocate/free pairs. Returns its size. */
    static long writeOneLine(Path file, long bytes) throws IOException {
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            String head = "VOID Pairs(VOID) { PVOID p; ";
            w.write(head);
            written += head.length();
            while (written + PAIR.length() + 1 <= bytes) {
                w.write(PAIR);
                written += PAIR.length();
            }
            w.write('}');
            written++;
        }
        return written;
    }

    /** Lints {@code inputs} in a child JVM with the launcher's options. */
    private static Child child(List<Path> inputs, int rounds, Path temp) throws IOException {
        Path list = Files.createTempFile(temp, "inputs", ".txt");
        List<String> lines = new ArrayList<>();
        for (Path p : inputs) {
            lines.add(p.toAbsolutePath().toString());
        }
        Files.write(list, lines, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(LintChild.class.getName());
        cmd.add(Integer.toString(rounds));
        cmd.add(list.toString());
        File out = Files.createTempFile(temp, "child", ".txt").toFile();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out).start();
            if (!p.waitFor(60, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new EnvironmentException("the lint child did not finish in 60 minutes");
            }
            String text = Files.readString(out.toPath()).strip();
            String[] f = text.substring(text.lastIndexOf('\n') + 1).split(" ");
            if (p.exitValue() != 0 || f.length != 7) {
                throw new EnvironmentException("the lint child failed (exit " + p.exitValue() + "): "
                        + text.lines().limit(3).reduce((x, y) -> x + " / " + y).orElse(""));
            }
            return new Child(Integer.parseInt(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while the lint child ran");
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(list);
        }
    }

    /** Wall time of {@code grep -rn ExAllocatePool DIR} with its output discarded, or -1 when there is no grep. */
    /**
     * The one-minute load average (Linux /proc/loadavg), or -1: on a machine others share, wall time says as much
     * about them as about lint.
     */
    public static double loadAverage() {
        try {
            String text = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
            return Double.parseDouble(text.substring(0, text.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long grep(Path tree) {
        ProcessBuilder pb = new ProcessBuilder("grep", "-rn", "ExAllocatePool", tree.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 2; i++) {
                long t0 = System.nanoTime();
                Process p = pb.start();
                p.waitFor();
                best = Math.min(best, System.nanoTime() - t0);
            }
            return best;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while timing grep");
        }
    }

    private static boolean isSource(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.matches(".*\\.(c|cpp|cc|cxx|h|hpp|hh|hxx|inl|tmh|vcxproj)") || n.equals("sources");
    }

    private static long fileSize(Path p) {
        return p.toFile().length();
    }

    /** Source bytes below each folder (hidden folders skipped, as lint does); returns the total. */
    private static long sizes(Path dir, Map<Path, Long> out) throws IOException {
        long total = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    if (!p.getFileName().toString().startsWith(".")) {
                        total += sizes(p, out);
                    }
                } else if (Files.isRegularFile(p) && isSource(p)) {
                    total += fileSize(p);
                }
            }
        }
        out.put(dir, total);
        return total;
    }

    /** Whole folders of at most {@code limit} bytes, or the files and sub-folders of bigger ones, in name order. */
    private static void split(Path dir, Map<Path, Long> sizes, long limit, List<Path> out) throws IOException {
        if (sizes.getOrDefault(dir, 0L) <= limit) {
            if (sizes.getOrDefault(dir, 0L) > 0) {
                out.add(dir);
            }
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (sizes.containsKey(p)) {
                    split(p, sizes, limit, out);
                } else if (Files.isRegularFile(p) && isSource(p) && !p.getFileName().toString().endsWith(".vcxproj")
                        && !p.getFileName().toString().equals("sources")) {
                    out.add(p);
                }
            }
        }
    }

    private static void copySources(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                if (!d.equals(from) && d.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                if (a.isRegularFile() && isSource(f)) {
                    Files.copy(f, to.resolve(from.relativize(f).toString()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the temporary folder " + dir, e);
        }
    }
}
