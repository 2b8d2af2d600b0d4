package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.scan.ByteMatch;
import dev.pooltags.scan.FileScan;
import dev.pooltags.scan.ImageScan;
import dev.pooltags.scan.TagUse;
import dev.pooltags.source.TerminalText;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagPattern;
import dev.pooltags.tagdb.EntrySource;
import dev.pooltags.tagdb.TagEntry;
import dev.pooltags.tagdb.TagFileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders {@code scan} results. Layouts (documented in docs/scan.md):
 * <ul>
 *   <li>table: per file a heading line, then one row per tag, routine and wrapper with the number of call sites
 *       and the functions making them;</li>
 *   <li>json: {@code {"files":[{file, size, status, architecture, imageBase, poolImports, problem, sites:[{routine,
 *       module, action, status, tag, value, literal, protected, evidence, reason, function, address, via}],
 *       bytes:[...]}], "summary":{...}}}, every call site, addresses as the disassembler shows them
 *       (image base + RVA);</li>
 *   <li>localtag: the Pooltag.txt layout PoolMon's {@code /c} writes, one line per tag and driver.</li>
 * </ul>
 */
public final class ScanReport {
    private ScanReport() {}

    /**
     * The formats of {@code pooltags scan}: table (the default, terminal-safe; every call site or, unless
     * {@code all}, the tagged ones), json (every call site) and localtag.
     */
    public static Renderers<List<FileScan>> renderers(boolean all) {
        return Renderers.<List<FileScan>>of("table", (out, files) -> table(TerminalText.writer(out), files, all))
                .and("json", ScanReport::json).and("localtag", ScanReport::localtag);
    }

    private static String hex(long v) {
        return String.format("0x%X", v);
    }

    private static String fileName(String file) {
        Path p = Path.of(file).getFileName();
        return p == null ? file : p.toString();
    }

    /** The text table. */
    public static void table(PrintWriter out, List<FileScan> files, boolean all) {
        int shown = 0;
        for (FileScan f : files) {
            if (f.status() == FileScan.Status.NOT_PE || f.status() == FileScan.Status.SCANNED && f.uses().isEmpty() && !all) {
                continue;
            }
            if (shown++ > 0) {
                out.println();
            }
            out.println(TerminalText.escape(heading(f))); // a file name is one line, whatever it holds
            if (f.status() != FileScan.Status.SCANNED) {
                for (ByteMatch m : f.bytes()) {
                    out.println("  bytes of " + TextTable.tagCell(m.tag().memoryText()) + " occur " + m.count()
                            + (m.count() == 1 ? " time" : " times") + " (first at file offset " + hex(m.firstOffset())
                            + "): weaker evidence, not a call site");
                }
                continue;
            }
            ImageScan img = f.image();
            TextTable t = new TextTable("  Tag", "Routine", "Kind", ">Sites", "Functions", "How");
            for (Row r : rows(f)) {
                t.row("  " + r.tag, r.routine, r.kind, r.sites, functions(img, r.functions), r.how);
            }
            t.print(out, true);
        }
        long scanned = files.stream().filter(f -> f.status() == FileScan.Status.SCANNED).count();
        long sites = files.stream().mapToLong(f -> f.uses().size()).sum();
        long withSites = files.stream().filter(f -> !f.uses().isEmpty()).count();
        long skipped = files.stream().filter(f -> f.status() == FileScan.Status.NOT_PE).count();
        long undecodable = files.stream().filter(f -> f.status() == FileScan.Status.UNDECODABLE).count();
        long errors = files.stream().filter(FileScan::unreadable).count();
        if (shown > 0) {
            out.println();
        }
        out.println(files.size() + (files.size() == 1 ? " file" : " files") + ": " + scanned + " decoded, " + withSites
                + " with pool calls (" + sites + " call sites)" + (undecodable > 0 ? ", " + undecodable + " not decoded" : "")
                + (skipped > 0 ? ", " + skipped + " not PE" : "") + (errors > 0 ? ", " + errors + " unreadable" : ""));
        out.flush();
    }

    private static String heading(FileScan f) {
        StringBuilder sb = new StringBuilder(f.file());
        switch (f.status()) {
            case SCANNED -> {
                List<TagUse> u = f.uses();
                long tags = u.stream().filter(x -> x.status() == TagUse.Status.TAG).count();
                long unknown = u.stream().filter(x -> x.status() == TagUse.Status.UNKNOWN).count();
                long untagged = u.size() - tags - unknown;
                sb.append("  (").append(f.image().machine().label()).append(", ").append(u.size())
                        .append(u.size() == 1 ? " call site: " : " call sites: ").append(tags).append(" with a tag, ")
                        .append(unknown).append(" unknown, ").append(untagged).append(" untagged)");
            }
            case UNDECODABLE -> sb.append("  (code not decoded: ").append(f.image().undecodable()).append(')');
            case ERROR, FAILED -> sb.append("  (error: ").append(f.problem()).append(')');
            case NOT_PE -> sb.append("  (not a PE file)");
        }
        return sb.toString();
    }

    private static final class Row {
        String tag;
        String routine;
        String kind;
        int sites;
        String how;
        final TreeSet<Integer> functions = new TreeSet<>(Integer::compareUnsigned);
    }

    private static List<Row> rows(FileScan f) {
        ImageScan img = f.image();
        Map<String, Row> rows = new TreeMap<>();
        for (TagUse u : f.uses()) {
            String tagCell = switch (u.status()) {
                case TAG -> TextTable.tagCell(u.tag().toString());
                case UNTAGGED -> "-";
                case UNKNOWN -> "?";
            };
            String how = switch (u.status()) {
                case TAG -> u.reason() == null ? u.evidence() : u.evidence() + "; " + u.reason();
                case UNTAGGED -> u.reason();
                case UNKNOWN -> u.reason();
            };
            if (u.throughWrapper()) {
                how = "via " + hex(img.imageBase() + Integer.toUnsignedLong(u.via())) + (how == null ? "" : ", " + how);
            }
            String order = (u.status() == TagUse.Status.TAG ? "0" + sortKey(u.tag()) : u.status() == TagUse.Status.UNKNOWN ? "1" : "2");
            String key = order + "\u0000" + u.routine().routineName() + "\u0000" + how;
            Row r = rows.computeIfAbsent(key, k -> new Row());
            r.tag = tagCell;
            r.routine = u.routine().routineName();
            r.kind = u.routine().action().label();
            r.how = how;
            r.sites++;
            r.functions.add(u.function());
        }
        return new ArrayList<>(rows.values());
    }

    private static String sortKey(PoolTag t) {
        return String.format("%08X%d", Integer.reverseBytes(t.unprotected().value()), t.isProtected() ? 1 : 0);
    }

    private static String functions(ImageScan img, TreeSet<Integer> fns) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (int f : fns) {
            if (n == 3) {
                sb.append(" +").append(fns.size() - 3);
                break;
            }
            if (n++ > 0) {
                sb.append(' ');
            }
            sb.append(hex(img.imageBase() + Integer.toUnsignedLong(f)));
        }
        return sb.toString();
    }

    /** Every call site as JSON. */
    public static void json(PrintWriter out, List<FileScan> files) {
        ObjectNode root = Json.object();
        ArrayNode arr = root.putArray("files");
        int sites = 0;
        for (FileScan f : files) {
            if (f.status() == FileScan.Status.NOT_PE) {
                continue;
            }
            ObjectNode o = arr.addObject();
            o.put("file", f.file());
            o.put("size", f.size());
            o.put("status", f.status().label());
            if (f.problem() != null) {
                o.put("problem", f.problem());
            }
            ImageScan img = f.image();
            if (img != null) {
                o.put("architecture", img.machine().label());
                o.put("imageBase", hex(img.imageBase()));
                if (img.undecodable() != null) {
                    o.put("notDecoded", img.undecodable());
                }
                o.put("poolImports", img.poolImports());
                ArrayNode s = o.putArray("sites");
                for (TagUse u : img.uses()) {
                    site(s.addObject(), img, u);
                    sites++;
                }
            }
            if (!f.bytes().isEmpty()) {
                ArrayNode b = o.putArray("bytes");
                for (ByteMatch m : f.bytes()) {
                    b.addObject().put("tag", m.tag().toString()).put("count", m.count()).put("firstOffset", hex(m.firstOffset()))
                            .put("evidence", "bytes only: weaker than a call site");
                }
            }
        }
        ObjectNode sum = root.putObject("summary");
        sum.put("files", arr.size());
        sum.put("scanned", files.stream().filter(f -> f.status() == FileScan.Status.SCANNED).count());
        sum.put("notDecoded", files.stream().filter(f -> f.status() == FileScan.Status.UNDECODABLE).count());
        sum.put("errors", files.stream().filter(FileScan::unreadable).count());
        sum.put("notPe", files.stream().filter(f -> f.status() == FileScan.Status.NOT_PE).count());
        sum.put("sites", sites);
        Json.write(out, root);
    }

    /** One call site's JSON object (shared with {@code who}). */
    public static void site(ObjectNode o, ImageScan img, TagUse u) {
        o.put("routine", u.routine().routineName());
        o.put("module", u.routine().module().fileName());
        o.put("action", u.routine().action().label());
        o.put("status", u.status().label());
        if (u.tag() != null) {
            o.put("tag", u.tag().memoryText());
            o.put("value", u.tag().hexText());
            o.put("literal", u.tag().charLiteralText());
            o.put("protected", u.tag().isProtected());
            o.put("evidence", u.evidence());
            if (u.reason() != null) {
                o.put("reason", u.reason());
            }
        } else {
            o.putNull("tag");
            o.put("reason", u.reason());
        }
        o.put("function", hex(img.imageBase() + Integer.toUnsignedLong(u.function())));
        o.put("address", hex(img.imageBase() + Integer.toUnsignedLong(u.site())));
        if (u.throughWrapper()) {
            o.putObject("via").put("function", hex(img.imageBase() + Integer.toUnsignedLong(u.via())))
                    .put("parameter", u.viaParameter());
        } else {
            o.putNull("via");
        }
    }

    /**
     * A local tag file: one line per recovered tag and driver ({@code Pa01 - poolalloc.sys - ...}), sorted by tag,
     * as {@code poolmon /c} writes localtag.txt. Tags whose bytes a tag file cannot hold (unprintable, or the
     * wildcard characters) are listed in the header instead.
     */
    public static void localtag(PrintWriter out, List<FileScan> files) {
        Map<String, Map<String, TreeSet<String>>> byTag = new TreeMap<>();
        Map<String, PoolTag> tags = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (FileScan f : files) {
            for (TagUse u : f.uses()) {
                if (u.status() != TagUse.Status.TAG) {
                    continue;
                }
                PoolTag t = u.tag().unprotected();
                String text = t.rawText();
                if (!t.isPrintable() || text.indexOf('*') >= 0 || text.indexOf('?') >= 0) {
                    skipped.add(t.memoryText() + " (" + fileName(f.file()) + ")");
                    continue;
                }
                String key = sortKey(t);
                tags.put(key, t);
                byTag.computeIfAbsent(key, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                        .computeIfAbsent(fileName(f.file()), k -> new TreeSet<>()).add(u.routine().routineName());
            }
        }
        List<TagEntry> entries = new ArrayList<>();
        int line = 1;
        for (Map.Entry<String, Map<String, TreeSet<String>>> e : byTag.entrySet()) {
            PoolTag t = tags.get(e.getKey());
            for (Map.Entry<String, TreeSet<String>> d : e.getValue().entrySet()) {
                entries.add(new TagEntry(TagPattern.parse(t.memoryText()), d.getKey(),
                        "found by pooltags scan: " + String.join(", ", d.getValue()), new EntrySource("scan", line++, 0)));
            }
        }
        List<String> header = new ArrayList<>();
        header.add("Local tag file written by pooltags scan (" + files.stream().filter(f -> !f.uses().isEmpty()).count()
                + " drivers with pool calls)");
        header.add("Each line: a tag the driver's code passes to a pool routine, the driver, the routines.");
        if (!skipped.isEmpty()) {
            header.add("Tags a tag file cannot hold: " + String.join(", ", skipped));
        }
        try {
            TagFileWriter.write(out, header, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
