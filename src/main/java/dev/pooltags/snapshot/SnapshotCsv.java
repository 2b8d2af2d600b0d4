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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pooltags' CSV: a whole series in one long table, for spreadsheets and scripts, and lossless.
 *
 * <pre>time,host,source,kind,key,type,allocs,frees,diff,bytes,per_alloc
 * 2026-11-26T12:00:00Z,HOST,linux,sample,,,,,,,
 * 2026-11-26T12:00:00Z,HOST,linux,total,memory.total,,,,,16384000000,
 * 2026-11-26T12:00:00Z,HOST,linux,name,kmalloc-64,Nonp,5,0,5,320,64
 * 2026-11-26T12:00:00Z,HOST,windows,tag,MyBf,Paged,10,2,8,1024,128</pre>
 *
 * Each snapshot starts with a {@code sample} line; {@code total} lines carry one total each (value in
 * {@code bytes}); {@code tag} and {@code name} lines are rows ({@code key} is the tag's text as
 * {@link PoolTag#toString()} writes it, or the name). {@code diff} and {@code per_alloc} are derived, written
 * for people and ignored on reading. A series with big-pool tables ({@code snapshot --big-pool}) has a twelfth
 * column, {@code address}, and one {@code bigpool} line per allocation:
 * {@code 2026-11-26T12:00:00Z,HOST,windows,bigpool,CM31,Nonp,,,,12288,,0xFFFFA00012340000}.
 */
public final class SnapshotCsv {
    static final String[] HEADER = {"time", "host", "source", "kind", "key", "type", "allocs", "frees", "diff", "bytes",
        "per_alloc"};
    /** The header of a series with big-pool tables: one more column. */
    static final String[] BIG_POOL_HEADER = {"time", "host", "source", "kind", "key", "type", "allocs", "frees", "diff", "bytes",
        "per_alloc", "address"};

    private SnapshotCsv() {}

    public static boolean looksLike(String firstLine) {
        return firstLine.replace("\uFEFF", "").startsWith("time,host,source,kind,key");
    }

    public static void write(PrintWriter out, List<Snapshot> series) {
        write(out, series, null);
    }

    /**
     * Writes the series; with {@code owner} (a tag's binary and description, or null when unknown) every tag line
     * carries its owner in two more columns, {@code owner} and {@code owner_description}, which reading ignores.
     */
    public static void write(PrintWriter out, List<Snapshot> series, java.util.function.Function<PoolTag, String[]> owner) {
        CsvWriter w = Csv.writer(out);
        boolean big = series.stream().anyMatch(s -> !s.bigPool().isEmpty());
        List<String> header = new ArrayList<>(List.of(big ? BIG_POOL_HEADER : HEADER));
        int ownerAt = -1;
        if (owner != null) {
            if (!big) {
                header.add("address"); // the columns keep their places: the owner comes after the address
            }
            ownerAt = header.size();
            header.add("owner");
            header.add("owner_description");
        }
        w.writeRecord(header.toArray(new String[0]));
        String[] f = new String[header.size()];
        for (Snapshot s : series) {
            String t = s.time().toString();
            record(w, f, t, s.host(), s.source(), "sample", "", "", "", "", "", "", "");
            for (Map.Entry<String, Long> e : s.totals().entrySet()) {
                record(w, f, t, s.host(), s.source(), "total", e.getKey(), "", "", "", "", Long.toString(e.getValue()), "");
            }
            for (TagCounters r : s.rows()) {
                String[] o = ownerAt < 0 || r.tag() == null ? null : owner.apply(r.tag());
                if (o == null) {
                    record(w, f, t, s.host(), s.source(), r.tag() != null ? "tag" : "name",
                            r.tag() != null ? r.tag().toString() : r.name(), r.type().poolmonName(), Long.toString(r.allocs()),
                            Long.toString(r.frees()), Long.toString(r.outstanding()), Long.toString(r.bytes()),
                            Long.toString(r.perAlloc()));
                } else {
                    record(w, f, t, s.host(), s.source(), "tag", r.tag().toString(), r.type().poolmonName(),
                            Long.toString(r.allocs()), Long.toString(r.frees()), Long.toString(r.outstanding()),
                            Long.toString(r.bytes()), Long.toString(r.perAlloc()), "", o[0] == null ? "" : o[0],
                            o[1] == null ? "" : o[1]);
                }
            }
            for (BigPoolAllocation a : s.bigPool()) {
                record(w, f, t, s.host(), s.source(), "bigpool", a.tag().toString(), a.type().poolmonName(), "", "", "",
                        Long.toString(a.bytes()), "", a.addressText());
            }
        }
        try {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** Writes one record, padded with empty fields to the header's width. */
    private static void record(CsvWriter w, String[] fields, String... values) {
        java.util.Arrays.fill(fields, "");
        System.arraycopy(values, 0, fields, 0, values.length);
        w.writeRecord(fields);
    }

    public static List<Snapshot> read(String name, String text) {
        List<Snapshot> out = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(text.replace("\uFEFF", ""))) {
            boolean header = true;
            Instant time = null;
            String host = null;
            String source = null;
            List<TagCounters> rows = null;
            Map<String, Long> totals = null;
            List<BigPoolAllocation> big = null;
            int width = HEADER.length;
            for (CsvRecord r : csv) {
                long line = r.getStartingLineNumber();
                if (header) {
                    width = headerWidth(name, r);
                    header = false;
                    continue;
                }
                if (r.getFieldCount() != width) {
                    throw new InputException(name, line, "expected " + width + " fields, found " + r.getFieldCount());
                }
                String kind = r.getField(3);
                if (kind.equals("sample")) {
                    if (rows != null) {
                        out.add(new Snapshot(time, host, source, rows, totals, big));
                    }
                    try {
                        time = Instant.parse(r.getField(0));
                    } catch (DateTimeParseException e) {
                        throw new InputException(name, line, "time '" + r.getField(0) + "' is not an ISO-8601 instant");
                    }
                    host = r.getField(1);
                    source = r.getField(2);
                    rows = new ArrayList<>();
                    totals = new LinkedHashMap<>();
                    big = new ArrayList<>();
                    continue;
                }
                if (rows == null) {
                    throw new InputException(name, line, "a '" + kind + "' line before the first 'sample' line");
                }
                if (!r.getField(0).equals(time.toString())) {
                    throw new InputException(name, line, "time " + r.getField(0) + " differs from its sample's time " + time);
                }
                switch (kind) {
                    case "total" -> totals.put(r.getField(4), number(name, line, r.getField(9), "bytes"));
                    case "tag", "name" -> rows.add(counters(name, line, r, kind));
                    case "bigpool" -> big.add(bigPool(name, line, r, width));
                    default -> throw new InputException(name, line, "kind '" + kind + "' is not sample, total, tag, name or bigpool");
                }
            }
            if (header) {
                throw new InputException(name, 0, "empty file: expected the header " + String.join(",", HEADER));
            }
            if (rows != null) {
                out.add(new Snapshot(time, host, source, rows, totals, big));
            }
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new InputException(name, 0, "not valid CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The header's width: the eleven columns, then optionally address, then optionally owner and owner_description. */
    private static int headerWidth(String name, CsvRecord r) {
        long line = r.getStartingLineNumber();
        if (!looksLike(String.join(",", r.getFields()))) {
            throw new InputException(name, line, "not a pooltags CSV: the header must be " + String.join(",", HEADER));
        }
        int width = r.getFieldCount();
        if (width != HEADER.length && width != BIG_POOL_HEADER.length && width != BIG_POOL_HEADER.length + 2) {
            throw new InputException(name, line, "not a pooltags CSV: the header must be " + String.join(",", HEADER)
                    + " (then address, owner and owner_description when present), found " + width + " columns");
        }
        return width;
    }

    /** A 'tag' or 'name' line: the counters of one tag (or named row) and pool type. */
    private static TagCounters counters(String name, long line, CsvRecord r, String kind) {
        PoolType type;
        try {
            type = PoolType.parse(r.getField(5));
        } catch (IllegalArgumentException e) {
            throw new InputException(name, line, e.getMessage());
        }
        long allocs = number(name, line, r.getField(6), "allocs");
        long frees = number(name, line, r.getField(7), "frees");
        long bytes = number(name, line, r.getField(9), "bytes");
        if (kind.equals("tag")) {
            try {
                return TagCounters.of(PoolTag.ofMemoryText(r.getField(4)), type, allocs, frees, bytes);
            } catch (TagFormatException e) {
                throw new InputException(name, line, e.getMessage());
            }
        }
        return TagCounters.named(r.getField(4), type, allocs, frees, bytes);
    }

    /** A 'bigpool' line: one big pool allocation (needs the address column). */
    private static BigPoolAllocation bigPool(String name, long line, CsvRecord r, int width) {
        if (width < BIG_POOL_HEADER.length) {
            throw new InputException(name, line, "a 'bigpool' line needs the address column: the header must be "
                    + String.join(",", BIG_POOL_HEADER));
        }
        try {
            return new BigPoolAllocation(SnapshotJsonLines.address(r.getField(11)), PoolType.parse(r.getField(5)),
                    number(name, line, r.getField(9), "size"), PoolTag.ofMemoryText(r.getField(4)));
        } catch (IllegalArgumentException e) {
            throw new InputException(name, line, e.getMessage());
        }
    }

    private static long number(String name, long line, String text, String column) {
        try {
            long v = Long.parseLong(text);
            if (v < 0 && !column.equals("bytes")) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(name, line, column + " '" + text + "' is not a " + (column.equals("bytes") ? "" : "non-negative ")
                    + "whole number");
        }
    }
}
