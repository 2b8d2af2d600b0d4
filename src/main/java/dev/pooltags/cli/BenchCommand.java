package dev.pooltags.cli;

import dev.pooltags.bench.SnapshotBenchmark;
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
        subcommands = {BenchCommand.TagDb.class, BenchCommand.SnapshotBench.class, BenchCommand.TopBench.class,
            BenchServeCommand.class})
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
                    + "record a day of 1-second samples (5% of tags changing): bytes on disk, CPU per sample, read-back speed.")
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
}
