package dev.pooltags.cli;

import dev.pooltags.output.OutputFile;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.pool.Violation;
import dev.pooltags.report.DemoReport;
import dev.pooltags.sim.DemoRecorder;
import dev.pooltags.sim.Scenario;
import dev.pooltags.sim.ScenarioSource;
import dev.pooltags.sim.Scenarios;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.source.TerminalText;
import dev.pooltags.source.TextFiles;
import dev.pooltags.source.UsageException;
import dev.pooltags.trace.TraceTime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags demo}: runs a simulated workload through the pool model. */
@Command(name = "demo", mixinStandardHelpOptions = true)
public final class DemoCommand extends Subcommand {

    enum Pace { simulated, real }

    @Mixin
    ReportOptions output = report("text (default) or json.", DemoReport.RUN, DemoReport.LIST);

    @Parameters(paramLabel = "SCENARIO", arity = "0..1", description = "The scenario (see --list).")
    String scenario;

    @Option(names = "--list", description = "List the scenarios.")
    boolean list;

    @Option(names = "--scenario-file", paramLabel = "FILE", description = "Run a scenario described in FILE (JSON, as the shipped ones).")
    Path scenarioFile;

    @Option(names = "--record", paramLabel = "DIR", description = "Write DIR/snapshots.jsonl and DIR/trace.jsonl.")
    Path record;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's).")
    Long seed;

    @Option(names = "--duration", paramLabel = "TIME", description = "Simulated time to run (default: the scenario's), e.g. 2m.")
    String duration;

    @Option(names = "--interval", paramLabel = "TIME", description = "Simulated time between snapshots (default: the scenario's), e.g. 5s.")
    String interval;

    @Option(names = "--every", paramLabel = "TIME", description = "Simulated time between timeline rows (default 1m, 30s for short runs).")
    String every;

    @Option(names = "--pace", paramLabel = "PACE", description = "simulated (default: as fast as it runs) or real (one second a second).")
    Pace pace = Pace.simulated;

    @Override
    protected void validate() {
        require(!list || scenario == null, "--list takes no scenario (got '" + scenario + "')");
        require(list || scenario == null || scenarioFile == null, "name a SCENARIO or give --scenario-file, not both");
    }

    @Override
    protected ExitCode execute() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (list || (scenario == null && scenarioFile == null)) {
            output.write(stdout, w -> DemoReport.LIST.render(output.format(), w, Scenarios.all()));
            return ExitCode.OK;
        }
        OutputFile target = output.check();
        Scenario named = scenarioFile != null ? readFile(scenarioFile) : Scenarios.byName(scenario).orElseThrow(() -> new UsageException(
                "no scenario named '" + scenario + "'; the scenarios are " + String.join(", ", Scenarios.NAMES) + " (pooltags demo --list)"));
        Scenario s = named.with(time("--duration", duration), time("--interval", interval));
        long rowEvery = every != null ? time("--every", every) : s.duration() >= 5 * 60_000_000L ? 60_000_000L : 30_000_000L;
        if (rowEvery <= 0) {
            throw new UsageException("--every must be more than 0");
        }
        long runSeed = seed != null ? seed : s.seed();
        ScenarioSource.Pacing pacing = pace == Pace.real ? ScenarioSource.Pacing.REAL_TIME : ScenarioSource.Pacing.SIMULATED;
        DemoRecorder rec = record != null ? DemoRecorder.open(record) : null;
        Consumer<PoolEvent> sink = rec == null ? e -> { } : rec::event;
        ScenarioSource src = new ScenarioSource(s, runSeed, pacing, false, sink);
        target.write(stdout, raw -> {
            boolean text = output.format().equals("text"); // the timeline is written as the run goes
            PrintWriter out = text ? TerminalText.writer(raw) : raw;
            if (rec != null) {
                rec.header(recordingHeader(src, s, runSeed));
            }
            if (text) {
                DemoReport.runHeader(out, s, runSeed, pace == Pace.real ? "paced in real time" : "as fast as it runs");
            }
            Snapshot first = null;
            Snapshot last = null;
            Snapshot lastRow = null;
            long samples = 0;
            long nextRow = 0;
            Optional<Snapshot> next;
            while ((next = src.next()).isPresent()) {
                Snapshot snap = next.get();
                samples++;
                if (rec != null) {
                    rec.snapshot(snap);
                }
                if (first == null) {
                    first = snap;
                }
                last = snap;
                long at = java.time.Duration.between(first.time(), snap.time()).toNanos() / 1000;
                if (text && at >= nextRow) {
                    DemoReport.timelineRow(out, first, lastRow, snap);
                    lastRow = snap;
                    nextRow = (at / rowEvery + 1) * rowEvery;
                }
            }
            if (text && last != lastRow) {
                DemoReport.timelineRow(out, first, lastRow, last);
            }
            if (rec != null) {
                rec.close();
            }
            DemoReport.Run run = run(src, s, runSeed, samples, first, last, rec);
            DemoReport.RUN.render(output.format(), out, run);
        });
        return ExitCode.OK;
    }

    /** The header of a recorded run (--record): what ran, with which seed, from when, for how long. */
    private static Map<String, Object> recordingHeader(ScenarioSource src, Scenario s, long seed) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("source", src.name());
        h.put("scenario", s.name());
        h.put("seed", seed);
        h.put("start", src.start().toString());
        h.put("duration", TraceTime.human(s.duration()));
        h.put("complete", true);
        return h;
    }

    /** What the run did, for its footer or its JSON: samples, violations by rule, what was recorded. */
    private static DemoReport.Run run(ScenarioSource src, Scenario s, long seed, long samples, Snapshot first, Snapshot last,
            DemoRecorder rec) {
        Map<String, Long> byRule = new TreeMap<>();
        for (Violation v : src.violations()) {
            byRule.merge(v.rule().id(), 1L, Long::sum);
        }
        return new DemoReport.Run(s, seed, samples, first, last, src.violations(), src.violationCount(), byRule,
                rec == null ? null : rec.snapshotsFile().toString(), rec == null ? 0 : rec.snapshotCount(),
                rec == null ? null : rec.traceFile().toString(), rec == null ? 0 : rec.eventCount());
    }

    private static long time(String option, String value) {
        if (value == null) {
            return 0;
        }
        try {
            return TraceTime.parseMicros(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static Scenario readFile(Path file) {
        String json = TextFiles.readLatin1(file, TextFiles.CONFIG);
        try {
            return Scenario.parse(file.toString(), new String(json.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new dev.pooltags.source.InputException(file.toString(), 0, e.getMessage().startsWith(file + ": ")
                    ? e.getMessage().substring(file.toString().length() + 2) : e.getMessage());
        }
    }
}
