package dev.pooltags.snapshot;

import dev.pooltags.source.DebuggerNoise;
import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagFormatException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WinDbg's {@code !poolused} output, both layouts:
 *
 * <ul>
 *   <li>current: {@code  amda   5768754   1938325232         32         9360<TAB>UNKNOWN pooltag 'amda', ...}, the
 *       description after a TAB;</li>
 *   <li>old: {@code  8042        4     3944         0        0PS/2 kb and mouse , Binary: i8042prt.sys}, the
 *       description glued to the last number in fixed columns. When the description starts with a digit
 *       ({@code 0        01394 OHCI}) the number is cut where the header's last {@code Used} ends.</li>
 * </ul>
 *
 * The columns are Tag, then Allocs and Used for NonPaged and for Paged pool (in the order the line above the
 * header names them). Prompts, the {@code Sorting by ...} line, progress dots and the {@code TOTAL} line are
 * skipped. Several outputs in one file become several snapshots.
 *
 * <p>What the format carries: {@code Allocs} is the number of allocations outstanding and {@code Used} the
 * bytes. There are no allocation or free counters, so a row reads as allocs = outstanding, frees = 0;
 * {@link SnapshotInputs} turns a series of such snapshots into monotonic counters ({@link CounterSynthesis}).
 * A pool type with zero allocations and zero bytes has no row. No time or host: the file's modification time is
 * used (one second more for each further output in the file).
 */
public final class PoolUsedText {
    private static final Pattern HEADER = Pattern.compile("^\\s*Tag\\s+Allocs\\s+Used\\s+Allocs\\s+Used\\s*$");
    private static final Pattern POOLS = Pattern.compile("^\\s*(NonPaged|Paged)\\s+(NonPaged|Paged)\\s*$");
    private static final Pattern GLUED = Pattern.compile("^(\\s*)(\\S.{3})\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)(.*)$");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern PROMPT = Pattern.compile("^\\s*(\\d+:\\s*)?l?kd(:[\\w]+)?>(.*)$");
    private static final Pattern POOLUSED_COMMAND = Pattern.compile("^\\s*!(?:kdexts\\.)?poolused\\b\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAB_ROW = Pattern.compile("^\\s*\\S.{0,3}\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\t.*$");
    private static final Pattern DOTS = Pattern.compile("^\\s*\\.+\\s*$");
    private static final Pattern UNKNOWN_TAG = Pattern.compile("^UNKNOWN pooltag '.{1,4}', please update pooltag\\.txt\\s*$");
    /** Bit 3 of {@code !poolused}'s flags: the session pool instead of the standard pool. */
    public static final int SESSION_FLAG = 0x8;

    private PoolUsedText() {}

    /**
     * One row of a {@code !poolused} table, with the line it was read from.
     *
     * @param line           the line number (1-based) in the file
     * @param tag            the tag
     * @param nonpagedAllocs outstanding nonpaged allocations
     * @param nonpagedBytes  nonpaged bytes
     * @param pagedAllocs    outstanding paged allocations
     * @param pagedBytes     paged bytes
     * @param description    what the debugger's pooltag.txt says (after the numbers), empty when nothing
     */
    public record Row(long line, PoolTag tag, long nonpagedAllocs, long nonpagedBytes, long pagedAllocs, long pagedBytes,
            String description) {
        /** Bytes in both pools. */
        public long bytes() {
            return nonpagedBytes + pagedBytes;
        }

        /** Allocations in both pools. */
        public long allocs() {
            return nonpagedAllocs + pagedAllocs;
        }

        /** True when the debugger said it has no entry for the tag ({@code UNKNOWN pooltag '...'}). */
        public boolean unknownToDebugger() {
            return UNKNOWN_TAG.matcher(description).matches();
        }

        /** The binary the description names ({@code , Binary: i8042prt.sys}), empty when none. */
        public String binary() {
            int b = description.lastIndexOf("Binary:");
            return b < 0 ? "" : description.substring(b + "Binary:".length()).strip();
        }

        /** The description without the binary part and without the debugger's "unknown" sentence. */
        public String owner() {
            if (unknownToDebugger()) {
                return "";
            }
            int b = description.lastIndexOf(", Binary:");
            if (b < 0) {
                b = description.lastIndexOf("Binary:");
            }
            return (b < 0 ? description : description.substring(0, b)).strip();
        }

        /** The rows a snapshot holds for this line: one per pool with allocations or bytes. */
        public List<TagCounters> counters() {
            List<TagCounters> out = new ArrayList<>(2);
            if (nonpagedAllocs != 0 || nonpagedBytes != 0) {
                out.add(TagCounters.of(tag, PoolType.NONPAGED, nonpagedAllocs, 0, nonpagedBytes));
            }
            if (pagedAllocs != 0 || pagedBytes != 0) {
                out.add(TagCounters.of(tag, PoolType.PAGED, pagedAllocs, 0, pagedBytes));
            }
            return out;
        }
    }

    /**
     * One {@code !poolused} table.
     *
     * @param headerLine  the line of the column header
     * @param command     the command line that produced it ({@code !poolused 2}), empty when the text has no prompt
     * @param sortedBy    the {@code Sorting by ...} text, empty when not shown
     * @param session     true for session pool ({@code !poolused} with flag 0x8)
     * @param rows        the rows in the order listed
     * @param time        the {@code Debug session time:} printed before it, when the text has one
     * @param cut         true when the listing ended early: interrupted, or shortened with {@code ...}
     */
    public record Table(long headerLine, String command, String sortedBy, boolean session, List<Row> rows, Optional<Instant> time,
            boolean cut) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    /** A line of a table that is not a row: skipped, with the reason. */
    public record Problem(long line, String message) {}

    /** True when the text has {@code !poolused}'s column header. */
    public static boolean looksLike(String text) {
        return PoolMonText.hasLine(text, HEADER);
    }

    /** True when the line is a row of the current layout: a tag, four counts, a TAB and a description. */
    public static boolean isTabRow(String line) {
        return TAB_ROW.matcher(line).matches();
    }

    /** True when the line is {@code !poolused}'s column header. */
    public static boolean isHeader(String line) {
        return HEADER.matcher(line).matches();
    }

    /**
     * Every {@code !poolused} output in the text, as outstanding-only snapshots. A table is dated by the
     * {@code Debug session time:} printed before it when there is one, else by {@code firstTime} plus one second per
     * table. Session-pool tables ({@code !poolused 8}) are left out when the text also has standard-pool tables: the
     * session pool is a separate pool, and a series mixing the two would read as leaks and frees that never happened.
     *
     * @throws InputException at the first line inside a table that is not a row, or when there is no table
     */
    public static List<Snapshot> read(String name, String text, Instant firstTime) {
        String[] split = text.split("\n", -1);
        List<String> lines = new ArrayList<>(split.length);
        for (String l : split) {
            lines.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        }
        List<Table> tables = readTables(lines, 1, p -> {
            throw new InputException(name, p.line(), p.message());
        });
        if (tables.isEmpty()) {
            throw new InputException(name, 0, "no !poolused table found (expected a header line 'Tag Allocs Used Allocs Used')");
        }
        return snapshots(name, tables, firstTime);
    }

    /** The tables as snapshots, dated as {@link #read} says. */
    public static List<Snapshot> snapshots(String name, List<Table> tables, Instant firstTime) {
        boolean standard = tables.stream().anyMatch(t -> !t.session());
        List<Snapshot> out = new ArrayList<>();
        for (Table t : tables) {
            if (t.session() && standard) {
                continue;
            }
            List<TagCounters> rows = new ArrayList<>();
            for (Row r : t.rows()) {
                rows.addAll(r.counters());
            }
            Instant when = t.time().orElse(firstTime.plusSeconds(out.size()));
            out.add(new Snapshot(when, "", t.session() ? name + " (session pool)" : name, rows));
        }
        return out;
    }

    /**
     * Reads every table in the lines. {@code firstLine} is the number of {@code lines.get(0)} in the file. A table
     * starts at its column header and ends at the next prompt, an interruption ({@code ^C}) or the end; the
     * {@code Sorting by}, pool-name, progress-dot and {@code TOTAL} lines are read as such, {@code ...} marks a cut.
     * Every other line inside a table goes to {@code problems} and is skipped.
     */
    public static List<Table> readTables(List<String> lines, long firstLine, Consumer<Problem> problems) {
        return readTables(lines, firstLine, false, problems);
    }

    /**
     * As {@link #readTables(List, long, Consumer)}; with {@code headerless} the lines are rows pasted without their
     * header (current layout, nonpaged columns first), read as a table from the first line.
     */
    public static List<Table> readTables(List<String> lines, long firstLine, boolean headerless, Consumer<Problem> problems) {
        List<Table> out = new ArrayList<>();
        boolean pagedFirst = false;
        List<Row> rows = headerless ? new ArrayList<>() : null;
        int usedEnd = -1;
        long headerLine = headerless ? firstLine : 0;
        String command = "";
        String sortedBy = "";
        String tableCommand = "";
        String tableSorted = "";
        boolean cut = false;
        Optional<Instant> time = Optional.empty();
        Optional<Instant> tableTime = Optional.empty();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            long lineNo = firstLine + i;
            Optional<Instant> t0 = DebugSessionTime.parse(line);
            if (t0.isPresent()) {
                time = t0;
                continue;
            }
            Matcher prompt = line.indexOf('>') >= 0 ? PROMPT.matcher(line) : null;
            if (prompt != null && prompt.matches()) {
                if (rows != null) {
                    out.add(table(headerLine, tableCommand, tableSorted, rows, tableTime, cut));
                    rows = null;
                }
                command = prompt.group(3).strip();
                sortedBy = "";
                continue;
            }
            Matcher pools = line.indexOf("aged") >= 0 ? POOLS.matcher(line) : null;
            if (pools != null && pools.matches()) {
                pagedFirst = pools.group(1).equals("Paged");
                continue;
            }
            String t = line.strip();
            if (t.startsWith("Sorting by")) {
                sortedBy = t.substring("Sorting by".length()).strip().replaceAll("\\s+", " ");
                continue;
            }
            if (line.indexOf("Allocs") >= 0 && HEADER.matcher(line).matches()) {
                if (rows != null) {
                    out.add(table(headerLine, tableCommand, tableSorted, rows, tableTime, cut));
                }
                rows = new ArrayList<>();
                usedEnd = line.stripTrailing().length();
                headerLine = lineNo;
                tableCommand = command;
                tableSorted = sortedBy;
                tableTime = time;
                cut = false;
                continue;
            }
            if (rows == null) {
                continue;
            }
            if (t.isEmpty() || t.equals("Pool Used:") || t.startsWith("TOTAL")) {
                continue;
            }
            if (t.charAt(0) == '.' && DOTS.matcher(line).matches()) {
                cut |= t.length() <= 6 && !rows.isEmpty(); // "..." between rows: a shortened listing; long runs are progress
                continue;
            }
            if ((t.charAt(0) == '^' || t.indexOf("reak") >= 0 || t.indexOf("nterrupt") >= 0) && DebuggerNoise.isInterrupt(line)) {
                cut = true;
                out.add(table(headerLine, tableCommand, tableSorted, rows, tableTime, true));
                rows = null;
                continue;
            }
            addRow(lineNo, line, usedEnd, pagedFirst, rows, problems);
        }
        if (rows != null) {
            out.add(table(headerLine, tableCommand, tableSorted, rows, tableTime, cut));
        }
        return out;
    }

    /** A line inside a table: a row added to {@code rows}, else a problem unless it is the debugger's noise. */
    private static void addRow(long lineNo, String line, int usedEnd, boolean pagedFirst, List<Row> rows,
            Consumer<Problem> problems) {
        String[] why = new String[1];
        Row r = row(lineNo, line, usedEnd, pagedFirst, why);
        if (r == null) {
            if (!DebuggerNoise.isNoise(line)) {
                problems.accept(new Problem(lineNo, why[0]));
            }
        } else {
            rows.add(r);
        }
    }

    private static Table table(long headerLine, String command, String sortedBy, List<Row> rows, Optional<Instant> time, boolean cut) {
        return new Table(headerLine, command, sortedBy, session(command), rows, time, cut);
    }

    /** True when the command is {@code !poolused} with the session flag (0x8) in its first argument. */
    static boolean session(String command) {
        Matcher m = POOLUSED_COMMAND.matcher(command);
        if (!m.matches()) {
            return false;
        }
        String[] args = m.group(1).strip().split("\\s+");
        for (String a : args) {
            if (a.startsWith("/") || a.startsWith("-")) {
                continue; // /t20: a top-N switch
            }
            try {
                long flags = a.startsWith("0n") ? Long.parseLong(a.substring(2)) : Long.decode(a.startsWith("0x") || a.startsWith("0X") ? a : "0x" + a);
                return (flags & SESSION_FLAG) != 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** The row on the line, or null with the reason in {@code why[0]}. */
    private static Row row(long lineNo, String line, int usedEnd, boolean pagedFirst, String[] why) {
        int tab = line.indexOf('\t');
        String body = tab >= 0 ? line.substring(0, tab) : line;
        String tagText;
        String description;
        long[] n = new long[4];
        String[] tokens = body.trim().split("\\s+");
        if (tokens.length >= 5 && allNumbers(tokens, tokens.length - 4)) {
            // current layout (or no description): the last four tokens are the numbers, the tag is what precedes them
            for (int k = 0; k < 4; k++) {
                n[k] = number(tokens[tokens.length - 4 + k]);
            }
            int cut = body.length();
            for (int k = 0; k < 4; k++) {
                cut = body.lastIndexOf(tokens[tokens.length - 1 - k], cut - 1);
            }
            tagText = body.substring(0, cut).strip();
            description = tab >= 0 ? line.substring(tab + 1).strip() : "";
        } else {
            Matcher m = GLUED.matcher(body);
            if (!m.matches()) {
                why[0] = "not a !poolused row (expected Tag Allocs Used Allocs Used [description]): '" + shorten(line.strip()) + "'";
                return null;
            }
            tagText = m.group(2).strip();
            for (int k = 0; k < 3; k++) {
                n[k] = number(m.group(3 + k));
            }
            String last = m.group(6);
            int start = m.start(6);
            int end = m.end(6);
            if (usedEnd > start && end > usedEnd) {
                last = body.substring(start, usedEnd); // old layout: a description starting with digits is glued on
                end = usedEnd;
            }
            n[3] = number(last);
            description = (body.substring(end) + (tab >= 0 ? line.substring(tab) : "")).strip();
        }
        for (long v : n) {
            if (v < 0) {
                why[0] = "a count does not fit 63 bits: '" + shorten(line.strip()) + "'";
                return null;
            }
        }
        PoolTag tag;
        try {
            tag = PoolTag.parse(tagText);
        } catch (TagFormatException e) {
            why[0] = e.getMessage();
            return null;
        }
        int np = pagedFirst ? 2 : 0;
        int pg = pagedFirst ? 0 : 2;
        return new Row(lineNo, tag, n[np], n[np + 1], n[pg], n[pg + 1], description);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private static boolean allNumbers(String[] tokens, int from) {
        for (int i = from; i < tokens.length; i++) {
            if (!NUMBER.matcher(tokens[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The count, or -1 when it does not fit a long. */
    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Writes each snapshot in the current layout, sorted by tag: per tag the outstanding allocations and bytes of
     * nonpaged and paged pool, then a TAB and the description {@code describe} gives (none when it gives null).
     */
    public static void write(PrintWriter out, List<Snapshot> series, Function<PoolTag, String> describe) {
        boolean first = true;
        for (Snapshot s : series) {
            if (!first) {
                out.print("\n");
            }
            first = false;
            out.print(" Sorting by Tag\n\n");
            out.print("               NonPaged                  Paged\n");
            out.print(" Tag     Allocs         Used     Allocs         Used\n\n");
            List<TagCounters> rows = s.rows();
            for (int i = 0; i < rows.size(); ) {
                TagCounters r = rows.get(i);
                if (r.tag() == null) {
                    throw new IllegalArgumentException("!poolused holds pool tags; '" + r.name()
                            + "' is a named row (write json, csv or rec for Linux slab caches)");
                }
                long[] n = new long[4];
                int j = i;
                while (j < rows.size() && r.tag().equals(rows.get(j).tag())) {
                    TagCounters x = rows.get(j);
                    int at = x.type() == PoolType.NONPAGED ? 0 : 2;
                    n[at] = x.outstanding();
                    n[at + 1] = x.bytes();
                    j++;
                }
                i = j;
                String d = describe == null ? null : describe.apply(r.tag());
                out.printf(" %-4s %10d %12d %10d %12d%s\n", PoolMonText.tagText(r.tag()), n[0], n[1], n[2], n[3],
                        d == null ? "" : "\t" + d);
            }
        }
        out.flush();
    }
}
