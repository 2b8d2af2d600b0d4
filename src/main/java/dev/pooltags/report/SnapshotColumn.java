package dev.pooltags.report;

import dev.pooltags.leak.LiveLeaks;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.snapshot.SnapshotDelta;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.source.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One column of the per-tag table that {@code snapshot}, {@code top} and {@code top --once} show. The column set
 * is a list of these, so a capability that adds a column (a leak verdict, say) adds one entry.
 *
 * @param id     stable name ({@code tag}, {@code allocs}, {@code allocs.change}, ...)
 * @param header what the header shows
 * @param right  right-aligned (numbers)
 * @param flex   takes the width left over on a screen and is cut to it (the owner column)
 * @param cell   the text of a row's cell
 */
public record SnapshotColumn(String id, String header, boolean right, boolean flex, Function<SnapshotDelta.Row, String> cell) {
    public SnapshotColumn {
        // a row name or owner read from a file or the OS is shown escaped, before any width is measured
        Function<SnapshotDelta.Row, String> raw = cell;
        cell = r -> TerminalText.shown(raw.apply(r));
    }

    /** The tag (quoted when it has spaces) or the slab cache's name. */
    public static SnapshotColumn tag() {
        return new SnapshotColumn("tag", "Tag", false, false,
                r -> r.now().tag() != null ? TextTable.tagCell(r.now().tag().toString()) : r.now().name());
    }

    /**
     * PoolMon's columns: Tag, Type, Allocs, Frees, Diff, Bytes, Per Alloc, with the bracketed changes since the
     * previous sample when {@code changes} is set, and an Owner column when {@code owner} is not null.
     */
    public static List<SnapshotColumn> standard(boolean changes, Function<TagCounters, String> owner) {
        List<SnapshotColumn> c = new ArrayList<>();
        c.add(tag());
        c.add(new SnapshotColumn("type", "Type", false, false, r -> r.now().type().poolmonName()));
        c.add(number("allocs", "Allocs", r -> r.now().allocs()));
        if (changes) {
            c.add(change("allocs.change", r -> r.allocsChange()));
        }
        c.add(number("frees", "Frees", r -> r.now().frees()));
        if (changes) {
            c.add(change("frees.change", r -> r.freesChange()));
        }
        c.add(number("diff", "Diff", r -> r.now().outstanding()));
        c.add(number("bytes", "Bytes", r -> r.now().bytes()));
        if (changes) {
            c.add(change("bytes.change", r -> r.bytesChange()));
        }
        c.add(number("peralloc", "Per Alloc", r -> r.now().perAlloc()));
        if (owner != null) {
            c.add(new SnapshotColumn("owner", "Owner", false, true, r -> {
                String o = owner.apply(r.now());
                return o == null ? "" : o;
            }));
        }
        return c;
    }

    /**
     * The live leak state of a row: {@code LEAK 2m}, {@code likely 40s}, {@code growing 5m} with how long the state
     * has held, {@code …18s} while too early with about how long the growth still needs, blank while stable or before
     * the first checkpoint.
     */
    public static SnapshotColumn leak(LiveLeaks leaks) {
        return new SnapshotColumn("leak", "Leak", false, false, r -> {
            TagVerdict v = leaks.verdicts().get(r.key());
            return v == null ? "" : LeakCell.text(v, leaks.heldSince().get(r.key()), leaks.latest());
        });
    }

    private static SnapshotColumn number(String id, String header, Function<SnapshotDelta.Row, Long> v) {
        return new SnapshotColumn(id, header, true, false, r -> Long.toString(v.apply(r)));
    }

    private static SnapshotColumn change(String id, Function<SnapshotDelta.Row, Long> v) {
        return new SnapshotColumn(id, "", true, false, r -> "(" + v.apply(r) + ")");
    }

    /** A plain table of the rows (for {@code snapshot} and {@code top --once}). */
    public static TextTable table(List<SnapshotColumn> columns, List<SnapshotDelta.Row> rows) {
        String[] headers = new String[columns.size()];
        for (int i = 0; i < headers.length; i++) {
            SnapshotColumn c = columns.get(i);
            headers[i] = (c.right() ? ">" : "") + c.header();
        }
        TextTable t = new TextTable(headers);
        for (SnapshotDelta.Row r : rows) {
            Object[] cells = new Object[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = columns.get(i).cell().apply(r);
            }
            t.row(cells);
        }
        return t;
    }
}
