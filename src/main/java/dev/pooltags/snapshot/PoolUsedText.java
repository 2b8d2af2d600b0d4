package dev.pooltags.snapshot;

import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagFormatException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private static final Pattern PROMPT = Pattern.compile("^\\s*(\\d+:\\s*)?kd>.*$");
    private static final Pattern DOTS = Pattern.compile("^\\s*\\.+\\s*$");

    private PoolUsedText() {}

    /** True when the text has {@code !poolused}'s column header. */
    public static boolean looksLike(String text) {
        return PoolMonText.hasLine(text, HEADER);
    }

    /** Every {@code !poolused} output in the text, as outstanding-only snapshots. */
    public static List<Snapshot> read(String name, String text, Instant firstTime) {
        List<Snapshot> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean pagedFirst = false;
        List<TagCounters> rows = null;
        int usedEnd = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int lineNo = i + 1;
            Matcher pools = POOLS.matcher(line);
            if (pools.matches()) {
                pagedFirst = pools.group(1).equals("Paged");
                continue;
            }
            if (HEADER.matcher(line).matches()) {
                if (rows != null) {
                    out.add(new Snapshot(firstTime.plusSeconds(out.size()), "", name, rows));
                }
                rows = new ArrayList<>();
                usedEnd = line.stripTrailing().length();
                continue;
            }
            if (rows == null) {
                continue;
            }
            String t = line.trim();
            if (t.isEmpty() || DOTS.matcher(line).matches() || t.startsWith("Sorting by") || t.startsWith("TOTAL")) {
                continue;
            }
            if (PROMPT.matcher(line).matches()) {
                out.add(new Snapshot(firstTime.plusSeconds(out.size()), "", name, rows));
                rows = null;
                continue;
            }
            rows.addAll(row(name, lineNo, line, usedEnd, pagedFirst));
        }
        if (rows != null) {
            out.add(new Snapshot(firstTime.plusSeconds(out.size()), "", name, rows));
        }
        if (out.isEmpty()) {
            throw new InputException(name, 0, "no !poolused table found (expected a header line 'Tag Allocs Used Allocs Used')");
        }
        return out;
    }

    private static List<TagCounters> row(String name, int lineNo, String line, int usedEnd, boolean pagedFirst) {
        int tab = line.indexOf('\t');
        String body = tab >= 0 ? line.substring(0, tab) : line;
        String tagText;
        long[] n = new long[4];
        String[] tokens = body.trim().split("\\s+");
        if (tokens.length >= 5 && allNumbers(tokens, tokens.length - 4)) {
            // current layout (or no description): the last four tokens are the numbers, the tag is what precedes them
            for (int k = 0; k < 4; k++) {
                n[k] = number(name, lineNo, tokens[tokens.length - 4 + k]);
            }
            int cut = body.length();
            for (int k = 0; k < 4; k++) {
                cut = body.lastIndexOf(tokens[tokens.length - 1 - k], cut - 1);
            }
            tagText = body.substring(0, cut).strip();
        } else {
            Matcher m = GLUED.matcher(body);
            if (!m.matches()) {
                throw new InputException(name, lineNo, "not a !poolused row (expected Tag Allocs Used Allocs Used [description]): '"
                        + line.strip() + "'");
            }
            tagText = m.group(2).strip();
            for (int k = 0; k < 3; k++) {
                n[k] = number(name, lineNo, m.group(3 + k));
            }
            String last = m.group(6);
            int start = m.start(6);
            if (usedEnd > start && m.end(6) > usedEnd) {
                last = body.substring(start, usedEnd); // old layout: a description starting with digits is glued on
            }
            n[3] = number(name, lineNo, last);
        }
        PoolTag tag;
        try {
            tag = PoolTag.parse(tagText);
        } catch (TagFormatException e) {
            throw new InputException(name, lineNo, e.getMessage());
        }
        List<TagCounters> out = new ArrayList<>(2);
        int np = pagedFirst ? 2 : 0;
        int pg = pagedFirst ? 0 : 2;
        if (n[np] != 0 || n[np + 1] != 0) {
            out.add(TagCounters.of(tag, PoolType.NONPAGED, n[np], 0, n[np + 1]));
        }
        if (n[pg] != 0 || n[pg + 1] != 0) {
            out.add(TagCounters.of(tag, PoolType.PAGED, n[pg], 0, n[pg + 1]));
        }
        return out;
    }

    private static boolean allNumbers(String[] tokens, int from) {
        for (int i = from; i < tokens.length; i++) {
            if (!NUMBER.matcher(tokens[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    private static long number(String name, int lineNo, String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new InputException(name, lineNo, "'" + digits + "' is not a count");
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
