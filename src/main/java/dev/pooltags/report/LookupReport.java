package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.pooltags.output.Csv;
import dev.pooltags.source.TerminalText;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tagdb.TagEntry;
import dev.pooltags.tagdb.TagFile;
import dev.pooltags.tagdb.TagLookup;
import dev.pooltags.tagdb.TagMatch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders {@code lookup} answers. The JSON and CSV layouts are stable (documented in the README):
 * JSON {@code {"tagFiles":[...], "results":[{query, form, tag, value, literal, protected, found, owners:[...], hints}]}},
 * CSV one row per owner (a row with {@code found=false} for a tag without one).
 */
public final class LookupReport {
    private LookupReport() {}

    /**
     * The formats of {@code pooltags lookup TAG...}: text (the default, terminal-safe), json (which lists the tag
     * files read, {@code files}) and csv.
     */
    public static Renderers<List<TagLookup.Answer>> renderers(List<TagFile> files) {
        return Renderers.<List<TagLookup.Answer>>of("text", (out, answers) -> text(TerminalText.writer(out), answers))
                .and("json", (out, answers) -> json(out, files, answers)).and("csv", LookupReport::csv);
    }

    /** The formats of {@code pooltags lookup --binary NAME}, the entries that name the binary {@code binary}. */
    public static Renderers<List<TagEntry>> binaryRenderers(String binary) {
        return Renderers.<List<TagEntry>>of("text", (out, entries) -> {
            if (entries.isEmpty()) {
                out.println("no tag file entry names the binary '" + TerminalText.escape(binary) + "'");
                out.flush();
            } else {
                entriesText(TerminalText.writer(out), entries);
            }
        }).and("json", (out, entries) -> entriesJson(out, binary, entries)).and("csv", LookupReport::entriesCsv);
    }

    public static void text(PrintWriter out, List<TagLookup.Answer> answers) {
        boolean first = true;
        for (TagLookup.Answer a : answers) {
            if (!first) {
                out.println();
            }
            first = false;
            if (a.tag() != null) {
                PoolTag t = a.tag();
                out.println(TextTable.tagCell(t.memoryText()) + "   " + t.hexText() + "  literal '" + t.charLiteralText() + "'"
                        + (t.isProtected() ? "  protected" : "")
                        + (a.form() == TagLookup.Form.MEMORY_TEXT ? "" : "   (read " + TerminalText.escape(quoted(a.query())) + " as " + a.form().description() + ")"));
            } else {
                out.println(TerminalText.escape(a.query()) + "   pattern: " + a.matches().size() + (a.matches().size() == 1 ? " entry" : " entries"));
            }
            if (a.found()) {
                TextTable table = new TextTable("", "", "", "", "");
                for (TagMatch m : a.matches()) {
                    TagEntry e = m.entry();
                    table.row("  " + m.kind().label(), TextTable.tagCell(e.tagText()),
                            e.binary().isEmpty() ? "-" : e.binary(), e.description(), "(" + e.source() + ")");
                }
                table.print(out, false);
            } else {
                for (String h : a.hints()) {
                    out.println("  " + TerminalText.escape(h));
                }
            }
        }
        out.flush();
    }

    public static void json(PrintWriter out, List<TagFile> files, List<TagLookup.Answer> answers) {
        ObjectNode root = Json.object();
        ArrayNode tf = root.putArray("tagFiles");
        for (TagFile f : files) {
            tf.addObject().put("file", f.name()).put("entries", f.entries().size())
                    .put("irregularLines", f.irregular().size());
        }
        ArrayNode results = root.putArray("results");
        for (TagLookup.Answer a : answers) {
            ObjectNode r = results.addObject();
            r.put("query", a.query());
            r.put("form", a.form().name().toLowerCase(java.util.Locale.ROOT));
            if (a.tag() != null) {
                r.put("tag", a.tag().memoryText());
                r.put("value", a.tag().hexText());
                r.put("literal", a.tag().charLiteralText());
                r.put("protected", a.tag().isProtected());
            } else {
                r.put("pattern", a.pattern().text());
            }
            r.put("found", a.found());
            ArrayNode owners = r.putArray(a.tag() != null ? "owners" : "entries");
            for (TagMatch m : a.matches()) {
                TagEntry e = m.entry();
                owners.addObject().put("match", m.kind().label()).put("tag", e.tagText()).put("binary", e.binary())
                        .put("description", e.description()).put("file", e.source().file()).put("line", e.source().line());
            }
            ArrayNode hints = r.putArray("hints");
            a.hints().forEach(hints::add);
        }
        Json.write(out, root);
    }

    public static void csv(PrintWriter out, List<TagLookup.Answer> answers) {
        try (CsvWriter w = Csv.writer(out)) {
            w.writeRecord("query", "tag", "value", "found", "match", "entry_tag", "binary", "description", "file", "line");
            for (TagLookup.Answer a : answers) {
                String tag = a.tag() != null ? a.tag().memoryText() : "";
                String value = a.tag() != null ? a.tag().hexText() : "";
                if (!a.found()) {
                    w.writeRecord(a.query(), tag, value, "false", "", "", "", "", "", "");
                }
                for (TagMatch m : a.matches()) {
                    TagEntry e = m.entry();
                    w.writeRecord(a.query(), tag, value, "true", m.kind().label(), e.tagText(), e.binary(), e.description(),
                            e.source().file(), Integer.toString(e.source().line()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** Entries of a by-binary or listing query, as a table. */
    public static void entriesText(PrintWriter out, List<TagEntry> entries) {
        TextTable t = new TextTable("Tag", "Binary", "Description", "Source");
        for (TagEntry e : entries) {
            t.row(TextTable.tagCell(e.tagText()), e.binary().isEmpty() ? "-" : e.binary(), e.description(), e.source().toString());
        }
        t.print(out, true);
        out.flush();
    }

    public static void entriesJson(PrintWriter out, String query, List<TagEntry> entries) {
        ObjectNode root = Json.object();
        root.put("binary", query);
        ArrayNode arr = root.putArray("entries");
        for (TagEntry e : entries) {
            arr.addObject().put("tag", e.tagText()).put("wildcard", e.isWildcard()).put("binary", e.binary())
                    .put("description", e.description()).put("file", e.source().file()).put("line", e.source().line());
        }
        Json.write(out, root);
    }

    public static void entriesCsv(PrintWriter out, List<TagEntry> entries) {
        try (CsvWriter w = Csv.writer(out)) {
            w.writeRecord("tag", "wildcard", "binary", "description", "file", "line");
            for (TagEntry e : entries) {
                w.writeRecord(e.tagText(), Boolean.toString(e.isWildcard()), e.binary(), e.description(), e.source().file(),
                        Integer.toString(e.source().line()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** The query in single quotes, once: a C character literal brings its own ('fByM', not ''fByM''). */
    static String quoted(String query) {
        boolean hasQuotes = query.length() >= 2 && query.startsWith("'") && query.endsWith("'");
        return hasQuotes ? query : "'" + query + "'";
    }
}
