package dev.pooltags.bench;

import dev.pooltags.cli.ExitCode;
import dev.pooltags.cli.Subcommand;
import dev.pooltags.cli.UsageException;
import dev.pooltags.leak.LeakAnalysis;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.eval.DemoSeries;
import dev.pooltags.leak.eval.EvalCase;
import dev.pooltags.leak.eval.Evaluation;
import dev.pooltags.leak.eval.EvaluationSet;
import dev.pooltags.leak.eval.LabelledSeries;
import dev.pooltags.leak.eval.PrefixEvaluation;
import dev.pooltags.leak.eval.RealSeries;
import dev.pooltags.leak.eval.SlabCorpus;
import dev.pooltags.sim.Scenarios;
import dev.pooltags.source.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pooltags bench leaks}: analysis speed against reading; {@code --evaluate}: precision and recall. */
@Command(name = "leaks", mixinStandardHelpOptions = true,
        description = {"Leak analysis of a synthetic machine (3,000 tags x 1,440 samples, written as JSON Lines to a"
                + " temporary folder) against reading that recording, in the same run (target: at most 2x).",
                "With --evaluate: precision and recall of the verdicts over the evaluation set (345 series with"
                + " known truth), and the verdicts on the real series and quoted leaks."})
final class LeaksBench extends Subcommand {
    /** Where the real series are when {@code --real} does not say: the shared data beside the checkout. */
    static final Path REAL_SERIES = Path.of("..", "shared", "data", "series", "leak_timeseries.csv");

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

    @Option(names = "--live", description = "Measure the live analysis of top and serve instead: CPU per second of"
            + " samples for --tags tags sampled every second (target: under 5%% of one core for 3,000).")
    boolean live;

    @Option(names = "--seconds", description = "Samples measured with --live (default ${DEFAULT-VALUE}).")
    int seconds = 300;

    @Option(names = "--real", paramLabel = "FILE",
            description = "Real series in the leak_timeseries.csv layout (default: ../shared/data/series/"
                    + "leak_timeseries.csv when present).")
    Path real;

    @Option(names = "--misses", description = "Wrong calls to list (default ${DEFAULT-VALUE}).")
    int misses = 20;

    @Option(names = "--demo-seeds", paramLabel = "N",
            description = "Seeds each demo scenario is simulated with in --evaluate (default ${DEFAULT-VALUE}).")
    int demoSeeds = 3;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "The real-workload corpus (slab recordings with truth files; default: "
                    + "src/test/resources/dev/pooltags/leak/slab-corpus when present).")
    Path corpus;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "Write the synthetic recording to DIR and keep it (default: a temporary folder, deleted).")
    Path keep;

    @Override
    protected void validate() {
        require(tags >= 1 && samples >= 2 && rounds >= 1, "--tags, --samples and --rounds must be positive (samples at least 2)");
    }

    @Override
    protected ExitCode execute() throws IOException {
        if (live) {
            BenchText.live(out(), LeakBenchmark.live(tags, seconds, seed));
        } else if (evaluate) {
            evaluate(out());
        } else {
            speed(out());
        }
        return ExitCode.OK;
    }

    private void speed(PrintWriter out) throws IOException {
        Path dir = keep != null ? keep : Files.createTempDirectory("pooltags-bench-leaks");
        if (keep != null) {
            Files.createDirectories(keep);
            if (Files.exists(keep.resolve("machine.jsonl"))) {
                throw new UsageException(keep.resolve("machine.jsonl") + " exists: give --keep an empty folder");
            }
        }
        try {
            BenchText.leaks(out, seed, LeakBenchmark.run(tags, samples, rounds, seed, dir));
        } finally {
            if (keep != null) {
                out.println("recording kept in " + keep.resolve("machine.jsonl"));
            } else {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
        out.flush();
    }

    private void evaluate(PrintWriter out) throws IOException {
        long t0 = System.nanoTime();
        List<EvalCase> set = EvaluationSet.generate(seed);
        Evaluation.Report r = Evaluation.run(set, LeakOptions.DEFAULTS);
        out.printf("evaluation set: seed %d, %d series, judged in %.1f s%n%n", seed, set.size(),
                (System.nanoTime() - t0) / 1e9);
        EvaluationReport.text(out, r, misses);
        out.println();
        out.println("Synthetic set at every prefix length (the state leaks, top and serve show after that many"
                + " samples):");
        List<LabelledSeries> synthetic = set.stream().map(LabelledSeries::of).toList();
        EvaluationReport.prefixes(out, PrefixEvaluation.run(synthetic, LeakOptions.DEFAULTS), misses);
        for (int interval : new int[] {5, 1}) {
            demos(out, interval);
        }
        Path dir = corpus != null ? corpus : SlabCorpus.DEFAULT;
        if (Files.isDirectory(dir) || corpus != null) {
            slabCorpus(out, dir);
        }
        realSeries(out);
    }

    private void demos(PrintWriter out, int interval) {
        List<LabelledSeries> demos = new ArrayList<>();
        for (String name : Scenarios.NAMES) {
            for (int sd = 1; sd <= demoSeeds; sd++) {
                demos.add(DemoSeries.of(name, sd, interval, 600));
            }
        }
        out.println();
        out.printf("Demo scenarios, sampled every %d s for 10 minutes, seeds 1 to %d (%d series):%n", interval,
                demoSeeds, demos.size());
        LeakOptions o = interval == 1 ? LeakOptions.live() : LeakOptions.DEFAULTS;
        EvaluationReport.prefixes(out, PrefixEvaluation.run(demos, o), misses);
        if (interval == 1) {
            out.println("Time to the verdict, as top shows it (checkpoints every 5 samples, 600 kept):");
            EvaluationReport.timings(out, PrefixEvaluation.timings(demos, 600, LeakAnalysis.EVERY, o));
        }
    }

    private void slabCorpus(PrintWriter out, Path dir) throws IOException {
        List<LabelledSeries> all = SlabCorpus.read(dir);
        List<LabelledSeries> slab = PrefixEvaluation.targets(all);
        out.println();
        out.printf("Real-workload corpus: %d recordings of /proc/slabinfo at 1 s (%s):%n", slab.size(), dir);
        EvaluationReport.prefixes(out, PrefixEvaluation.run(slab, LeakOptions.live()), misses);
        out.println("Time from each leak's start to its verdict (checkpoints every 5 samples):");
        EvaluationReport.timings(out, PrefixEvaluation.timings(slab, 600, LeakAnalysis.EVERY,
                LeakOptions.live()));
        for (LabelledSeries limit : PrefixEvaluation.limits(all)) {
            out.println();
            out.println("Known limit, not held to the targets: " + limit.name() + ": " + limit.limit());
            EvaluationReport.prefixes(out, PrefixEvaluation.run(List.of(limit), LeakOptions.live()), misses);
        }
    }

    /** The real series (--real, else the shared data when present) and the leaks quoted in public reports. */
    private void realSeries(PrintWriter out) throws IOException {
        Path csv = real != null ? real : REAL_SERIES;
        List<RealSeries.RealCase> cases = new ArrayList<>();
        if (Files.exists(csv)) {
            cases.addAll(RealSeries.readCsv(csv));
        } else if (real != null) {
            throw new InputException(real, "no such file");
        } else {
            err().println("pooltags: bench leaks: no real series at " + csv + " (the shared data beside the checkout);"
                    + " name a file in that layout with --real FILE; evaluating the quoted leaks only");
            err().flush();
        }
        cases.addAll(RealSeries.quoted());
        out.println();
        out.println("Real series" + (Files.exists(csv) ? " (" + csv + ")" : "")
                + " and leaks quoted in public reports:");
        EvaluationReport.real(out, cases, RealSeries.quotedSingleSamples(), LeakOptions.DEFAULTS);
    }
}
