package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.pooltags.lint.TagUse;
import dev.pooltags.output.Csv;
import dev.pooltags.source.TerminalText;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagPattern;
import dev.pooltags.tagdb.EntrySource;
import dev.pooltags.tagdb.TagEntry;
import dev.pooltags.tagdb.TagFileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the tag inventory of {@code lint --tags}: a table, JSON ({@code {"tags":[{tag, value, literal, uses:[{routine,
 * file, line, column, constant, project, binary}]}]}}), CSV (one row per use), or a local tag file
 * ({@code TAG - driver.sys - description}) that {@code lookup --localtag} and PoolMon read.
 */
public final class TagInventoryReport {
    private TagInventoryReport() {}

    /** The formats of {@code lint --tags}: text (the default, terminal-safe), json, csv and localtag. */
    public static final Renderers<List<TagUse>> RENDERERS = Renderers.<List<TagUse>>of("text",
            (out, uses) -> text(TerminalText.writer(out), uses)).and("json", TagInventoryReport::json)
            .and("csv", TagInventoryReport::csv).and("localtag", (out, uses) -> localTag(out, uses, "pooltags lint --tags"));

    private static Map<PoolTag, List<TagUse>> byTag(List<TagUse> uses) {
        Map<PoolTag, List<TagUse>> m = new LinkedHashMap<>();
        for (TagUse u : uses) {
            m.computeIfAbsent(u.tag(), k -> new ArrayList<>()).add(u);
        }
        return m;
    }

    public static void text(PrintWriter out, List<TagUse> uses) {
        TextTable t = new TextTable("Tag", "Literal", "Routine", "Where", "Name", "Driver");
        for (TagUse u : uses) {
            t.row(TextTable.tagCell(u.tag().toString()), "'" + u.tag().charLiteralText() + "'", u.routine(), u.site().toString(),
                    u.constant(), u.project() == null ? "" : u.project().name());
        }
        t.print(out, true);
        out.printf("%d tags, %d uses%n", byTag(uses).size(), uses.size());
        out.flush();
    }

    public static void json(PrintWriter out, List<TagUse> uses) {
        ObjectNode root = Json.object();
        ArrayNode tags = root.putArray("tags");
        for (Map.Entry<PoolTag, List<TagUse>> e : byTag(uses).entrySet()) {
            ObjectNode o = tags.addObject();
            o.put("tag", e.getKey().memoryText());
            o.put("value", e.getKey().hexText());
            o.put("literal", e.getKey().charLiteralText());
            o.put("protected", e.getKey().isProtected());
            ArrayNode arr = o.putArray("uses");
            for (TagUse u : e.getValue()) {
                ObjectNode x = arr.addObject();
                x.put("routine", u.routine());
                x.put("file", u.site().file());
                x.put("line", u.site().line());
                x.put("column", u.site().col());
                x.put("constant", u.constant());
                if (u.definedAt() != null) {
                    x.put("definedAt", u.definedAt().toString());
                }
                x.put("project", u.project() == null ? "" : u.project().id());
                x.put("binary", binary(u));
            }
        }
        Json.write(out, root);
    }

    public static void csv(PrintWriter out, List<TagUse> uses) {
        try (CsvWriter w = Csv.writer(out)) {
            w.writeRecord("tag", "value", "literal", "routine", "file", "line", "column", "constant", "project", "binary");
            for (TagUse u : uses) {
                w.writeRecord(u.tag().memoryText(), u.tag().hexText(), u.tag().charLiteralText(), u.routine(), u.site().file(),
                        Integer.toString(u.site().line()), Integer.toString(u.site().col()), u.constant(),
                        u.project() == null ? "" : u.project().id(), binary(u));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /**
     * A local tag file: one entry per tag and driver, the description naming the first use. Tags a tag file cannot
     * hold (unprintable bytes, '*' or '?', which read as wildcards) are listed in the header instead.
     */
    public static void localTag(PrintWriter out, List<TagUse> uses, String generator) {
        Map<String, List<TagUse>> perDriver = new LinkedHashMap<>();
        for (TagUse u : uses) {
            perDriver.computeIfAbsent(u.tag().unprotected().value() + "|" + binary(u), k -> new ArrayList<>()).add(u);
        }
        List<TagEntry> entries = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("Pool tags used by the driver sources, written by " + generator + ".");
        header.add("Format: TAG - binary - description (PoolMon /g, WinDbg and 'pooltags lookup --localtag' read it).");
        int line = header.size() + 2;
        for (List<TagUse> group : perDriver.values()) {
            TagUse u = group.get(0);
            PoolTag t = u.tag().unprotected();
            String mem = t.memoryText();
            if (!t.isPrintable() || mem.indexOf('*') >= 0 || mem.indexOf('?') >= 0 || mem.indexOf('\\') >= 0) {
                header.add("not listed (a tag file cannot hold it): " + t.hexText() + " used at " + u.site());
                line++;
                continue;
            }
            String desc = u.routine() + " at " + u.site().file() + ":" + u.site().line()
                    + (u.constant().startsWith("'") ? "" : " (" + u.constant() + ")")
                    + (group.size() > 1 ? ", " + (group.size() - 1) + " more use" + (group.size() > 2 ? "s" : "") : "");
            entries.add(new TagEntry(TagPattern.parse(mem), binary(u), desc, new EntrySource("lint", line++, 0)));
        }
        try {
            TagFileWriter.write(out, header, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private static String binary(TagUse u) {
        return u.project() == null ? "<unknown>" : u.project().name() + ".sys";
    }
}
