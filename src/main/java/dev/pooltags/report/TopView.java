package dev.pooltags.report;

import dev.pooltags.snapshot.RowFilter;
import dev.pooltags.snapshot.RowOrder;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotDelta;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.source.TerminalText;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagFormatException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code top} shows, without a terminal: the latest sample and its changes since the previous one, the
 * sort, pool, pattern and search settings PoolMon's keys change, and the screen as lines of text for a given size.
 * The terminal driver ({@link TopScreen}) only feeds it samples and keys, so every behaviour here is tested
 * without a terminal.
 */
public final class TopView {
    /** Which pool rows to show; PoolMon's {@code p} cycles through them. */
    public enum Pools {
        BOTH, NONPAGED, PAGED;

        Pools next() {
            return values()[(ordinal() + 1) % 3];
        }

        boolean accepts(PoolType t) {
            return this == BOTH || (this == NONPAGED) == (t == PoolType.NONPAGED);
        }
    }

    /** What the bottom line is: key help, or an input box being typed into. */
    public enum Input { NONE, SEARCH, PATTERN }

    private final Function<TagCounters, String> owner;
    private final List<SnapshotColumn> columns;
    private Snapshot previous;
    private Snapshot current;
    private RowOrder order;
    private boolean byChange;
    private Pools pools = Pools.BOTH;
    private String pattern = "";
    private RowFilter filter = RowFilter.ALL;
    private String search = "";
    private Input input = Input.NONE;
    private StringBuilder typing = new StringBuilder();
    private boolean paused;
    private int scroll;
    private String message = "";
    private String sourceNote = "";

    /**
     * @param columns the table's columns ({@link SnapshotColumn#standard}); another capability appends its own
     * @param owner   owner text of a row for the search box, or null
     */
    public TopView(List<SnapshotColumn> columns, Function<TagCounters, String> owner, RowOrder order) {
        this(columns, owner, order, null);
    }

    /**
     * @param leaks live leak verdicts fed with every sample, for the Leak column and the {@code l} sort key; or null
     */
    public TopView(List<SnapshotColumn> columns, Function<TagCounters, String> owner, RowOrder order,
            dev.pooltags.leak.LiveLeaks leaks) {
        List<SnapshotColumn> c = new ArrayList<>(columns);
        if (leaks != null) {
            // before the owner column, which takes the width that is left
            int at = c.isEmpty() || !c.get(c.size() - 1).flex() ? c.size() : c.size() - 1;
            c.add(at, SnapshotColumn.leak(leaks));
        }
        this.columns = List.copyOf(c);
        this.owner = owner;
        this.order = order;
        this.leaks = leaks;
    }

    private final dev.pooltags.leak.LiveLeaks leaks;
    /** Sorting by leak verdict (key l) instead of {@link #order}. */
    private boolean byLeak;

    /** A new sample: the previous one becomes the base of the change columns. */
    public void sample(Snapshot s) {
        previous = current;
        current = s;
        if (leaks != null) {
            leaks.observe(s);
        }
    }

    public Snapshot current() {
        return current;
    }

    /** A note about the source shown in the status line (e.g. "end of replay"). */
    public void sourceNote(String note) {
        sourceNote = note;
    }

    public boolean paused() {
        return paused;
    }

    public Input input() {
        return input;
    }

    /** The rows shown, in order: filtered by pool, pattern and search, sorted. */
    public List<SnapshotDelta.Row> rows() {
        if (current == null) {
            return List.of();
        }
        List<SnapshotDelta.Row> all = previous == null ? SnapshotDelta.unchanged(current) : SnapshotDelta.between(previous, current);
        List<SnapshotDelta.Row> out = new ArrayList<>(all.size());
        String needle = search.toLowerCase(Locale.ROOT);
        // rows that vanished since the previous sample are in the delta (with their bytes going to zero): not shown
        java.util.Set<TagCounters.RowKey> live = current.rows().size() < all.size() ? current.byKey().keySet() : null;
        for (SnapshotDelta.Row r : all) {
            TagCounters now = r.now();
            if (live != null && !live.contains(r.key())) {
                continue; // gone since the previous sample
            }
            if (!pools.accepts(now.type()) || !filter.accepts(now)) {
                continue;
            }
            if (!needle.isEmpty() && !matchesSearch(now, needle)) {
                continue;
            }
            out.add(r);
        }
        Comparator<SnapshotDelta.Row> cmp = order.comparator(byChange);
        if (byLeak && leaks != null) {
            java.util.Map<TagCounters.RowKey, dev.pooltags.leak.TagVerdict> v = leaks.verdicts();
            // evidence times size first (as pooltags leaks ranks), then the stronger verdict; rows without one after
            cmp = Comparator.<SnapshotDelta.Row>comparingDouble(r -> v.containsKey(r.key()) ? -v.get(r.key()).weight() : 1)
                    .thenComparingInt(r -> v.containsKey(r.key()) ? v.get(r.key()).verdict().ordinal() : 99)
                    .thenComparingDouble(r -> v.containsKey(r.key()) ? -v.get(r.key()).score() : 0).thenComparing(cmp);
        }
        out.sort(cmp);
        return out;
    }

    private boolean matchesSearch(TagCounters r, String needle) {
        if (r.label().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        String o = owner == null ? null : owner.apply(r);
        return o != null && o.toLowerCase(Locale.ROOT).contains(needle);
    }

    /**
     * Handles one key (a character, or one of the names {@code up down pgup pgdn home end enter esc backspace});
     * returns false when the key asks to quit.
     */
    public boolean key(String k, int pageRows) {
        message = "";
        if (input != Input.NONE) {
            return typingKey(k);
        }
        switch (k) {
            case "q", "Q" -> {
                return false;
            }
            case "t", "T" -> sortBy(RowOrder.TAG);
            case "a", "A" -> sortBy(RowOrder.ALLOCS);
            case "f", "F" -> sortBy(RowOrder.FREES);
            case "d", "D", "s", "S" -> sortBy(RowOrder.DIFF);
            case "b", "B" -> sortBy(RowOrder.BYTES);
            case "m", "M" -> sortBy(RowOrder.PER_ALLOC);
            case "l", "L" -> {
                if (leaks == null) {
                    message = "no leak column in this view";
                } else {
                    byLeak = true;
                }
            }
            case "(", ")", "c", "C" -> byChange = !byChange;
            case "p", "P" -> pools = pools.next();
            case " " -> paused = !paused;
            case "/" -> startTyping(Input.SEARCH, search);
            case "i", "I" -> startTyping(Input.PATTERN, pattern);
            case "up" -> scroll = Math.max(0, scroll - 1);
            case "down" -> scroll++;
            case "pgup" -> scroll = Math.max(0, scroll - pageRows);
            case "pgdn" -> scroll += pageRows;
            case "home" -> scroll = 0;
            case "end" -> scroll = Integer.MAX_VALUE / 2;
            case "esc" -> {
                search = "";
                setPattern("");
            }
            default -> message = "unknown key " + (k.length() == 1 && k.charAt(0) < ' ' ? "^" + (char) (k.charAt(0) + 64) : k)
                    + ": q quits";
        }
        return true;
    }

    private void sortBy(RowOrder o) {
        order = o;
        byLeak = false;
    }

    private void startTyping(Input what, String initial) {
        input = what;
        typing = new StringBuilder(initial);
    }

    private boolean typingKey(String k) {
        switch (k) {
            case "enter" -> {
                if (input == Input.PATTERN) {
                    setPattern(typing.toString().trim());
                } else {
                    search = typing.toString();
                }
                input = Input.NONE;
            }
            case "esc" -> {
                if (input == Input.SEARCH) {
                    search = "";
                }
                input = Input.NONE;
            }
            case "backspace" -> {
                if (typing.length() > 0) {
                    typing.setLength(typing.length() - 1);
                }
            }
            default -> {
                if (k.length() == 1 && k.charAt(0) >= ' ') {
                    typing.append(k);
                }
            }
        }
        if (input == Input.SEARCH) {
            search = typing.toString(); // the search box filters as you type
        }
        scroll = 0;
        return true;
    }

    private void setPattern(String p) {
        if (p.isEmpty()) {
            pattern = "";
            filter = RowFilter.ALL;
            return;
        }
        try {
            filter = new RowFilter(List.of(p.split("[ ,]+")), List.of());
            pattern = p;
        } catch (TagFormatException e) {
            message = e.getMessage();
        }
    }

    /** Lines of the screen for a terminal of {@code width} x {@code height}; the first line is the title. */
    public Screen render(int width, int height) {
        List<String> lines = new ArrayList<>(height);
        String title = "pooltags top  " + (current == null ? "waiting for the first sample"
                : TerminalText.escape(current.source() + (current.host().isEmpty() ? "" : " on " + current.host())) + "  "
                        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(current.time()))
                + (paused ? "  [paused]" : "") + (sourceNote.isEmpty() ? "" : "  [" + sourceNote + "]");
        lines.add(title);
        lines.add(totalsLine());
        List<SnapshotDelta.Row> rows = rows();
        lines.add("sort " + (byLeak ? "leak evidence x growth, then " : "") + order.id() + (byChange ? " by change" : "") + "   pool " + pools.name().toLowerCase(Locale.ROOT)
                + "   pattern " + (pattern.isEmpty() ? "-" : pattern) + "   search " + (search.isEmpty() ? "-" : search)
                + "   rows " + rows.size() + (current == null ? "" : "/" + current.rows().size()));
        int tableRows = Math.max(0, height - lines.size() - 2);
        int maxScroll = Math.max(0, rows.size() - tableRows);
        scroll = Math.min(scroll, maxScroll);
        List<SnapshotDelta.Row> visible = rows.subList(Math.min(scroll, rows.size()), Math.min(rows.size(), scroll + tableRows));
        List<String> table = table(visible, width);
        lines.addAll(table);
        while (lines.size() < height - 1) {
            lines.add("");
        }
        String bottom;
        if (input == Input.SEARCH) {
            bottom = "search (tag, name or owner; Enter keeps, Esc clears): " + typing;
        } else if (input == Input.PATTERN) {
            bottom = "pattern (like MyB? or Ntf* or kmalloc-*; Enter applies, empty clears): " + typing;
        } else if (!message.isEmpty()) {
            bottom = message;
        } else {
            bottom = leaks == null ? "q quit  t a f d b m sort  ( by change  p pool  i pattern  / search  space pause"
                    : "q quit  t a f d b m l sort  ( by change  p pool  i pattern  / search  space pause";
        }
        lines.add(bottom);
        List<String> cut = new ArrayList<>(lines.size());
        for (String l : lines.subList(0, Math.min(lines.size(), height))) {
            cut.add(l.length() > width ? l.substring(0, width) : l);
        }
        return new Screen(cut, 3, input != Input.NONE);
    }

    /** The lines of a screen; {@code headerLine} is drawn highlighted; {@code typing} puts the cursor on the last line. */
    public record Screen(List<String> lines, int headerLine, boolean typing) {}

    private String totalsLine() {
        if (current == null || current.totals().isEmpty()) {
            return "";
        }
        Map<String, Long> t = current.totals();
        StringBuilder sb = new StringBuilder();
        append(sb, "Memory", t.get("memory.total"));
        append(sb, "Avail", t.get("memory.available"));
        append(sb, "Commit", t.get("commit"));
        append(sb, "Limit", t.get("commit.limit"));
        append(sb, "Pool N", t.get("pool.nonpaged"));
        append(sb, "P", t.get("pool.paged"));
        append(sb, "Slab", t.get("slab"));
        return sb.toString();
    }

    private static void append(StringBuilder sb, String label, Long bytes) {
        if (bytes != null) {
            sb.append(sb.length() == 0 ? "" : "  ").append(label).append(':').append(bytes / 1024).append('K');
        }
    }

    /** Header and rows, columns sized to their content; change columns go first when the width is short. */
    private List<String> table(List<SnapshotDelta.Row> rows, int width) {
        List<SnapshotColumn> cols = new ArrayList<>(columns);
        if (previous == null) {
            cols.removeIf(c -> c.id().endsWith(".change"));
        }
        String[][] cells = new String[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            cells[i] = new String[cols.size()];
        }
        int[] w = widths(cols, rows, cells);
        while (fixedWidth(cols, w) > width && cols.stream().anyMatch(c -> c.id().endsWith(".change"))) {
            int drop = -1;
            for (int i = cols.size() - 1; i >= 0 && drop < 0; i--) {
                if (cols.get(i).id().endsWith(".change")) {
                    drop = i;
                }
            }
            cols.remove(drop);
            w = widths(cols, rows, cells);
        }
        List<String> out = new ArrayList<>(rows.size() + 1);
        out.add(line(cols, w, width, null));
        for (int i = 0; i < rows.size(); i++) {
            String[] rc = new String[cols.size()];
            for (int j = 0; j < cols.size(); j++) {
                rc[j] = cols.get(j).cell().apply(rows.get(i));
            }
            out.add(line(cols, w, width, rc));
        }
        return out;
    }

    private static int[] widths(List<SnapshotColumn> cols, List<SnapshotDelta.Row> rows, String[][] scratch) {
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
        StringBuilder sb = new StringBuilder(width);
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
