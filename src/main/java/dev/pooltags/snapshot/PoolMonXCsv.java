package dev.pooltags.snapshot;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.pooltags.output.Csv;
import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The CSV that PoolMonX (zodiacon's PoolMon replacement) saves: one snapshot, one row per tag and pool type.
 *
 * <pre>Tag,PoolType,Allocs,Frees,Diff,Bytes,KB,PerAlloc,SourceName,SourceDescription
 * PdcC,Paged,900,853,47,3760,4 KB,80,pdc.sys,PDC_CLIENT_PORT_TAG</pre>
 *
 * {@code PoolType} is {@code Paged} or {@code Non Paged}; {@code KB} is Bytes / 1024 rounded half up with the
 * unit; the last two columns are the owner from PoolMonX's tag list. PoolMonX prints the tag as a C string, so a
 * tag whose fourth byte is NUL appears with three characters ({@code TPM}): this reader restores the NUL bytes,
 * and the writer drops trailing NUL bytes the same way. Other unprintable bytes are written {@code \xHH}.
 *
 * <p>Diff, KB and PerAlloc are derived and checked on reading (a mismatch means a damaged file). The owner
 * columns are not part of the model; the writer fills them from a tag database when given one. No time or host:
 * the file's modification time is used.
 */
public final class PoolMonXCsv {
    static final String[] HEADER = {"Tag", "PoolType", "Allocs", "Frees", "Diff", "Bytes", "KB", "PerAlloc", "SourceName",
        "SourceDescription"};

    private PoolMonXCsv() {}

    /** True when the first line is PoolMonX's header. */
    public static boolean looksLike(String firstLine) {
        return firstLine.replace("\uFEFF", "").startsWith("Tag,PoolType,Allocs,Frees,Diff,Bytes");
    }

    public static List<Snapshot> read(String name, String text, Instant time) {
        List<TagCounters> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
                .detectBomHeader(false).ofCsvRecord(text.replace("\uFEFF", ""))) {
            boolean header = true;
            for (CsvRecord r : csv) {
                long line = r.getStartingLineNumber();
                if (header) {
                    if (!looksLike(String.join(",", r.getFields()))) {
                        throw new InputException(name, line, "not a PoolMonX CSV: the header must start Tag,PoolType,Allocs,Frees,Diff,Bytes");
                    }
                    header = false;
                    continue;
                }
                if (r.getFieldCount() == 1 && r.getField(0).isEmpty()) {
                    continue;
                }
                if (r.getFieldCount() < 8) {
                    throw new InputException(name, line, "expected at least 8 fields (Tag..PerAlloc), found " + r.getFieldCount());
                }
                PoolTag tag = tag(name, line, r.getField(0));
                PoolType type = switch (r.getField(1).trim()) {
                    case "Paged" -> PoolType.PAGED;
                    case "Non Paged", "NonPaged", "Nonp" -> PoolType.NONPAGED;
                    default -> throw new InputException(name, line, "PoolType '" + r.getField(1) + "' is neither Paged nor Non Paged");
                };
                long allocs = number(name, line, r, 2, "Allocs");
                long frees = number(name, line, r, 3, "Frees");
                long diff = signed(name, line, r, 4, "Diff");
                long bytes = number(name, line, r, 5, "Bytes");
                TagCounters row = TagCounters.of(tag, type, allocs, frees, bytes);
                if (diff != row.outstanding() && diff != (int) row.outstanding()) {
                    throw new InputException(name, line, "Diff " + diff + " is not Allocs - Frees (" + allocs + " - " + frees + ")");
                }
                rows.add(row);
            }
            if (header) {
                throw new InputException(name, 0, "empty file: expected PoolMonX's header line");
            }
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new InputException(name, 0, "not valid CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(new Snapshot(time, "", name, rows));
    }

    private static PoolTag tag(String name, long line, String cell) {
        String text = cell;
        String suffix = "";
        if (text.endsWith(PoolTag.PROTECTED_SUFFIX)) {
            suffix = PoolTag.PROTECTED_SUFFIX;
            text = text.substring(0, text.length() - suffix.length());
        }
        int units = 0;
        for (int i = 0; i < text.length(); i++, units++) {
            if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                i += text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X' ? 3 : 1;
            }
        }
        StringBuilder sb = new StringBuilder(text);
        for (int i = units; i < 4; i++) {
            sb.append("\\x00"); // a C string ends at the first NUL: the missing bytes were NUL
        }
        try {
            return PoolTag.ofMemoryText(sb + suffix);
        } catch (TagFormatException e) {
            throw new InputException(name, line, e.getMessage());
        }
    }

    private static long number(String name, long line, CsvRecord r, int i, String column) {
        long v = signed(name, line, r, i, column);
        if (v < 0) {
            throw new InputException(name, line, column + " '" + r.getField(i) + "' must not be negative");
        }
        return v;
    }

    private static long signed(String name, long line, CsvRecord r, int i, String column) {
        try {
            return Long.parseLong(r.getField(i).trim());
        } catch (NumberFormatException e) {
            throw new InputException(name, line, column + " '" + r.getField(i) + "' is not a whole number");
        }
    }

    /** The tag as PoolMonX prints it: memory order, trailing NUL bytes dropped. */
    static String tagText(PoolTag tag) {
        String s = tag.memoryText();
        while (s.endsWith("\\x00")) {
            s = s.substring(0, s.length() - 4);
        }
        return tag.isProtected() ? s + PoolTag.PROTECTED_SUFFIX : s;
    }

    /**
     * Writes one snapshot; {@code owner} gives the SourceName and SourceDescription of a tag (null or a null
     * element: empty).
     */
    public static void write(PrintWriter out, Snapshot s, Function<PoolTag, String[]> owner) {
        CsvWriter w = Csv.writer(out);
        w.writeRecord(HEADER);
        for (TagCounters r : s.rows()) {
            if (r.tag() == null) {
                throw new IllegalArgumentException("PoolMonX's CSV holds pool tags; '" + r.name()
                        + "' is a named row (write json, csv or rec for Linux slab caches)");
            }
            String[] o = owner == null ? null : owner.apply(r.tag());
            w.writeRecord(tagText(r.tag()), r.type() == PoolType.PAGED ? "Paged" : "Non Paged", Long.toString(r.allocs()),
                    Long.toString(r.frees()), Long.toString(r.outstanding()), Long.toString(r.bytes()),
                    (r.bytes() + 512) / 1024 + " KB", Long.toString(r.perAlloc()),
                    o == null || o[0] == null ? "" : o[0], o == null || o[1] == null ? "" : o[1]);
        }
        try {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
