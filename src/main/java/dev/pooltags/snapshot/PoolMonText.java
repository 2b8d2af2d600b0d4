package dev.pooltags.snapshot;

import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagFormatException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PoolMon's screen, as copied from a console or written by {@code poolmon /n} (the snapshot log): the two
 * header lines of totals ({@code Memory: ... Pool N: ... P: ...}), a title ({@code System pool information}),
 * the column header and one row per tag and pool type:
 *
 * <pre> Tag  Type     Allocs            Frees            Diff   Bytes       Per Alloc
 * Wait Nonp    3971107 (   0)   3971077 (   0)       30    8456 (     0)    281</pre>
 *
 * <p>Read leniently, as real copies differ: the change columns {@code ( n)} are optional, may be glued to the
 * number ({@code 169392( 0)}) and negative ({@code ( -184)}); header fields may be glued ({@code Commit:1535208K});
 * columns may be separated by tabs; a Mapped_Driver column ({@code [ntfs.sys - AttrSup.c]}, {@code Unknown Driver})
 * may follow and is ignored. A tag shorter than four characters is padded with spaces, as PoolMon pads it;
 * {@code Dh 1} keeps its inner space. One file may hold several screens: each becomes a snapshot.
 *
 * <p>What the format does not carry: the time and the host. The reader uses the file's modification time for the
 * first screen and one second more for each further screen (PoolMon's refresh interval), and an empty host.
 * Totals are in KiB.
 */
public final class PoolMonText {
    private static final Pattern HEADER = Pattern.compile("^\\s*#*\\s*Tag\\s+Type\\s+Allocs\\s+Frees\\s+Diff\\s+Bytes\\s+Per\\s*Alloc.*$");
    private static final String CHANGE = "\\s*(?:\\(\\s*(-?\\d+)\\s*\\))?";
    private static final Pattern ROW = Pattern.compile("^\\s*(.+?)\\s+(Paged|Nonp|NonP|Non Paged|NonPaged)\\s+(\\d+)" + CHANGE
            + "\\s+(\\d+)" + CHANGE + "\\s+(-?\\d+)\\s+(\\d+)" + CHANGE + "\\s+(\\d+)(.*)$");
    private static final Pattern FIELD = Pattern.compile("(Memory|Avail|PageFlts|InRam Krnl|Commit|Limit|Peak|Pool N|P)\\s*:\\s*(\\d+)\\s*K?");
    private static final Pattern TITLE = Pattern.compile("^\\s*(System|All sessions|Session \\d+) pool information\\s*$");
    private static final Pattern SKIP = Pattern.compile("^\\s*(\\.+|…)\\s*$");

    private PoolMonText() {}

    /** True when the text looks like PoolMon output: a line with PoolMon's column header. */
    public static boolean looksLike(String text) {
        return hasLine(text, HEADER);
    }

    /** True when one of the first 200 lines matches (a header tells a tool's output from prose). */
    static boolean hasLine(String text, Pattern p) {
        for (String line : text.split("\n", 200)) {
            if (p.matcher(line.replace("\r", "")).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Every screen in the text; {@code firstTime} is the time of the first one. */
    public static List<Snapshot> read(String name, String text, Instant firstTime) {
        List<Snapshot> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        Map<String, Long> totals = new LinkedHashMap<>();
        List<TagCounters> rows = null;
        boolean tableEnded = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int lineNo = i + 1;
            String t = line.trim();
            if (t.startsWith("Memory:") || t.startsWith("Commit:")) {
                if (rows != null) {
                    out.add(snapshot(name, firstTime, out.size(), rows, totals));
                    rows = null;
                    totals = new LinkedHashMap<>();
                }
                headerFields(t, totals);
                continue;
            }
            if (TITLE.matcher(line).matches()) {
                if (rows != null) { // a screen without totals lines starts at its title
                    out.add(snapshot(name, firstTime, out.size(), rows, totals));
                    rows = null;
                    totals = new LinkedHashMap<>();
                }
                continue;
            }
            if (HEADER.matcher(line).matches()) {
                if (rows != null) {
                    out.add(snapshot(name, firstTime, out.size(), rows, totals));
                    totals = new LinkedHashMap<>();
                }
                rows = new ArrayList<>();
                tableEnded = false;
                continue;
            }
            if (rows == null || tableEnded) {
                continue; // before the first table, or after a table's end: prompts, commands, prose
            }
            if (t.isEmpty()) {
                tableEnded = !rows.isEmpty(); // PoolMon's rows are contiguous; a blank line after them ends the table
                continue;
            }
            if (SKIP.matcher(line).matches()) {
                continue;
            }
            rows.addAll(row(name, lineNo, line));
        }
        if (rows != null) {
            out.add(snapshot(name, firstTime, out.size(), rows, totals));
        }
        if (out.isEmpty()) {
            throw new InputException(name, 0, "no PoolMon table found (expected a header line 'Tag Type Allocs Frees Diff Bytes Per Alloc')");
        }
        return out;
    }

    private static Snapshot snapshot(String name, Instant first, int index, List<TagCounters> rows, Map<String, Long> totals) {
        return new Snapshot(first.plusSeconds(index), "", name, rows, totals);
    }

    private static void headerFields(String line, Map<String, Long> totals) {
        boolean commitLine = line.startsWith("Commit:");
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            long v = Long.parseLong(m.group(2));
            String key = switch (m.group(1)) {
                case "Memory" -> "memory.total";
                case "Avail" -> "memory.available";
                case "PageFlts" -> "pagefaults";
                case "InRam Krnl" -> "kernel.nonpaged.inram";
                case "Commit" -> "commit";
                case "Limit" -> "commit.limit";
                case "Peak" -> "commit.peak";
                case "Pool N" -> "pool.nonpaged";
                default -> commitLine ? "pool.paged" : "kernel.paged.inram";
            };
            totals.put(key, key.equals("pagefaults") ? v : v * 1024);
        }
    }

    private static List<TagCounters> row(String name, int lineNo, String line) {
        Matcher m = ROW.matcher(line);
        if (!m.matches()) {
            throw new InputException(name, lineNo, "not a PoolMon row (expected Tag Type Allocs ( ) Frees ( ) Diff Bytes ( ) Per Alloc): '"
                    + line.strip() + "'");
        }
        PoolTag tag;
        try {
            tag = PoolTag.parse(m.group(1).strip());
        } catch (TagFormatException e) {
            throw new InputException(name, lineNo, e.getMessage());
        }
        PoolType type = m.group(2).equals("Paged") ? PoolType.PAGED : PoolType.NONPAGED;
        long allocs = number(name, lineNo, m.group(3));
        long frees = number(name, lineNo, m.group(5));
        long diff = Long.parseLong(m.group(7));
        long bytes = number(name, lineNo, m.group(8));
        TagCounters r = TagCounters.of(tag, type, allocs, frees, bytes);
        if (diff != r.outstanding() && diff != (int) r.outstanding()) {
            throw new InputException(name, lineNo, "Diff " + diff + " is not Allocs - Frees (" + allocs + " - " + frees
                    + "): columns out of place?");
        }
        return List.of(r);
    }

    private static long number(String name, int lineNo, String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new InputException(name, lineNo, "number '" + digits + "' is too large");
        }
    }

    /**
     * Writes each snapshot as a PoolMon screen (with the totals lines when the snapshot has PoolMon's totals). The
     * change columns hold the change from the previous snapshot of the list (0 for the first).
     */
    public static void write(PrintWriter out, List<Snapshot> series) {
        Snapshot prev = null;
        boolean first = true;
        for (Snapshot s : series) {
            if (!first) {
                out.print("\n");
            }
            first = false;
            Map<String, Long> t = s.totals();
            if (t.containsKey("memory.total")) {
                out.printf(" Memory:%8dK Avail:%8dK  PageFlts:%6d   InRam Krnl:%5dK P:%5dK\n", k(t, "memory.total"),
                        k(t, "memory.available"), t.getOrDefault("pagefaults", 0L), k(t, "kernel.nonpaged.inram"),
                        k(t, "kernel.paged.inram"));
            }
            if (t.containsKey("commit")) {
                out.printf(" Commit:%8dK Limit:%8dK Peak:%8dK            Pool N:%6dK P:%6dK\n", k(t, "commit"),
                        k(t, "commit.limit"), k(t, "commit.peak"), k(t, "pool.nonpaged"), k(t, "pool.paged"));
            }
            out.print(" System pool information\n");
            out.print(" Tag  Type     Allocs            Frees            Diff   Bytes       Per Alloc\n\n");
            Map<TagCounters.RowKey, TagCounters> before = prev == null ? Map.of() : prev.byKey();
            for (TagCounters r : s.rows()) {
                if (r.tag() == null) {
                    throw new IllegalArgumentException("PoolMon's format holds pool tags; '" + r.name()
                            + "' is a named row (write json, csv or rec for Linux slab caches)");
                }
                TagCounters b = before.get(r.key());
                long da = b == null ? 0 : SnapshotDelta.counterChange(b.allocs(), r.allocs());
                long df = b == null ? 0 : SnapshotDelta.counterChange(b.frees(), r.frees());
                long db = b == null ? 0 : r.bytes() - b.bytes();
                out.printf(" %-4s %-5s %10d (%4d) %9d (%4d) %8d %7d (%6d) %6d\n", tagText(r.tag()), r.type().poolmonName(),
                        r.allocs(), da, r.frees(), df, r.outstanding(), r.bytes(), db, r.perAlloc());
            }
            prev = s;
        }
        out.flush();
    }

    /** The tag as a table column: memory-order text, a leading space escaped so it survives column splitting. */
    static String tagText(PoolTag tag) {
        String s = tag.toString();
        return s.startsWith(" ") ? "\\x20" + s.substring(1) : s;
    }

    private static long k(Map<String, Long> t, String key) {
        return t.getOrDefault(key, 0L) / 1024;
    }
}
