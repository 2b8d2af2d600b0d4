package dev.pooltags.cli;

import dev.pooltags.bench.LintBenchmark;
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
        subcommands = {BenchCommand.TagDb.class, BenchCommand.Lint.class})
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

    /** {@code pooltags bench lint DIR}. */
    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = "Lint a source tree vs. 'grep -rn ExAllocatePool' over the same tree; lines per second.")
    static final class Lint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Parameters(paramLabel = "DIR", description = "The source tree (e.g. a clone of Windows-driver-samples).")
        Path dir;

        @Option(names = "--rounds", description = "Timed rounds of each (default ${DEFAULT-VALUE}); the median is shown.")
        int rounds = 3;

        @Option(names = "--copies", paramLabel = "N",
                description = "Measure N copies of the tree's sources in a temporary folder (removed afterwards).")
        int copies = 1;

        @Override
        public Integer call() {
            if (rounds < 1 || copies < 1) {
                throw new UsageException("--rounds and --copies take a number of 1 or more");
            }
            PrintWriter out = spec.commandLine().getOut();
            LintBenchmark.Result r = LintBenchmark.run(dir, rounds, copies);
            out.printf("tree            %s%s: %,d files, %,d lines, %,d bytes%n", dir,
                    r.copies() > 1 ? " x " + r.copies() + " copies" : "", r.files(), r.lines(), r.bytes());
            out.printf("lint            %,10.3f s median of %d (first %.3f s), %,.0f lines/s, %,.3f s CPU per round, "
                    + "%d findings%n", r.lintMedian() / 1e9, rounds, r.lintNanos()[0] / 1e9, r.linesPerSecond(),
                    r.lintCpuNanos() / 1e9, r.findings());
            if (r.grepNanos().length == 0) {
                out.println("grep            not found: no baseline");
            } else {
                out.printf("grep -rn        %,10.3f s median (baseline: grep -rn ExAllocatePool over the same tree)%n",
                        r.grepMedian() / 1e9);
                out.printf("ratio           %.1fx grep (lint reads every file and tokenizes it; grep scans bytes)%n",
                        r.ratio());
            }
            out.printf("target          1.5 million lines in under 10 s: %s (%.1f s per 1.5M lines)%n",
                    r.lintMedian() / 1e9 * 1_500_000 / r.lines() < 10 ? "met" : "NOT met",
                    r.lintMedian() / 1e9 * 1_500_000 / r.lines());
            out.flush();
            return Main.OK;
        }
    }
}
