package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.pool.BugCheck;
import dev.pooltags.pool.Violation;
import dev.pooltags.sim.Scenario;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotDelta;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.source.TerminalText;
import dev.pooltags.tag.PoolType;
import dev.pooltags.trace.TraceTime;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders {@code pooltags demo}: the scenario list and what happened in a run. */
public final class DemoReport {
    /** Tags in the end-of-run table. */
    public static final int TOP_TAGS = 12;

    private DemoReport() {}

    /** The formats of {@code pooltags demo --list}: text (the default, terminal-safe) and json. */
    public static final Renderers<List<Scenario>> LIST = Renderers.<List<Scenario>>of("text",
            (out, scenarios) -> listText(TerminalText.writer(out), scenarios)).and("json", DemoReport::listJson);

    /**
     * The formats of the end of a run: text (the footer under the timeline the run writes as it goes; the command
     * hands it the terminal-safe writer the timeline went to) and json (the whole run).
     */
    public static final Renderers<Run> RUN = Renderers.<Run>of("text", DemoReport::runFooter).and("json", DemoReport::runJson);

    /**
     * A finished run.
     *
     * @param first        the first snapshot
     * @param last         the last snapshot
     * @param violations   rules broken (the first ones)
     * @param violationCount all rules broken
     * @param byRule       rules broken, by rule id
     * @param snapshotsFile where the snapshots were recorded, or null
     * @param traceFile    where the trace was recorded, or null
     */
    public record Run(Scenario scenario, long seed, long samples, Snapshot first, Snapshot last,
            List<Violation> violations, long violationCount, Map<String, Long> byRule, String snapshotsFile, long snapshotCount,
            String traceFile, long eventCount) {
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    public static void listText(PrintWriter out, List<Scenario> scenarios) {
        out.println("Scenarios (run one with: pooltags demo NAME; record it with --record DIR):");
        TextTable t = new TextTable("  Name", ">Duration", "Title");
        for (Scenario s : scenarios) {
            t.row("  " + s.name(), TraceTime.human(s.duration()), s.title());
        }
        t.print(out, false);
        out.flush();
    }

    public static void listJson(PrintWriter out, List<Scenario> scenarios) {
        ObjectNode root = Json.object();
        Json.<Scenario>objects(root, "scenarios", scenarios, (o, s) -> {
            o.put("name", s.name()).put("title", s.title()).put("description", s.description());
            o.put("durationMicros", s.duration()).put("intervalMicros", s.interval()).put("workloads", s.workloads().size());
            ArrayNode tags = o.putArray("tags");
            s.workloads().forEach(w -> tags.add(w.tag().toString()));
        });
        Json.write(out, root);
    }

    /** The lines before the timeline. */
    public static void runHeader(PrintWriter out, Scenario s, long seed, String pace) {
        out.println("demo " + s.name() + ": " + s.title());
        if (!s.description().isEmpty()) {
            out.println("  " + s.description());
        }
        out.println("seed " + seed + ", " + TraceTime.human(s.duration()) + " of simulated time (" + pace + "), a snapshot every "
                + TraceTime.human(s.interval()));
        out.println();
        out.println(String.format(TIMELINE, "Time", "Nonpaged bytes", "Paged bytes", "Biggest change since the row before").stripTrailing());
        out.flush();
    }

    private static final String TIMELINE = "%-9s %15s %15s  %s";

    /** One timeline row, printed as the run reaches it. */
    public static void timelineRow(PrintWriter out, Snapshot first, Snapshot prev, Snapshot snap) {
        out.println(String.format(TIMELINE, TraceTime.format(micros(first, snap)).replaceAll("\\.000$", ""),
                n(snap.totalBytes(PoolType.NONPAGED)), n(snap.totalBytes(PoolType.PAGED)),
                prev == null ? "-" : biggest(prev, snap)));
        out.flush();
    }

    /** The lines after the timeline: per-tag changes, violations, where the run was recorded. */
    public static void runFooter(PrintWriter out, Run r) {
        Scenario s = r.scenario();
        out.println();
        out.println("per tag at the end (" + n(r.samples()) + " snapshots), by change of bytes since the start (top " + TOP_TAGS + "):");
        TextTable tags = new TextTable("  Tag", "Type", ">Allocs", ">Frees", ">Diff", ">Bytes", ">Change");
        for (SnapshotDelta.Row row : changes(r.first(), r.last(), TOP_TAGS)) {
            TagCounters c = row.now();
            tags.row("  " + TextTable.tagCell(c.label()), c.type().poolmonName(), n(c.allocs()), n(c.frees()), n(c.outstanding()),
                    n(c.bytes()), signed(row.bytesChange()));
        }
        tags.print(out, true);
        out.println();
        StringBuilder by = new StringBuilder();
        r.byRule().forEach((k, v) -> by.append(by.length() == 0 ? " (" : ", ").append(k).append(' ').append(n(v)));
        out.println("violations: " + n(r.violationCount()) + (by.length() == 0 ? "" : by + ")"));
        for (Violation v : r.violations().subList(0, Math.min(10, r.violations().size()))) {
            BugCheck bc = v.bugCheck();
            out.println("  " + TraceTime.format(v.event().time()) + "  " + (bc != null ? bc.shortText() + "  " : "") + v.rule().id() + ": "
                    + v.message());
        }
        if (r.violationCount() > 10) {
            out.println("  ... and " + n(r.violationCount() - 10) + " more (pooltags trace on the recorded trace lists them)");
        }
        out.println();
        if (r.traceFile() != null) {
            out.println("recorded: " + r.snapshotsFile() + " (" + n(r.snapshotCount()) + " snapshots), " + r.traceFile() + " ("
                    + n(r.eventCount()) + " events)");
            out.println("next: pooltags trace " + r.traceFile());
        } else {
            out.println("record it with: pooltags demo " + s.name() + " --record DIR   (writes DIR/snapshots.jsonl and DIR/trace.jsonl)");
        }
        out.flush();
    }

    private static long micros(Snapshot first, Snapshot s) {
        return java.time.Duration.between(first.time(), s.time()).toNanos() / 1000;
    }

    private static String biggest(Snapshot prev, Snapshot now) {
        List<SnapshotDelta.Row> rows = changes(prev, now, 1);
        if (rows.isEmpty() || rows.get(0).bytesChange() == 0) {
            return "-";
        }
        SnapshotDelta.Row r = rows.get(0);
        return TextTable.tagCell(r.key().label()) + " " + r.key().type().poolmonName() + " " + signed(r.bytesChange()) + " bytes";
    }

    /** Rows with the largest absolute change of bytes, largest first (ties by key). */
    static List<SnapshotDelta.Row> changes(Snapshot before, Snapshot after, int limit) {
        List<SnapshotDelta.Row> rows = new ArrayList<>(SnapshotDelta.between(before, after));
        rows.sort(Comparator.comparingLong((SnapshotDelta.Row x) -> -Math.abs(x.bytesChange())).thenComparing(SnapshotDelta.Row::key));
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    private static String signed(long v) {
        return (v > 0 ? "+" : "") + n(v);
    }

    public static void runJson(PrintWriter out, Run r) {
        ObjectNode root = Json.object();
        root.put("scenario", r.scenario().name()).put("seed", r.seed()).put("durationMicros", r.scenario().duration())
                .put("intervalMicros", r.scenario().interval()).put("snapshots", r.samples());
        ObjectNode v = root.putObject("violations");
        v.put("count", r.violationCount());
        ObjectNode by = v.putObject("byRule");
        r.byRule().forEach(by::put);
        ArrayNode tags = root.putArray("tags");
        for (SnapshotDelta.Row row : changes(r.first(), r.last(), Integer.MAX_VALUE)) {
            TagCounters c = row.now();
            tags.addObject().put("tag", c.label()).put("type", c.type().poolmonName()).put("allocs", c.allocs()).put("frees", c.frees())
                    .put("bytes", c.bytes()).put("bytesChange", row.bytesChange());
        }
        if (r.traceFile() != null) {
            root.putObject("recorded").put("snapshots", r.snapshotsFile()).put("snapshotCount", r.snapshotCount())
                    .put("trace", r.traceFile()).put("events", r.eventCount());
        }
        Json.write(out, root);
    }
}
