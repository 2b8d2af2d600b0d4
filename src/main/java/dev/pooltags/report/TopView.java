package dev.pooltags.report;

import dev.pooltags.leak.LiveLeaks;
import dev.pooltags.leak.TagVerdict;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code top} shows, without a terminal: the latest sample and its changes since the previous one, and the
 * settings PoolMon's run-time commands change, with the screen as lines of text for a given size. The terminal driver
 * ({@link TopScreen}) only feeds it samples and keys, so every behaviour here is tested without a terminal.
 *
 * <p>The keys are PoolMon's run-time commands with their meaning (Microsoft's "PoolMon Run-time Commands"):
 * {@code p} nonpaged, paged, both; {@code (} or {@code )} sort by value or by change; {@code s} system or session
 * pools; {@code 0}-{@code 9} one session's pool; {@code i} asks for a session; {@code l} highlighting of changed lines;
 * {@code e} pool totals at the bottom; {@code t a f d b m} sort by tag, allocations, frees, diff, bytes, bytes per
 * allocation; {@code ?} or {@code h} help; {@code q} or Esc quit. pooltags adds {@code v} (sort by the Leak column's
 * verdict), {@code /} (search by tag, name, owner or a tag pattern), space (pause) and scrolling.
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
    public enum Input { NONE, SEARCH, SESSION }

    /**
     * Switches between the system pools and the session pools (PoolMon's {@code s}, {@code i} and digit keys). Returns
     * null when the switch was made, or a sentence saying why it cannot be.
     */
    @FunctionalInterface
    public interface SessionSwitch {
        /** @param session {@link #SYSTEM}, {@link #ALL_SESSIONS} or a session id */
        String select(long session);

        long SYSTEM = -1;
        long ALL_SESSIONS = -2;

        /** For sources with no session pools: says so, naming the source. */
        static SessionSwitch none(String sourceName) {
            return s -> "session pools are read from the live Windows kernel (--source windows:session); " + sourceName
                    + " has none";
        }
    }

    /** The key list of the help overlay: PoolMon's run-time commands, then pooltags' own. */
    static final List<String> HELP = List.of(
            "Keys (PoolMon's run-time commands, with their meaning):",
            "  t a f d b m  sort by tag, allocs, frees, diff, bytes, bytes per alloc",
            "  ( or )       sort by the change since the last sample, or by the value",
            "  p            nonpaged pool, paged pool, both",
            "  s            system pools or Terminal Services session pools",
            "  0 .. 9       one session's pool; i asks for a session (Enter: all sessions)",
            "  l            highlighting of changed lines on or off",
            "  e            pool totals at the bottom on or off",
            "  ? or h       this help (Esc closes it)",
            "  q or Esc     quit (Esc first clears a search)",
            "pooltags' own:",
            "  v            sort by the Leak verdict first (LEAK, likely, growing, early)",
            "  /            search a tag, cache name or owner, or a pattern (Ntf*, MyB?)",
            "  space        pause;  arrows, PgUp PgDn, Home End  scroll",
            "Columns: Allocs, Frees and Bytes with their change since the last sample in ( );",
            "Diff = Allocs - Frees; Per Alloc = Bytes / Diff; Leak: the verdict of",
            "'pooltags leaks' over the last samples, and how long it has held.");

    private final Function<TagCounters, String> owner;
    private final List<SnapshotColumn> columns;
    private final LiveLeaks leaks;
    private Snapshot previous;
    private Snapshot current;
    private RowOrder order;
    private boolean byChange;
    /** Sorting by leak verdict (key v) first, then by {@link #order}. */
    private boolean byVerdict;
    private Pools pools = Pools.BOTH;
    private RowFilter startFilter = RowFilter.ALL;
    private String startPattern = "";
    private String search = "";
    private RowFilter searchPattern;
    private Input input = Input.NONE;
    private StringBuilder typing = new StringBuilder();
    private boolean paused;
    private boolean help;
    private boolean highlight = true;
    private boolean totals;
    private int scroll;
    private String message = "";
    private String sourceNote = "";
    private String ownerNote = "";
    private SessionSwitch sessions = SessionSwitch.none("this source");
    private long session = SessionSwitch.SYSTEM;

    /**
     * @param columns the table's columns ({@link SnapshotColumn#standard}); another capability appends its own
     * @param owner   owner text of a row for the search box, or null
     */
    public TopView(List<SnapshotColumn> columns, Function<TagCounters, String> owner, RowOrder order) {
        this(columns, owner, order, null);
    }

    /**
     * @param leaks live leak verdicts fed with every sample, for the Leak column and the {@code v} sort key; or null
     */
    public TopView(List<SnapshotColumn> columns, Function<TagCounters, String> owner, RowOrder order, LiveLeaks leaks) {
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

    // ---- start-up settings (PoolMon's switches) ----

    /** Which pools to show at the start ({@code /p} nonpaged, {@code /p /p} paged). */
    public TopView pools(Pools p) {
        pools = p;
        return this;
    }

    /** Sort by change from the start ({@code /(}). */
    public TopView byChange(boolean on) {
        byChange = on;
        return this;
    }

    /** Highlight changed lines ({@code /l} turns it off). */
    public TopView highlight(boolean on) {
        highlight = on;
        return this;
    }

    /** Show pool totals at the bottom ({@code /e}). */
    public TopView totals(boolean on) {
        totals = on;
        return this;
    }

    /** The tag patterns given at the start ({@code /iTag}, {@code /xTag}), shown as {@code text}. */
    public TopView filter(RowFilter f, String text) {
        startFilter = f;
        startPattern = text;
        return this;
    }

    /** Where owners come from, or how to get them, for the second line. */
    public TopView ownerNote(String note) {
        ownerNote = note == null ? "" : note;
        return this;
    }

    /** How {@code s}, {@code i} and the digits switch pools; the default says the source has no session pools. */
    public TopView sessions(SessionSwitch s, long current) {
        sessions = s;
        session = current;
        return this;
    }

    /**
     * A new sample: the previous one becomes the base of the change columns. The live loop has fed it to the leak
     * window already ({@link dev.pooltags.live.LiveSampling}): the view only shows the verdicts.
     */
    public void sample(Snapshot s) {
        previous = current;
        current = s;
    }

    /** Forgets the previous sample (after a switch to other pools, whose counters are not comparable). */
    public void restart() {
        previous = null;
        current = null;
    }

    public Snapshot current() {
        return current;
    }

    /** A note about the source shown in the title (e.g. "end of replay"). */
    public void sourceNote(String note) {
        sourceNote = note;
    }

    public boolean paused() {
        return paused;
    }

    public Input input() {
        return input;
    }

    public boolean helpShown() {
        return help;
    }

    /** The rows shown, in order: filtered by pool, start-up patterns and search, sorted. */
    public List<SnapshotDelta.Row> rows() {
        if (current == null) {
            return List.of();
        }
        List<SnapshotDelta.Row> all = previous == null ? SnapshotDelta.unchanged(current) : SnapshotDelta.between(previous, current);
        List<SnapshotDelta.Row> out = new ArrayList<>(all.size());
        String needle = searchPattern == null ? search.toLowerCase(Locale.ROOT) : "";
        // rows that vanished since the previous sample are in the delta (with their bytes going to zero): not shown
        Set<TagCounters.RowKey> live = current.rows().size() < all.size() ? current.byKey().keySet() : null;
        for (SnapshotDelta.Row r : all) {
            TagCounters now = r.now();
            if (live != null && !live.contains(r.key())) {
                continue; // gone since the previous sample
            }
            if (!pools.accepts(now.type()) || !startFilter.accepts(now)) {
                continue;
            }
            if (searchPattern != null && !searchPattern.accepts(now)) {
                continue;
            }
            if (!needle.isEmpty() && !matchesSearch(now, needle)) {
                continue;
            }
            out.add(r);
        }
        Comparator<SnapshotDelta.Row> cmp = order.comparator(byChange);
        if (byVerdict && leaks != null) {
            Map<TagCounters.RowKey, TagVerdict> v = leaks.verdicts();
            // the stronger verdict first (LEAK, likely, growing, too early), rows without one (stable) last; then the
            // order the header names
            cmp = Comparator.<SnapshotDelta.Row>comparingInt(r -> v.containsKey(r.key()) ? verdictRank(v.get(r.key())) : 99)
                    .thenComparing(cmp);
        }
        out.sort(cmp);
        return out;
    }

    private static int verdictRank(TagVerdict v) {
        return switch (v.verdict()) {
            case LEAK -> 0;
            case LIKELY_LEAK -> 1;
            case GROWING -> 2;
            case EARLY -> 3;
            case STABLE -> 99;
        };
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
        if (help) {
            help = false;
            if (k.equals("esc") || k.equals("?") || k.equals("h") || k.equals("H") || k.equals("enter")) {
                return true; // closes the help, as PoolMon's Esc does
            }
        }
        switch (k) {
            case "q", "Q" -> {
                return false;
            }
            case "esc" -> {
                if (search.isEmpty()) {
                    return false; // PoolMon: q or Esc stops it
                }
                setSearch(""); // a search is cleared first, so Esc backs out one step at a time
            }
            case "?", "h", "H" -> help = true;
            case "t", "T" -> order = RowOrder.TAG;
            case "a", "A" -> order = RowOrder.ALLOCS;
            case "f", "F" -> order = RowOrder.FREES;
            case "d", "D" -> order = RowOrder.DIFF;
            case "b", "B" -> order = RowOrder.BYTES;
            case "m", "M" -> order = RowOrder.PER_ALLOC;
            case "v", "V" -> {
                if (leaks == null) {
                    message = "no Leak column in this view (started with --no-leak)";
                } else {
                    byVerdict = !byVerdict;
                }
            }
            case "(", ")" -> byChange = !byChange;
            case "p", "P" -> pools = pools.next();
            case "l", "L" -> highlight = !highlight;
            case "e", "E" -> totals = !totals;
            case "s", "S" -> switchSessions(session == SessionSwitch.SYSTEM ? SessionSwitch.ALL_SESSIONS : SessionSwitch.SYSTEM);
            case "i", "I" -> {
                input = Input.SESSION;
                typing = new StringBuilder();
            }
            case " " -> paused = !paused;
            case "/" -> {
                input = Input.SEARCH;
                typing = new StringBuilder(); // a new search starts empty
            }
            case "up" -> scroll = Math.max(0, scroll - 1);
            case "down" -> scroll++;
            case "pgup" -> scroll = Math.max(0, scroll - pageRows);
            case "pgdn" -> scroll += pageRows;
            case "home" -> scroll = 0;
            case "end" -> scroll = Integer.MAX_VALUE / 2;
            default -> {
                if (k.length() == 1 && k.charAt(0) >= '0' && k.charAt(0) <= '9') {
                    switchSessions(k.charAt(0) - '0');
                } else {
                    message = "unknown key " + (k.length() == 1 && k.charAt(0) < ' ' ? "^" + (char) (k.charAt(0) + 64) : k)
                            + ": ? lists the keys, q quits";
                }
            }
        }
        return true;
    }

    private void switchSessions(long to) {
        String why = sessions.select(to);
        if (why != null) {
            message = why;
            return;
        }
        session = to;
        restart();
        message = to == SessionSwitch.SYSTEM ? "system pools" : to == SessionSwitch.ALL_SESSIONS ? "all sessions' pools"
                : "session " + to + "'s pool";
    }

    private boolean typingKey(String k) {
        switch (k) {
            case "enter" -> {
                if (input == Input.SESSION) {
                    String t = typing.toString().trim();
                    input = Input.NONE;
                    if (t.isEmpty()) {
                        switchSessions(SessionSwitch.ALL_SESSIONS);
                    } else if (t.matches("\\d{1,9}")) {
                        switchSessions(Long.parseLong(t));
                    } else {
                        message = "a session is a number (got '" + TerminalText.escape(t) + "')";
                    }
                    return true;
                }
                setSearch(typing.toString());
                input = Input.NONE;
            }
            case "esc" -> {
                if (input == Input.SEARCH) {
                    setSearch("");
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
            setSearch(typing.toString()); // the search box filters as you type
        }
        scroll = 0;
        return true;
    }

    /** A search: text matched in tags, names and owners, or a tag pattern when it has {@code *} or {@code ?}. */
    private void setSearch(String s) {
        search = s;
        searchPattern = null;
        String t = s.trim();
        if (t.indexOf('*') >= 0 || t.indexOf('?') >= 0) {
            try {
                searchPattern = new RowFilter(List.of(t.split("[ ,]+")), List.of());
            } catch (TagFormatException e) {
                message = e.getMessage();
            }
        }
    }

    /** Lines of the screen for a terminal of {@code width} x {@code height}; the first line is the title. */
    public Screen render(int width, int height) {
        if (help) {
            return helpScreen(width, height);
        }
        List<String> lines = new ArrayList<>(height);
        lines.add(title());
        lines.add(secondLine());
        List<SnapshotDelta.Row> rows = rows();
        lines.add(statusLine(rows));
        List<SnapshotDelta.Row> sums = totals ? TopTable.sums(rows) : List.of();
        int tableRows = Math.max(0, height - lines.size() - 2 - sums.size());
        int maxScroll = Math.max(0, rows.size() - tableRows);
        scroll = Math.min(scroll, maxScroll);
        List<SnapshotDelta.Row> visible = rows.subList(Math.min(scroll, rows.size()), Math.min(rows.size(), scroll + tableRows));
        List<String> table = TopTable.lines(columns, previous != null, visible, sums, width);
        Set<Integer> marked = new HashSet<>();
        int first = lines.size() + 1;
        if (highlight && previous != null) {
            for (int i = 0; i < visible.size(); i++) {
                SnapshotDelta.Row r = visible.get(i);
                if (r.allocsChange() != 0 || r.freesChange() != 0 || r.bytesChange() != 0) {
                    marked.add(first + i);
                }
            }
        }
        lines.addAll(table.subList(0, 1 + visible.size()));
        while (lines.size() < height - 1 - sums.size()) {
            lines.add("");
        }
        lines.addAll(table.subList(1 + visible.size(), table.size()));
        lines.add(footer());
        List<String> cut = new ArrayList<>(lines.size());
        for (String l : lines.subList(0, Math.min(lines.size(), height))) {
            cut.add(l.length() > width ? l.substring(0, width) : l);
        }
        return new Screen(cut, 3, input != Input.NONE, Set.copyOf(marked));
    }

    /**
     * The screen's table as plain lines for {@code top --once}: the title, the totals and owners line, the sort line,
     * the header and every row (no height limit, cells never cut).
     */
    public List<String> plain() {
        List<String> lines = new ArrayList<>();
        lines.add(title());
        lines.add(secondLine());
        List<SnapshotDelta.Row> rows = rows();
        lines.add(statusLine(rows));
        lines.addAll(TopTable.lines(columns, previous != null, rows, totals ? TopTable.sums(rows) : List.of(), Integer.MAX_VALUE));
        return lines;
    }

    private String title() {
        return "pooltags top  " + (current == null ? "waiting for the first sample"
                : TerminalText.escape(current.source() + (current.host().isEmpty() ? "" : " on " + current.host())) + "  "
                        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(current.time()))
                + (paused ? "  [paused]" : "") + (sourceNote.isEmpty() ? "" : "  [" + sourceNote + "]");
    }

    private String secondLine() {
        String t = totalsLine();
        if (ownerNote.isEmpty()) {
            return t;
        }
        return t.isEmpty() ? ownerNote : t + "   " + ownerNote;
    }

    private String statusLine(List<SnapshotDelta.Row> rows) {
        String pattern = startPattern.isEmpty() ? "" : "   pattern " + startPattern;
        String sessionText = session == SessionSwitch.SYSTEM ? "" : session == SessionSwitch.ALL_SESSIONS ? " sessions"
                : " session " + session;
        return "sort " + (byVerdict ? "verdict, then " : "") + order.id() + (byChange && order != RowOrder.TAG ? " change" : "")
                + "   pool " + pools.name().toLowerCase(Locale.ROOT) + sessionText + pattern
                + "   search " + (search.isEmpty() ? "-" : search)
                + "   rows " + rows.size() + (current == null ? "" : "/" + current.rows().size());
    }

    private String footer() {
        if (input == Input.SEARCH) {
            return "search (tag, name, owner or Ntf*; Enter keeps, Esc clears): " + typing;
        }
        if (input == Input.SESSION) {
            return "session id (Enter alone: all sessions; Esc: back): " + typing;
        }
        if (!message.isEmpty()) {
            return message;
        }
        return FOOTER;
    }

    /** The key line at the bottom: fits 80 columns. */
    static final String FOOTER = "? help  q quit  t a f d b m v sort  ( change  p pool  e totals  / search";

    private Screen helpScreen(int width, int height) {
        List<String> lines = new ArrayList<>(height);
        lines.add("pooltags top: help (Esc closes it)");
        lines.addAll(HELP);
        while (lines.size() < height - 1) {
            lines.add("");
        }
        List<String> cut = new ArrayList<>();
        for (String l : lines.subList(0, Math.min(lines.size(), height - 1))) {
            cut.add(l.length() > width ? l.substring(0, width) : l);
        }
        cut.add("Esc, ? or h: back to the table   q: quit");
        return new Screen(cut, -1, false, Set.of());
    }

    /** The lines of a screen; {@code headerLine} is drawn highlighted; {@code typing} puts the cursor on the last line;
     * {@code changed} are the line numbers of rows that changed since the last sample (PoolMon highlights them). */
    public record Screen(List<String> lines, int headerLine, boolean typing, Set<Integer> changed) {}

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
}
