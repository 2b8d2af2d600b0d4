package dev.pooltags.cli;

import dev.pooltags.leak.LeakAnalysis;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.LeakResult;
import dev.pooltags.leak.PhaseComparison;
import dev.pooltags.leak.SeriesCheck;
import dev.pooltags.leak.Verdict;
import dev.pooltags.output.OutputFile;
import dev.pooltags.report.LeakRenderers;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotInputs;
import dev.pooltags.source.InputException;
import dev.pooltags.source.UsageException;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.threshold.Threshold;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags leaks}: which tags leak, how sure, since when, at what rate, who owns them, what next. */
@Command(name = "leaks", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = LeaksCommand.Thresholds.class)
public final class LeaksCommand extends Subcommand {
    enum Gate {
        leak(Verdict.LEAK), likely(Verdict.LIKELY_LEAK);

        final Verdict verdict;

        Gate(Verdict v) {
            this.verdict = v;
        }
    }

    @Mixin
    OutputOption output;

    @Mixin
    TagFileOptions tagFiles;

    @Mixin
    StartOption start;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Recordings, snapshot files or folders of them.")
    List<Path> inputs = new ArrayList<>();

    // leaks' help keeps its options in this order (unsorted), -o far from --format: so --format stands here
    @Option(names = "--format", paramLabel = "FORMAT", descriptionKey = ReportOptions.HELP_KEY,
            converter = ReportOptions.class, completionCandidates = ReportOptions.class)
    String format = report("text (default), json, html or junit.", LeakRenderers.series(null, 0, false, null)).format();

    @Option(names = "--fail-on", paramLabel = "VERDICT",
            description = "Exit with status 1 when a tag is judged at least this: leak or likely (likely leak or leak).")
    Gate failOn;

    @Option(names = "--all", description = "Also list stable tags (text, json, html).")
    boolean all;

    @Option(names = "--top", paramLabel = "N", description = "Show at most N tags in text and html (default ${DEFAULT-VALUE}).")
    int top = 25;

    @Option(names = "--baseline", paramLabel = "PATH",
            description = "Samples taken before the test (repeatable). Use with --after instead of INPUT.")
    List<Path> baseline = new ArrayList<>();

    @Option(names = "--after", paramLabel = "PATH", description = "Samples taken after the test and an idle period (repeatable).")
    List<Path> after = new ArrayList<>();

    // --alpha to --max-points: made from LeakOptions.THRESHOLDS by Thresholds below, shown here in help

    @Option(names = "--window", paramLabel = "N",
            description = "Judge only the last N samples, as top and serve do (600: ten minutes at 1 s); default: all.")
    Integer window;

    @Option(names = "--no-serial-correction", description = "Treat samples as independent (no Hamed-Rao correction).")
    boolean noSerialCorrection;

    LeakOptions options() {
        Threshold.Values given = ThresholdOptions.values(spec);
        try {
            return LeakOptions.from(new Threshold.Values() {
                @Override
                public <T> T get(Threshold<T> threshold) {
                    if (threshold == LeakOptions.SERIAL_CORRELATION) {
                        @SuppressWarnings("unchecked")
                        T on = (T) Boolean.valueOf(!noSerialCorrection && LeakOptions.SERIAL_CORRELATION.defaultValue());
                        return on;
                    }
                    return given.get(threshold);
                }
            });
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Adds the options of the leak thresholds, before --window. */
    public static final class Thresholds implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return ThresholdOptions.insert(spec, LeakOptions.THRESHOLDS, "--window");
        }
    }

    @Override
    protected ExitCode execute() {
        LeakOptions o = options();
        if (top < 1) {
            throw new UsageException("--top must be at least 1");
        }
        if (window != null && window < 3) {
            throw new UsageException("--window must be at least 3 samples");
        }
        boolean phase = !baseline.isEmpty() || !after.isEmpty();
        if (phase && (baseline.isEmpty() || after.isEmpty())) {
            throw new UsageException("--baseline and --after go together: give the samples before and after the test");
        }
        if (phase && !inputs.isEmpty()) {
            throw new UsageException("give either INPUT (a series) or --baseline and --after, not both");
        }
        if (!phase && inputs.isEmpty()) {
            throw new UsageException("name at least one INPUT (a recording, snapshot file or folder); see 'pooltags leaks --help'");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        OutputFile target = output.check();
        InputNotes notes = new InputNotes(spec.commandLine().getErr(), "pooltags: ");
        Verdict gate = failOn == null ? Verdict.LEAK : failOn.verdict;
        boolean failed;
        if (phase) {
            List<Snapshot> b = SnapshotInputs.readSeries(dev.pooltags.sniff.Inputs.snapshots().expand(baseline, notes::warning), notes);
            List<Snapshot> a = SnapshotInputs.readSeries(dev.pooltags.sniff.Inputs.snapshots().expand(after, notes::warning), notes);
            if (b.isEmpty()) {
                throw new InputException(names(baseline), 0, "no snapshots in the baseline");
            }
            if (a.isEmpty()) {
                throw new InputException(names(after), 0, "no snapshots in the after samples");
            }
            if (!a.get(0).time().isAfter(b.get(b.size() - 1).time())) {
                throw new InputException(names(after), 0, "the after samples (from " + a.get(0).time()
                        + ") do not come after the baseline (until " + b.get(b.size() - 1).time() + "): swapped?");
            }
            PhaseComparison.Result r = PhaseComparison.compare(b, a, o);
            TagDatabase db = owners(b, a);
            target.write(stdout, w -> LeakRenderers.phases(db, o, top, all, gate).render(format, w, r));
            failed = !r.atLeast(gate).isEmpty();
        } else {
            List<Snapshot> series = SnapshotInputs.readSeries(dev.pooltags.sniff.Inputs.snapshots().expand(inputs, notes::warning), notes, start.get());
            SeriesCheck.Outcome checked = SeriesCheck.check(series);
            if (!checked.usable()) {
                throw new InputException(names(inputs), 0, checked.problem());
            }
            // the state a live view shows after these samples (the checkpoints' verdicts, settled)
            LeakResult r = LeakAnalysis.state(checked.series(), window == null ? Integer.MAX_VALUE : window,
                    LeakAnalysis.EVERY, o, checked.notes());
            TagDatabase db = owners(series);
            target.write(stdout, w -> LeakRenderers.series(db, top, all, gate).render(format, w, r));
            failed = !r.atLeast(gate).isEmpty();
        }
        return notes.exit(failOn != null && failed ? ExitCode.FINDINGS : ExitCode.OK);
    }

    /** The owner database, with the drivers of the demo scenarios the samples came from (demo --record). */
    @SafeVarargs
    private TagDatabase owners(List<Snapshot>... series) {
        java.util.Set<String> sources = new java.util.LinkedHashSet<>();
        for (List<Snapshot> l : series) {
            for (Snapshot s : l) {
                sources.add(s.source());
            }
        }
        return tagFiles.load(false, sources, spec.commandLine().getErr());
    }

    private static String names(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
