package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.scan.FileScan;
import dev.pooltags.scan.WhoAnalysis;
import dev.pooltags.source.TerminalText;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tagdb.TagEntry;
import dev.pooltags.tagdb.TagMatch;
import java.io.PrintWriter;
import java.util.List;

/**
 * Renders {@code who} answers: per tag, the tag files' owners, then the drivers whose code calls a pool routine
 * with the tag (routine, function and call address), then files that merely contain its bytes, marked as the
 * weaker evidence they are. JSON: {@code {"drivers": DIR or null, "files": N, "results":[{tag, value, literal,
 * found, owners:[...], calls:[{file, architecture, routine, action, evidence, via, function, address}],
 * initially:[{file, architecture, routine, action, reason, function, address}], bytes:[{file, count, firstOffset,
 * note}]}]}}.
 */
public final class WhoReport {
    private WhoReport() {}

    /**
     * The formats of {@code pooltags who}: text (the default, terminal-safe) and json, for answers found by scanning
     * {@code scans} of the folder {@code drivers} (null: none) with {@code tagFiles} tag files read.
     */
    public static Renderers<List<WhoAnalysis.Answer>> renderers(String drivers, List<FileScan> scans, int tagFiles) {
        return Renderers.<List<WhoAnalysis.Answer>>of("text",
                (out, answers) -> text(TerminalText.writer(out), answers, drivers, scans, tagFiles))
                .and("json", (out, answers) -> json(out, answers, drivers, scans));
    }

    private static String hex(long v) {
        return String.format("0x%X", v);
    }

    public static void text(PrintWriter out, List<WhoAnalysis.Answer> answers, String drivers, List<FileScan> scans,
            int tagFiles) {
        int files = scans.size();
        List<FileScan> unreadable = scans.stream().filter(FileScan::unreadable).toList();
        boolean first = true;
        for (WhoAnalysis.Answer a : answers) {
            if (!first) {
                out.println();
            }
            first = false;
            PoolTag t = a.tag();
            out.println(TextTable.tagCell(t.memoryText()) + "   " + t.hexText() + "  literal '" + t.charLiteralText() + "'");
            if (a.owners().isEmpty()) {
                out.println("  Tag files: " + (tagFiles == 0 ? "none loaded (name Pooltag.txt with --tagfile)"
                        : "no entry names '" + t.memoryText() + "'"));
            } else {
                out.println("  Tag files:");
                TextTable tt = new TextTable("", "", "", "", "");
                for (TagMatch m : a.owners()) {
                    TagEntry e = m.entry();
                    tt.row("   ", m.kind().label(), e.binary().isEmpty() ? "-" : e.binary(), e.description(), "(" + e.source() + ")");
                }
                tt.print(out, false);
            }
            if (drivers == null) {
                out.println("  Drivers: not searched; name a folder of drivers with --drivers DIR");
                continue;
            }
            if (a.calls().isEmpty()) {
                out.println("  Drivers whose code passes it to a pool routine: none of " + files + " files in "
                        + TerminalText.escape(drivers + unreadableNote(unreadable)));
            } else {
                out.println("  Drivers whose code passes it to a pool routine:");
                TextTable tt = new TextTable("", "", "", "", "", "", "");
                for (WhoAnalysis.Call c : a.calls()) {
                    String how = c.use().evidence() + (c.use().throughWrapper()
                            ? ", via " + hex(c.imageBase() + Integer.toUnsignedLong(c.use().via())) : "")
                            + (c.use().reason() != null ? "; " + c.use().reason() : "");
                    tt.row("   ", c.file(), c.machine().label(), c.use().routine().routineName(),
                            c.use().routine().action().label(), "function " + hex(c.functionVa()) + ", call at " + hex(c.siteVa()),
                            "(" + how + ")");
                }
                tt.print(out, false);
            }
            if (!a.initially().isEmpty()) {
                out.println("  Drivers whose pool calls load their tag from writable data that starts as '" + t.memoryText()
                        + "' (the driver may change it):");
                TextTable tt = new TextTable("", "", "", "", "", "", "");
                for (WhoAnalysis.Call c : a.initially()) {
                    tt.row("   ", c.file(), c.machine().label(), c.use().routine().routineName(),
                            c.use().routine().action().label(), "function " + hex(c.functionVa()) + ", call at " + hex(c.siteVa()),
                            "(" + c.use().reason() + ")");
                }
                tt.print(out, false);
            }
            if (!a.bytes().isEmpty()) {
                out.println("  Files that merely contain the bytes '" + t.memoryText()
                        + "' (weaker evidence: data, a string, or code that is not a pool call):");
                TextTable tt = new TextTable("", "", "", "");
                for (WhoAnalysis.Bytes b : a.bytes()) {
                    tt.row("   ", b.file(), b.match().count() + (b.match().count() == 1 ? " time" : " times") + ", first at offset "
                            + hex(b.match().firstOffset()), "(" + b.note() + ")");
                }
                tt.print(out, false);
            }
        }
        out.flush();
    }

    /** Which files the answer could not look into: a "none" is only as good as the files read. */
    private static String unreadableNote(List<FileScan> unreadable) {
        if (unreadable.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (" + unreadable.size() + " of them could not be read: ");
        for (int i = 0; i < unreadable.size() && i < 3; i++) {
            sb.append(i == 0 ? "" : ", ").append(unreadable.get(i).file());
        }
        return sb.append(unreadable.size() > 3 ? ", ...)" : ")").toString();
    }

    public static void json(PrintWriter out, List<WhoAnalysis.Answer> answers, String drivers, List<FileScan> scans) {
        int files = scans.size();
        ObjectNode root = Json.object();
        if (drivers == null) {
            root.putNull("drivers");
        } else {
            root.put("drivers", drivers);
        }
        root.put("files", files);
        ArrayNode unreadable = root.putArray("unreadable");
        for (FileScan f : scans) {
            if (f.unreadable()) {
                unreadable.addObject().put("file", f.file()).put("problem", f.problem());
            }
        }
        ArrayNode results = root.putArray("results");
        for (WhoAnalysis.Answer a : answers) {
            ObjectNode r = results.addObject();
            r.put("tag", a.tag().memoryText());
            r.put("value", a.tag().hexText());
            r.put("literal", a.tag().charLiteralText());
            r.put("found", a.found());
            ArrayNode owners = r.putArray("owners");
            for (TagMatch m : a.owners()) {
                TagEntry e = m.entry();
                owners.addObject().put("match", m.kind().label()).put("tag", e.tagText()).put("binary", e.binary())
                        .put("description", e.description()).put("file", e.source().file()).put("line", e.source().line());
            }
            ArrayNode calls = r.putArray("calls");
            for (WhoAnalysis.Call c : a.calls()) {
                ObjectNode o = calls.addObject();
                o.put("file", c.file());
                o.put("architecture", c.machine().label());
                o.put("routine", c.use().routine().routineName());
                o.put("action", c.use().routine().action().label());
                o.put("tag", c.use().tag().toString());
                o.put("evidence", c.use().evidence());
                if (c.use().reason() != null) {
                    o.put("reason", c.use().reason());
                }
                if (c.use().throughWrapper()) {
                    o.put("via", hex(c.imageBase() + Integer.toUnsignedLong(c.use().via())));
                } else {
                    o.putNull("via");
                }
                o.put("function", hex(c.functionVa()));
                o.put("address", hex(c.siteVa()));
            }
            ArrayNode initially = r.putArray("initially");
            for (WhoAnalysis.Call c : a.initially()) {
                initially.addObject().put("file", c.file()).put("architecture", c.machine().label())
                        .put("routine", c.use().routine().routineName()).put("action", c.use().routine().action().label())
                        .put("reason", c.use().reason()).put("function", hex(c.functionVa())).put("address", hex(c.siteVa()));
            }
            ArrayNode bytes = r.putArray("bytes");
            for (WhoAnalysis.Bytes b : a.bytes()) {
                bytes.addObject().put("file", b.file()).put("count", b.match().count())
                        .put("firstOffset", hex(b.match().firstOffset())).put("note", b.note())
                        .put("evidence", "bytes only: weaker than a call site");
            }
        }
        Json.write(out, root);
    }
}
