package dev.pooltags.cli;

import dev.pooltags.bench.LeakBenchmark;
import dev.pooltags.bench.TagDatabaseBenchmark;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.eval.EvalCase;
import dev.pooltags.leak.eval.Evaluation;
import dev.pooltags.leak.eval.EvaluationSet;
import dev.pooltags.leak.eval.RealSeries;
import dev.pooltags.report.EvaluationReport;
import dev.pooltags.source.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
        subcommands = {BenchCommand.TagDb.class, BenchCommand.Leaks.class})
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

    /** {@code pooltags bench leaks}: analysis speed against reading; {@code --evaluate}: precision and recall. */
    @Command(name = "leaks", mixinStandardHelpOptions = true,
            description = {"Leak analysis of a synthetic machine (3,000 tags x 1,440 samples, written as JSON Lines to a"
                    + " temporary folder) against reading that recording, in the same run (target: at most 2x).",
                    "With --evaluate: precision and recall of the verdicts over the evaluation set (345 series with"
                    + " known truth), and the verdicts on the real series and quoted leaks."})
    static final class Leaks implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Option(names = "--tags", description = "Tags in the synthetic recording (default ${DEFAULT-VALUE}).")
        int tags = 3000;

        @Option(names = "--samples", description = "Samples in it (default ${DEFAULT-VALUE}).")
        int samples = 1440;

        @Option(names = "--rounds", description = "Timed rounds (default ${DEFAULT-VALUE}).")
        int rounds = 3;

        @Option(names = "--seed", description = "Seed of the synthetic data and evaluation set (default ${DEFAULT-VALUE}).")
        long seed = 1;

        @Option(names = "--evaluate", description = "Measure precision and recall instead of speed.")
        boolean evaluate;

        @Option(names = "--real", paramLabel = "FILE",
                description = "Real series in the leak_timeseries.csv layout (default: ../shared/data/series/"
                        + "leak_timeseries.csv when present).")
        Path real;

        @Option(names = "--misses", description = "Wrong calls to list (default ${DEFAULT-VALUE}).")
        int misses = 20;

        @Option(names = "--keep", paramLabel = "DIR",
                description = "Write the synthetic recording to DIR and keep it (default: a temporary folder, deleted).")
        Path keep;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (tags < 1 || samples < 2 || rounds < 1) {
                throw new UsageException("--tags, --samples and --rounds must be positive (samples at least 2)");
            }
            if (evaluate) {
                long t0 = System.nanoTime();
                List<EvalCase> set = EvaluationSet.generate(seed);
                Evaluation.Report r =
                        Evaluation.run(set, LeakOptions.DEFAULTS);
                out.printf("evaluation set: seed %d, %d series, judged in %.1f s%n%n", seed, set.size(),
                        (System.nanoTime() - t0) / 1e9);
                EvaluationReport.text(out, r, misses);
                Path csv = real != null ? real : Path.of("..", "shared", "data", "series", "leak_timeseries.csv");
                List<RealSeries.RealCase> cases = new ArrayList<>();
                if (Files.exists(csv)) {
                    cases.addAll(RealSeries.readCsv(csv));
                } else if (real != null) {
                    throw new InputException(real, "no such file");
                }
                cases.addAll(RealSeries.quoted());
                out.println();
                out.println("Real series" + (Files.exists(csv) ? " (" + csv + ")" : "")
                        + " and leaks quoted in public reports:");
                EvaluationReport.real(out, cases,
                        RealSeries.quotedSingleSamples(), LeakOptions.DEFAULTS);
                return Main.OK;
            }
            Path dir = keep != null ? keep : Files.createTempDirectory("pooltags-bench-leaks");
            if (keep != null) {
                Files.createDirectories(keep);
                if (Files.exists(keep.resolve("machine.jsonl"))) {
                    throw new UsageException(keep.resolve("machine.jsonl") + " exists: give --keep an empty folder");
                }
            }
            try {
                LeakBenchmark.Result r = LeakBenchmark.run(tags, samples, rounds, seed, dir);
                out.printf("recording       %,d tags x %,d samples, %,d bytes of JSON Lines (synthetic machine, seed %d)%n",
                        r.tags(), r.samples(), r.fileBytes(), seed);
                out.printf("read            %,10.1f ms   (baseline: SnapshotInputs.readSeries of the recording)%n",
                        r.readNanos() / 1e6);
                out.printf("analyse         %,10.1f ms   ratio to read: %.2fx (target <= 2x)%n", r.analyseNanos() / 1e6,
                        r.ratio());
                out.printf("read + analyse  %,10.1f ms   %d leaks, %d likely leaks%n",
                        (r.readNanos() + r.analyseNanos()) / 1e6, r.leaks(), r.likely());
            } finally {
                if (keep != null) {
                    out.println("recording kept in " + keep.resolve("machine.jsonl"));
                }
                try (Stream<Path> s = keep != null ? Stream.empty()
                        : Files.list(dir)) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
                if (keep == null) {
                    Files.deleteIfExists(dir);
                }
            }
            out.flush();
            return Main.OK;
        }
    }
}
