package dev.pooltags.bench;

import dev.pooltags.lint.LintResult;
import dev.pooltags.lint.Linter;
import dev.pooltags.lint.ProjectLayout;
import dev.pooltags.lint.Rule;
import dev.pooltags.source.EnvironmentException;
import dev.pooltags.source.InputException;
import dev.pooltags.tagdb.TagDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures {@code lint} over a source tree against {@code grep -rn ExAllocatePool} over the same tree in the same
 * run: the lint reads and tokenizes every byte twice over where grep scans once, so the ratio says what the
 * analysis costs on top of reading. Optionally replicates the tree into a temporary folder first (removed
 * afterwards) to reach a given size.
 */
public final class LintBenchmark {
    /** The figures of one run. */
    public record Result(int files, long lines, long bytes, int copies, long[] lintNanos, long lintCpuNanos,
            long[] grepNanos, int findings) {
        public long lintMedian() {
            return median(lintNanos);
        }

        public long grepMedian() {
            return grepNanos.length == 0 ? -1 : median(grepNanos);
        }

        public double linesPerSecond() {
            return lines / (lintMedian() / 1e9);
        }

        /** Lint time over grep time, or NaN without grep. */
        public double ratio() {
            return grepNanos.length == 0 ? Double.NaN : (double) lintMedian() / grepMedian();
        }

        private static long median(long[] v) {
            long[] s = v.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }
    }

    private LintBenchmark() {}

    public static Result run(Path dir, int rounds, int copies) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, "is not a folder");
        }
        Path tree = dir;
        Path temp = null;
        try {
            if (copies > 1) {
                temp = Files.createTempDirectory("pooltags-bench-");
                for (int i = 0; i < copies; i++) {
                    copySources(dir, temp.resolve("copy" + i));
                }
                tree = temp;
            }
            long bytes = sourceBytes(tree);
            Linter linter = new Linter(Rule.all());
            long[] lint = new long[rounds];
            long[] grep = new long[rounds];
            LintResult last = null;
            long cpu = 0;
            boolean haveGrep = true;
            for (int i = 0; i < rounds; i++) {
                long c0 = processCpu();
                long t0 = System.nanoTime();
                last = linter.run(ProjectLayout.discover(List.of(tree)), TagDatabase.empty());
                lint[i] = System.nanoTime() - t0;
                cpu += processCpu() - c0;
                if (haveGrep) {
                    long g = grep(tree);
                    if (g < 0) {
                        haveGrep = false;
                    } else {
                        grep[i] = g;
                    }
                }
            }
            return new Result(last.files(), last.lines(), bytes, Math.max(1, copies), lint, cpu / rounds,
                    haveGrep ? grep : new long[0], last.active().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                delete(temp);
            }
        }
    }

    private static long processCpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Wall time of {@code grep -rn ExAllocatePool DIR} with its output discarded, or -1 when there is no grep. */
    private static long grep(Path tree) {
        ProcessBuilder pb = new ProcessBuilder("grep", "-rn", "ExAllocatePool", tree.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            long t0 = System.nanoTime();
            Process p = pb.start();
            p.waitFor();
            return System.nanoTime() - t0;
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

    private static long sourceBytes(Path tree) throws IOException {
        try (Stream<Path> s = Files.walk(tree)) {
            return s.filter(Files::isRegularFile).filter(LintBenchmark::isSource).mapToLong(p -> p.toFile().length()).sum();
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
            throw new UncheckedIOException("could not remove the temporary copy " + dir, e);
        }
    }
}
