package dev.pooltags.cli;

import dev.pooltags.leak.LiveLeaks;
import dev.pooltags.live.LiveSampling;
import dev.pooltags.output.OutputFile;
import dev.pooltags.report.SnapshotColumn;
import dev.pooltags.report.TopScreen;
import dev.pooltags.report.TopView;
import dev.pooltags.snapshot.RowFilter;
import dev.pooltags.snapshot.RowOrder;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotDelta;
import dev.pooltags.snapshot.SnapshotFormat;
import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.snapshot.SnapshotSources;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.source.EnvironmentException;
import dev.pooltags.source.InputException;
import dev.pooltags.source.TerminalText;
import dev.pooltags.source.UsageException;
import dev.pooltags.tagdb.TagDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pooltags top}: PoolMon on any machine, full screen. */
@Command(name = "top", mixinStandardHelpOptions = true)
public final class TopCommand extends Subcommand {
    @Mixin
    SourceOption source;

    @Mixin
    TagFileOptions tagFiles;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Refresh interval (default 1s; PoolMon's is 5s).")
    Duration interval = Duration.ofSeconds(1);

    @Option(names = "--sort", paramLabel = "ORDER", description = "Initial sort: tag, allocs, frees, diff, bytes (default) or peralloc.")
    String sort;

    @Option(names = "--pool", paramLabel = "POOLS", description = "Initial pools: both (default), nonpaged or paged.")
    String pool;

    @Option(names = {"-i", "--include"}, paramLabel = "PATTERN", description = "Only tags or names matching PATTERN (* and ?). Repeatable.")
    List<String> include = new ArrayList<>();

    @Option(names = {"-x", "--exclude"}, paramLabel = "PATTERN", description = "Leave out tags or names matching PATTERN. Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--by-change", description = "Sort by the change since the last sample (PoolMon's /( ).")
    boolean byChange;

    @Option(names = "--totals", description = "Show pool totals at the bottom (PoolMon's /e; key e).")
    boolean totals;

    @Option(names = "--no-highlight", description = "Do not highlight lines that changed (PoolMon's /l; key l).")
    boolean noHighlight;

    @Option(names = "--no-leak", description = "Hide the Leak column (live leak verdicts over the last 600 samples).")
    boolean noLeak;

    @Option(names = "--once", description = "Print the screen's table once and exit (also when standard output is not a terminal).")
    boolean once;

    @Option(names = "--log", paramLabel = "FILE", arity = "0..1", fallbackValue = "poolsnap.log",
            description = "Write one snapshot in PoolMon's layout to FILE (default poolsnap.log) and exit (PoolMon's /n).")
    Path log;

    // PoolMon's switches as picocli sees them after PoolMonSwitches turned /b into -b: hidden, the footer lists them
    @Option(names = "-t", hidden = true) boolean sortTag;
    @Option(names = "-a", hidden = true) boolean sortAllocs;
    @Option(names = "-f", hidden = true) boolean sortFrees;
    @Option(names = "-d", hidden = true) boolean sortDiff;
    @Option(names = "-b", hidden = true) boolean sortBytes;
    @Option(names = "-m", hidden = true) boolean sortPerAlloc;
    @Option(names = "-p", hidden = true) boolean[] poolSwitch = new boolean[0];
    @Option(names = "-e", hidden = true) boolean totalsSwitch;
    @Option(names = "-l", hidden = true) boolean noHighlightSwitch;
    @Option(names = {"-(", "-)"}, hidden = true) boolean byChangeSwitch;
    @Option(names = "-g", hidden = true, arity = "0..1", fallbackValue = "") String tagFileSwitch;
    @Option(names = "-n", hidden = true, arity = "0..1", fallbackValue = "poolsnap.log") Path logSwitch;
    @Option(names = "-s", hidden = true, arity = "0..1", fallbackValue = "") String sessionSwitch;

    @Override
    protected ExitCode execute() throws IOException {
        PrintWriter out = TerminalText.writer(spec.commandLine().getOut());
        PrintWriter err = spec.commandLine().getErr();
        applySwitches();
        RowOrder order = SnapshotCommand.parseOrder(sort == null ? "bytes" : sort);
        TopView.Pools pools = pools();
        RowFilter filter = SnapshotCommand.filter(include, exclude);
        OutputFile logFile = log == null ? null : OutputFile.of(log);
        AtomicReference<SnapshotSource> current = new AtomicReference<>(source.open(err));
        try {
            Snapshot first = current.get().next().orElseThrow(() -> new InputException(current.get().name(), 0, "has no samples"));
            TagDatabase db = tagFiles.load(false, List.of(current.get().name(), first.source()), err);
            Function<TagCounters, String> owner = SnapshotCommand.ownerText(db);
            String patternText = String.join(" ", include) + (exclude.isEmpty() ? "" : " not " + String.join(" ", exclude));
            LiveSampling sampling = new LiveSampling(current::get, noLeak ? null : LiveLeaks.defaults());
            sampling.observe(first);
            TopView view = new TopView(SnapshotColumn.standard(true, owner), owner, order, sampling.leaks())
                    .pools(pools).byChange(byChange).totals(totals).highlight(!noHighlight)
                    .filter(filter, patternText.strip()).ownerNote(tagFiles.origin());
            view.sample(first);
            if (logFile != null) {
                // PoolMon's /n: one snapshot in its own layout, the rows as the switches select and sort them
                List<TagCounters> rows = view.rows().stream().map(SnapshotDelta.Row::now).toList();
                List<Snapshot> one = List.of(new Snapshot(first.time(), first.host(), first.source(), rows, first.totals()));
                try {
                    SnapshotFormat.POOLMON.checkWritable(one);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                logFile.write(out, w -> SnapshotFormat.POOLMON.writeText(w, one, null));
                return source.exit(ExitCode.OK);
            }
            if (once || System.console() == null) {
                for (String l : view.plain()) {
                    out.println(l);
                }
                out.flush();
                return source.exit(ExitCode.OK);
            }
            String spec0 = source.spec();
            view.sessions(sessionSwitch(spec0, current, err), sessionOf(spec0));
            Terminal terminal;
            try {
                terminal = TerminalBuilder.builder().system(true).dumb(false).build();
            } catch (IOException | IllegalStateException e) {
                throw new EnvironmentException("top needs a terminal (" + e.getMessage() + "); use --once for a plain table");
            }
            try (terminal) {
                new TopScreen(terminal, view, sampling, interval).run(0);
            }
        } finally {
            current.get().close();
        }
        return source.exit(ExitCode.OK);
    }

    /** PoolMon's switches, after {@link PoolMonSwitches} made {@code /b} into {@code -b}, onto the long options. */
    private void applySwitches() {
        String[] sorts = {"tag", "allocs", "frees", "diff", "bytes", "peralloc"};
        boolean[] set = {sortTag, sortAllocs, sortFrees, sortDiff, sortBytes, sortPerAlloc};
        for (int i = 0; i < set.length; i++) {
            if (set[i]) {
                if (sort != null && !sort.equals(sorts[i])) {
                    throw new UsageException("two sorts given (" + sort + " and " + sorts[i] + "): PoolMon's /t /a /f /d /b /m and --sort pick one");
                }
                sort = sorts[i];
            }
        }
        if (poolSwitch.length > 0) {
            if (poolSwitch.length > 2 || pool != null) {
                throw new UsageException("/p shows nonpaged pool and /p /p paged pool; " + (pool != null ? "--pool says it too" : "a third /p means nothing"));
            }
            pool = poolSwitch.length == 1 ? "nonpaged" : "paged";
        }
        totals |= totalsSwitch;
        noHighlight |= noHighlightSwitch;
        byChange |= byChangeSwitch;
        if (tagFileSwitch != null && !tagFileSwitch.isEmpty()) {
            tagFiles.tagfiles.add(Path.of(tagFileSwitch));
        }
        if (logSwitch != null) {
            if (log != null) {
                throw new UsageException("/n and --log both name the snapshot file: give one");
            }
            log = logSwitch;
        }
        if (sessionSwitch != null) {
            if (source.spec != null) {
                throw new UsageException("/s reads the live Windows session pools; --source " + source.spec + " says otherwise");
            }
            if (!sessionSwitch.isEmpty() && !sessionSwitch.matches("\\d{1,9}")) {
                throw new UsageException("/s takes a session number right after it (/s1), not '" + sessionSwitch + "'");
            }
            source.spec = sessionSwitch.isEmpty() ? "windows:session" : "windows:session=" + sessionSwitch;
        }
    }

    private TopView.Pools pools() {
        if (pool == null) {
            return TopView.Pools.BOTH;
        }
        return switch (pool.toLowerCase(java.util.Locale.ROOT)) {
            case "both" -> TopView.Pools.BOTH;
            case "nonpaged", "nonp" -> TopView.Pools.NONPAGED;
            case "paged" -> TopView.Pools.PAGED;
            default -> throw new UsageException("--pool " + pool + ": use both, nonpaged or paged");
        };
    }

    private static long sessionOf(String spec) {
        if (spec.startsWith("windows:session=")) {
            return Long.parseLong(spec.substring("windows:session=".length()));
        }
        return spec.equals("windows:session") ? TopView.SessionSwitch.ALL_SESSIONS : TopView.SessionSwitch.SYSTEM;
    }

    /** The live Windows source switches between its pools; any other source has no session pools and says so. */
    private TopView.SessionSwitch sessionSwitch(String spec, AtomicReference<SnapshotSource> current, PrintWriter err) {
        if (!spec.equals("windows") && !spec.startsWith("windows:")) {
            return TopView.SessionSwitch.none(spec);
        }
        return session -> {
            String next = session == TopView.SessionSwitch.SYSTEM ? "windows"
                    : session == TopView.SessionSwitch.ALL_SESSIONS ? "windows:session" : "windows:session=" + session;
            SnapshotSource opened;
            try {
                opened = SnapshotSources.open(next, new InputNotes(err));
            } catch (RuntimeException e) {
                return TerminalText.escape(String.valueOf(e.getMessage()));
            }
            Optional.ofNullable(current.getAndSet(opened)).ifPresent(SnapshotSource::close);
            return null;
        };
    }
}
