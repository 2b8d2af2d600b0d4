package dev.pooltags.cli;

import dev.pooltags.bench.ScanBenchmark;
import dev.pooltags.bench.TagDatabaseBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
        subcommands = {BenchCommand.TagDb.class, BenchCommand.Scan.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
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
        int rounds = 50;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            TagDatabaseBenchmark.Result r = TagDatabaseBenchmark.run(file, rounds);
            out.printf("file            %s (%,d bytes, %,d entries)%n", file, r.bytes(), r.entries());
            out.printf("read bytes      %,10.3f ms   (baseline: Files.readAllBytes)%n", r.readNanos() / 1e6);
            out.printf("load + index    %,10.3f ms   ratio to read: %.2fx (target <= 5x)%n", r.loadNanos() / 1e6,
                    r.loadToReadRatio());
            out.printf("exact lookups   %,.0f per second (target >= 10,000,000)%n", r.lookupsPerSecond());
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
}
