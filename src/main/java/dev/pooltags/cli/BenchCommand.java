package dev.pooltags.cli;

import dev.pooltags.bench.TagDatabaseBenchmark;
import dev.pooltags.bench.TraceBenchmark;
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
        subcommands = {BenchCommand.TagDb.class, BenchCommand.Trace.class})
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
}
