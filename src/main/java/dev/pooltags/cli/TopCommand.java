package dev.pooltags.cli;

import dev.pooltags.report.SnapshotColumn;
import dev.pooltags.report.TopScreen;
import dev.pooltags.report.TopView;
import dev.pooltags.snapshot.RowOrder;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotDelta;
import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.source.EnvironmentException;
import dev.pooltags.source.InputException;
import dev.pooltags.source.TerminalText;
import dev.pooltags.tagdb.TagDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pooltags top}: PoolMon on any machine, full screen. */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = {"Full-screen live table of pool usage per tag (Windows) or slab cache (Linux), refreshed every "
                + "interval: Tag, Type, Allocs, Frees, Diff, Bytes and Per Alloc with their changes, and the owner "
                + "from the tag files. With --once, or when standard output is not a terminal, prints one table.", ""},
        footer = {"", "Keys (as PoolMon's): t a f d b m sort by tag, allocs, frees, diff, bytes, bytes per alloc;",
                "( or c toggles sorting by the change since the last sample; p cycles both pools, nonpaged, paged;",
                "i sets a tag pattern (Ntf*, MyB?, kmalloc-*); / opens the search box (tag, name or owner);",
                "space pauses; arrows, PgUp/PgDn, Home/End scroll; Esc clears pattern and search; q quits.",
                "l sorts by the Leak column: the leak analysis of 'pooltags leaks' over the last 600 samples,",
                "redone every 5 samples (LEAK, likely, growing; blank when stable or too few samples).",
                "", "Examples:",
                "  pooltags top",
                "  pooltags top --source replay:day.rec --interval 200ms",
                "  pooltags top --once --sort bytes --source linux | head",
                "", "Exit status: 0 ok, 2 usage error, 3 unreadable file, 4 no live source or no terminal."})
public final class TopCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    SourceOption source;

    @Mixin
    TagFileOptions tagFiles;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Refresh interval (default 1s).")
    Duration interval = Duration.ofSeconds(1);

    @Option(names = "--sort", paramLabel = "ORDER", description = "Initial sort: tag, allocs, frees, diff, bytes (default) or peralloc.")
    String sort = "bytes";

    @Option(names = "--no-leak", description = "Hide the Leak column (live leak verdicts over the last 600 samples).")
    boolean noLeak;

    @Option(names = "--once", description = "Print one plain table and exit (also when standard output is not a terminal).")
    boolean once;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = TerminalText.writer(spec.commandLine().getOut());
        PrintWriter err = spec.commandLine().getErr();
        RowOrder order = SnapshotCommand.parseOrder(sort);
        TagDatabase db = tagFiles.load(false);
        Function<TagCounters, String> owner = db.size() == 0 ? null : SnapshotCommand.ownerText(db);
        try (SnapshotSource src = source.open(err)) {
            if (once || System.console() == null) {
                Optional<Snapshot> s = src.next();
                if (s.isEmpty()) {
                    throw new InputException(src.name(), 0, "has no samples");
                }
                List<SnapshotDelta.Row> rows = SnapshotCommand.select(SnapshotDelta.unchanged(s.get()),
                        dev.pooltags.snapshot.RowFilter.ALL, order, null);
                out.println("# " + s.get().source() + (s.get().host().isEmpty() ? "" : " on " + s.get().host()) + " at " + s.get().time());
                SnapshotColumn.table(SnapshotColumn.standard(false, owner), rows).print(out, true);
                out.flush();
                return source.exit(Main.OK);
            }
            TopView view = new TopView(SnapshotColumn.standard(true, owner), owner, order,
                    noLeak ? null : dev.pooltags.leak.LiveLeaks.defaults());
            Terminal terminal;
            try {
                terminal = TerminalBuilder.builder().system(true).dumb(false).build();
            } catch (IOException | IllegalStateException e) {
                throw new EnvironmentException("top needs a terminal (" + e.getMessage() + "); use --once for a plain table");
            }
            try (terminal) {
                new TopScreen(terminal, view, src, interval).run(0);
            }
        }
        return source.exit(Main.OK);
    }
}
