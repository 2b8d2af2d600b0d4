package dev.pooltags.cli;

import dev.pooltags.output.OutputFile;
import dev.pooltags.report.BigPoolReport;
import dev.pooltags.report.SnapshotColumn;
import dev.pooltags.serve.CardinalityLimit;
import dev.pooltags.serve.History;
import dev.pooltags.serve.PoolSampler;
import dev.pooltags.serve.TextfileExport;
import dev.pooltags.serve.VerdictProvider;
import dev.pooltags.snapshot.BigPoolAllocation;
import dev.pooltags.snapshot.RowFilter;
import dev.pooltags.snapshot.RowOrder;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotDelta;
import dev.pooltags.snapshot.SnapshotFormat;
import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.snapshot.SnapshotSources;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.source.TerminalText;
import dev.pooltags.source.UsageException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagFormatException;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagEntry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pooltags snapshot}: one sample of per-tag pool usage, as a table, CSV, JSON or a tool's format. */
@Command(name = "snapshot", mixinStandardHelpOptions = true)
public final class SnapshotCommand extends Subcommand {
    @Mixin
    SourceOption source;

    @Mixin
    TagFileOptions tagFiles;

    @Mixin
    OutputOption output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default), json (pooltags JSON Lines), csv (pooltags CSV), poolmon, poolmonx, poolused, or prom "
                    + "(the metrics of 'pooltags serve' in the Prometheus text format: with -o DIR/pooltags.prom, for "
                    + "windows_exporter's textfile collector; --top limits the per-tag series, default 100).")
    String format = "text";

    @Option(names = {"-i", "--include"}, paramLabel = "PATTERN",
            description = "Only tags (or slab cache names) matching PATTERN (* and ?). Repeatable.")
    List<String> include = new ArrayList<>();

    @Option(names = {"-x", "--exclude"}, paramLabel = "PATTERN", description = "Leave out tags or names matching PATTERN. Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--sort", paramLabel = "ORDER", description = "tag (default), allocs, frees, diff, bytes or peralloc.")
    String sort = "tag";

    @Option(names = "--top", paramLabel = "N", description = "Only the first N rows in sort order.")
    Integer top;

    @Option(names = "--sample", paramLabel = "N|last",
            description = "For a replayed source: which sample (1 = the first, the default; last = the last).")
    String sample = "1";

    @Option(names = "--big-pool",
            description = "List the big-pool table instead: every allocation of a page or more with its address, pool, size "
                    + "and tag, largest first (the live Windows source as administrator, demo:, or a file written with it). "
                    + "--include, --exclude and --top apply; json and csv carry the table.")
    boolean bigPool;

    @Override
    protected ExitCode execute() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RowOrder order = parseOrder(sort);
        RowFilter filter = filter(include, exclude);
        boolean text = format.equalsIgnoreCase("text");
        boolean prom = format.equalsIgnoreCase("prom");
        SnapshotFormat fmt = text || prom ? null : writableFormat(format);
        if (top != null && top < 1) {
            throw new UsageException("--top needs a positive number (got " + top + ")");
        }
        OutputFile target = output.check();
        Snapshot picked;
        String sourceName;
        try (SnapshotSource src = source.open(err)) {
            sourceName = src.name();
            picked = pick(src, sample);
            if (bigPool && picked.bigPool().isEmpty()) {
                picked = picked.withBigPool(src.bigPool().orElseThrow(() -> noBigPool(src)));
            }
        }
        Snapshot s = picked;
        if (bigPool) {
            List<BigPoolAllocation> table = new ArrayList<>();
            for (BigPoolAllocation a : s.bigPool()) {
                if (filter.accepts(a.tag())) {
                    table.add(a);
                }
            }
            table.sort(BigPoolAllocation.LARGEST_FIRST);
            List<BigPoolAllocation> shown = top != null && table.size() > top ? table.subList(0, top) : table;
            TagDatabase owners = tagFiles.load(false, List.of(sourceName, s.source()), err);
            if (text) {
                target.write(out, raw -> BigPoolReport.text(TerminalText.writer(raw), s, shown, table.size(),
                        owners.size() == 0 ? null : t -> ownerText(owners).apply(TagCounters.of(t, PoolType.PAGED, 0, 0, 0))));
            } else {
                List<Snapshot> series = List.of(new Snapshot(s.time(), s.host(), s.source(), List.of(), s.totals(), shown));
                if (fmt != SnapshotFormat.JSON && fmt != SnapshotFormat.CSV) {
                    throw new UsageException("--big-pool writes text, json or csv, not " + format);
                }
                target.write(out, w -> fmt.writeText(w, series, null));
            }
            return source.exit(ExitCode.OK);
        }
        if (prom) {
            byte[] bytes = textfile(s, sourceName, filter, order, err);
            target.write(out, w -> w.print(new String(bytes, StandardCharsets.UTF_8)));
            return source.exit(ExitCode.OK);
        }
        List<SnapshotDelta.Row> rows = select(SnapshotDelta.unchanged(s), filter, order, top);
        TagDatabase db = tagFiles.load(false, List.of(sourceName, s.source()), err);
        if (text) {
            target.write(out, raw -> {
                PrintWriter w = TerminalText.writer(raw);
                w.println("# " + s.source() + (s.host().isEmpty() ? "" : " on " + s.host()) + " at " + s.time() + ": "
                        + rows.size() + " of " + s.rows().size() + " rows");
                if (!s.totals().isEmpty()) {
                    w.println("# totals: " + totalsText(s.totals()));
                }
                w.println("# " + tagFiles.origin());
                SnapshotColumn.table(SnapshotColumn.standard(false, ownerText(db)), rows).print(w, true);
                w.flush();
            });
            return source.exit(ExitCode.OK);
        }
        List<TagCounters> kept = new ArrayList<>();
        for (SnapshotDelta.Row r : rows) {
            kept.add(r.now());
        }
        List<Snapshot> series = List.of(new Snapshot(s.time(), s.host(), s.source(), kept, s.totals()));
        try {
            fmt.checkWritable(series); // before the first byte: a format that cannot hold it writes nothing
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        target.write(out, w -> fmt.writeText(w, series, ownerColumns(db)));
        return source.exit(ExitCode.OK);
    }

    /** The metrics of serve's /metrics for this one sample, for windows_exporter's textfile collector. */
    private byte[] textfile(Snapshot s, String sourceName, RowFilter filter, RowOrder order, PrintWriter err) {
        List<TagCounters> kept = new ArrayList<>();
        for (SnapshotDelta.Row r : select(SnapshotDelta.unchanged(s), filter, order, null)) {
            kept.add(r.now());
        }
        TagDatabase owners = tagFiles.load(false, List.of(sourceName, s.source()), err);
        PrometheusRegistry registry = new PrometheusRegistry();
        PoolSampler sampler = new PoolSampler(
                SnapshotSources.replay(sourceName, List.of(new Snapshot(s.time(), s.host(), s.source(), kept, s.totals()))),
                tag -> {
                    TagEntry e = owners.owner(tag.unprotected());
                    return e == null ? null : e.binary();
                }, new CardinalityLimit(List.of(), List.of(), top == null ? 100 : top, List.of()),
                VerdictProvider.NONE, new History(2), registry, System::nanoTime,
                Clock.systemUTC(), line -> err.println("pooltags: " + line));
        sampler.sample();
        return TextfileExport.render(registry);
    }

    /** Why there is no big-pool table: a live source without one is the environment, a file without one the input. */
    private static RuntimeException noBigPool(SnapshotSource src) {
        String what = src.name() + " has no big-pool table: the live Windows source reads it (as administrator), demo:"
                + " sources simulate it, and files written with 'snapshot --big-pool' hold it";
        return src.isSimulated() ? new dev.pooltags.source.InputException(src.name(), 0, what.substring(src.name().length() + 1))
                : new dev.pooltags.source.EnvironmentException(what);
    }

    /** The sample {@code which} names (1-based number or {@code last}) of a source. */
    static Snapshot pick(SnapshotSource src, String which) {
        boolean last = which.equalsIgnoreCase("last");
        int n;
        try {
            n = last ? Integer.MAX_VALUE : Integer.parseInt(which);
        } catch (NumberFormatException e) {
            throw new UsageException("--sample takes a number (1 = first) or 'last', not '" + which + "'");
        }
        if (n < 1) {
            throw new UsageException("--sample counts from 1 (got " + n + ")");
        }
        if (n > 1 && !last && !src.isSimulated()) {
            throw new UsageException("--sample picks from a replayed source; " + src.name() + " is live");
        }
        Snapshot got = null;
        for (int i = 0; i < n; i++) {
            Optional<Snapshot> s = src.next();
            if (s.isEmpty()) {
                break;
            }
            got = s.get();
            if (!src.isSimulated()) {
                break; // a live source: 'last' is now
            }
        }
        if (got == null) {
            throw new dev.pooltags.source.InputException(src.name(), 0, "has no samples");
        }
        return got;
    }

    static RowOrder parseOrder(String s) {
        try {
            return RowOrder.byId(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static RowFilter filter(List<String> include, List<String> exclude) {
        try {
            return new RowFilter(include, exclude);
        } catch (TagFormatException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static SnapshotFormat writableFormat(String id) {
        try {
            SnapshotFormat f = SnapshotFormat.byId(id);
            if (f.writable()) {
                return f;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the usage message
        }
        throw new UsageException("--format " + id + " is not one of text, json, csv, poolmon, poolmonx, poolused, prom");
    }

    static List<SnapshotDelta.Row> select(List<SnapshotDelta.Row> rows, RowFilter filter, RowOrder order, Integer top) {
        List<SnapshotDelta.Row> out = new ArrayList<>();
        for (SnapshotDelta.Row r : rows) {
            if (filter.accepts(r.now())) {
                out.add(r);
            }
        }
        out.sort(order.comparator(false));
        return top != null && out.size() > top ? new ArrayList<>(out.subList(0, top)) : out;
    }

    static String totalsText(Map<String, Long> totals) {
        StringBuilder sb = new StringBuilder();
        totals.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(k.equals("pagefaults") || k.endsWith(".count") ? Long.toString(v) : (v / 1024) + "K"));
        return sb.toString();
    }

    /** The Owner column's text: the first owner entry's binary and description. */
    static Function<TagCounters, String> ownerText(TagDatabase db) {
        return r -> {
            if (r.tag() == null) {
                return "";
            }
            TagEntry e = db.owner(r.tag().unprotected());
            if (e == null) {
                return "";
            }
            return e.binary().isEmpty() ? e.description() : e.binary() + " - " + e.description();
        };
    }

    /** SourceName and SourceDescription for PoolMonX and !poolused, from the tag database. */
    static Function<PoolTag, String[]> ownerColumns(TagDatabase db) {
        if (db.size() == 0) {
            return null;
        }
        return t -> {
            TagEntry e = db.owner(t.unprotected());
            return e == null ? null : new String[] {e.binary(), e.description()};
        };
    }
}
