package dev.pooltags.report;

import dev.pooltags.snapshot.SnapshotDelta;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolType;
import java.util.ArrayList;
import java.util.List;

/** The table of {@link TopView}: its columns sized to their content and to the width, and PoolMon's pool totals. */
final class TopTable {
    private TopTable() {}

    /** PoolMon's pool totals ({@code e}): the rows shown summed per pool type, as rows named "Total". */
    static List<SnapshotDelta.Row> sums(List<SnapshotDelta.Row> rows) {
        List<SnapshotDelta.Row> out = new ArrayList<>(2);
        for (PoolType t : List.of(PoolType.NONPAGED, PoolType.PAGED)) {
            long o = 0;
            long f = 0;
            long b = 0;
            long da = 0;
            long df = 0;
            long db = 0;
            boolean any = false;
            for (SnapshotDelta.Row r : rows) {
                if (r.now().type() != t) {
                    continue;
                }
                any = true;
                o += r.now().outstanding(); // each row's own 32-bit wrap already undone
                f += r.now().frees();
                b += r.now().bytes();
                da += r.allocsChange();
                df += r.freesChange();
                db += r.bytesChange();
            }
            if (any) {
                TagCounters sum = TagCounters.named("Total", t, f + o, f, b);
                out.add(new SnapshotDelta.Row(sum.key(), sum, da, df, db));
            }
        }
        return out;
    }

    /**
     * Header, rows and total rows, columns sized to their content; change columns go first when the width is short
     * (and are left out without a previous sample to change from).
     */
    static List<String> lines(List<SnapshotColumn> columns, boolean withChanges, List<SnapshotDelta.Row> rows,
            List<SnapshotDelta.Row> sums, int width) {
        List<SnapshotColumn> cols = new ArrayList<>(columns);
        if (!withChanges) {
            cols.removeIf(c -> c.id().endsWith(".change"));
        }
        List<SnapshotDelta.Row> all = new ArrayList<>(rows);
        all.addAll(sums);
        int[] w = widths(cols, all);
        boolean flex = cols.stream().anyMatch(SnapshotColumn::flex);
        // change columns make room: for the fixed columns, then for at least OWNER_ROOM characters of the owner
        while ((fixedWidth(cols, w) > width || flex && width - fixedWidth(cols, w) - 1 < OWNER_ROOM)
                && cols.stream().anyMatch(c -> c.id().endsWith(".change"))) {
            int drop = -1;
            for (String id : List.of("allocs.change", "frees.change", "bytes.change")) {
                for (int i = 0; i < cols.size() && drop < 0; i++) {
                    if (cols.get(i).id().equals(id)) {
                        drop = i;
                    }
                }
            }
            cols.remove(drop);
            w = widths(cols, all);
        }
        List<String> out = new ArrayList<>(all.size() + 1);
        out.add(line(cols, w, width, null));
        for (SnapshotDelta.Row r : all) {
            String[] rc = new String[cols.size()];
            for (int j = 0; j < cols.size(); j++) {
                rc[j] = cols.get(j).cell().apply(r);
            }
            out.add(line(cols, w, width, rc));
        }
        return out;
    }

    /** The least the owner column is given before change columns are dropped: a driver's name. */
    private static final int OWNER_ROOM = 12;

    private static int[] widths(List<SnapshotColumn> cols, List<SnapshotDelta.Row> rows) {
        int[] w = new int[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            SnapshotColumn c = cols.get(j);
            int m = c.header().length();
            if (!c.flex()) {
                for (SnapshotDelta.Row r : rows) {
                    m = Math.max(m, c.cell().apply(r).length());
                }
            }
            w[j] = c.id().equals("tag") ? Math.min(m, 24) : m;
        }
        return w;
    }

    private static int fixedWidth(List<SnapshotColumn> cols, int[] w) {
        int s = 0;
        for (int j = 0; j < cols.size(); j++) {
            if (!cols.get(j).flex()) {
                s += w[j] + (j > 0 ? 1 : 0);
            }
        }
        return s;
    }

    private static String line(List<SnapshotColumn> cols, int[] w, int width, String[] cells) {
        StringBuilder sb = new StringBuilder(Math.min(width, 256));
        for (int j = 0; j < cols.size(); j++) {
            SnapshotColumn c = cols.get(j);
            String v = cells == null ? c.header() : cells[j];
            if (j > 0) {
                sb.append(' ');
            }
            if (c.flex()) {
                int room = width - sb.length();
                if (room > 0) {
                    sb.append(v.length() > room ? v.substring(0, room) : v);
                }
                continue;
            }
            if (v.length() > w[j]) {
                v = v.substring(0, w[j] - 1) + "~";
            }
            String pad = " ".repeat(w[j] - v.length());
            sb.append(c.right() ? pad + v : v + pad);
        }
        int e = sb.length();
        while (e > 0 && sb.charAt(e - 1) == ' ') {
            e--;
        }
        return sb.substring(0, Math.min(e, width));
    }
}
