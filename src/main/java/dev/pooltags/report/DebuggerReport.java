package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.debugger.CommandKind;
import dev.pooltags.debugger.DebuggerAnswer;
import dev.pooltags.debugger.DebuggerAnswer.CallerGroup;
import dev.pooltags.debugger.DebuggerAnswer.NextStep;
import dev.pooltags.debugger.DebuggerAnswer.OwnerClue;
import dev.pooltags.debugger.DebuggerAnswer.PageView;
import dev.pooltags.debugger.DebuggerAnswer.TopTag;
import dev.pooltags.debugger.DebuggerAnswer.Usage;
import dev.pooltags.debugger.DebuggerLog;
import dev.pooltags.debugger.LoadedModule;
import dev.pooltags.debugger.LogProblem;
import dev.pooltags.debugger.LoggedCommand;
import dev.pooltags.debugger.PoolLogEntry;
import dev.pooltags.debugger.TrackedAllocation;
import dev.pooltags.debugger.VerifiedDriver;
import dev.pooltags.debugger.VerifierCounter;
import dev.pooltags.debugger.VerifierStatus;
import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.PoolFindResult;
import dev.pooltags.snapshot.PoolUsedText;
import dev.pooltags.tag.PoolTag;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code pooltags debugger}: the answer from a case's debugger logs as text, JSON or one offline HTML page. Every number
 * is shown with the line it came from ({@code file:line}); JSON carries an {@code origin} object on every record.
 *
 * <p>JSON layout: {@code {logs:[{file, lines, commands:[{origin, prompt, command, kind, outputLines}], problems:[...],
 * verifier:[...], modules:[...]}], topTags:{from, tags:[{tag, tagValue, nonpagedAllocs, nonpagedBytes, pagedAllocs,
 * pagedBytes, totalBytes, description, origin}]}, tag:{tag, tagValue, why}|null, usage:[...], finds:[find], blocks:{summary,
 * hits}, pages:[{ofTag, page}], outstanding:[{driver, caller, count, bytes, examples}], otherTracked, history:[...],
 * owners:[{kind, binary, description, origin, module}], next:[{where, command, why}]}}; {@code find}, {@code page} and
 * blocks as {@link PoolBlockJson} writes them.
 */
public final class DebuggerReport {
    /** Top-tag rows and listed problems in text (all are in JSON). */
    public static final int TEXT_PROBLEMS = 30;

    private DebuggerReport() {}

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String tagCell(PoolTag t) {
        return TextTable.tagCell(t.memoryText()) + (t.isProtected() ? " (Protected)" : "");
    }

    /** The formats of {@code pooltags debugger}: text (the default), json and html. */
    public static final Renderers<DebuggerAnswer> RENDERERS = Renderers.<DebuggerAnswer>of("text", DebuggerReport::text)
            .and("json", DebuggerReport::json).and("html", DebuggerReport::html);

    // ---------------------------------------------------------------- text

    public static void text(PrintWriter out, DebuggerAnswer a) {
        for (DebuggerLog l : a.logs()) {
            out.println("== " + l.file() + ": " + n(l.lines()) + " lines, " + commandCounts(l.commands()));
        }
        out.println();
        textTagAndTopTags(out, a);
        textBlocks(out, a);
        textVerifier(out, a);
        textOwnerAndNext(out, a);
        textUnread(out, a);
        out.flush();
    }

    private static void textTagAndTopTags(PrintWriter out, DebuggerAnswer a) {
        if (!a.topTags().isEmpty()) {
            out.println("Top tags by bytes (!poolused" + a.topFrom().map(o -> " at " + o.text()).orElse("") + ")");
            TextTable t = new TextTable("  Tag", ">Nonpaged allocs", ">Nonpaged bytes", ">Paged allocs", ">Paged bytes", "Debugger's description", "Line");
            for (TopTag r : a.topTags()) {
                PoolUsedText.Row p = r.poolused();
                t.row("  " + tagCell(p.tag()), n(p.nonpagedAllocs()), n(p.nonpagedBytes()), n(p.pagedAllocs()), n(p.pagedBytes()),
                        r.description().isEmpty() ? "-" : shorten(r.description(), 48), r.origin().text());
            }
            t.print(out, true);
            out.println();
        }
        if (a.tag().isEmpty()) {
            out.println("No tag to follow: " + a.why() + ".");
        } else {
            PoolTag t = a.tag().get();
            out.println("Tag " + tagCell(t) + " (" + t.hexText() + ", in a driver's source '" + t.charLiteralText() + "'): " + a.why());
            for (Usage u : a.usage()) {
                PoolUsedText.Row r = u.row().poolused();
                out.println("  !poolused: " + n(r.nonpagedAllocs()) + " nonpaged allocations, " + n(r.nonpagedBytes()) + " bytes; "
                        + n(r.pagedAllocs()) + " paged, " + n(r.pagedBytes()) + " bytes" + u.time().map(x -> " at " + x).orElse("")
                        + "  (" + u.origin().text() + ")");
            }
            if (a.usage().size() > 1) {
                PoolUsedText.Row first = a.usage().get(0).row().poolused();
                PoolUsedText.Row last = a.usage().get(a.usage().size() - 1).row().poolused();
                long d = last.bytes() - first.bytes();
                out.println("  over " + a.usage().size() + " !poolused outputs the bytes went from " + n(first.bytes()) + " to "
                        + n(last.bytes()) + " (" + (d >= 0 ? "+" : "") + n(d) + "); pooltags leaks LOG... judges the trend");
            }
        }
    }

    private static void textBlocks(PrintWriter out, DebuggerAnswer a) {
        if (!a.finds().isEmpty()) {
            out.println();
            out.println("Blocks with the tag (!poolfind)");
            for (PoolFindResult f : a.finds()) {
                PoolBlockText.find(out, f, PoolBlockText.DEFAULT_PAGES);
            }
        }
        if (!a.pages().isEmpty()) {
            out.println();
            out.println("Blocks under inspection (!pool)");
            for (PageView v : a.pages()) {
                if (!v.ofTag() && a.tag().isPresent()) {
                    out.println("(the marked block does not carry " + tagCell(a.tag().get()) + ")");
                }
                PoolBlockText.page(out, v.page());
            }
        }
    }

    private static void textVerifier(PrintWriter out, DebuggerAnswer a) {
        if (!a.outstanding().isEmpty()) {
            out.println();
            out.println("Outstanding allocations Driver Verifier tracks (!verifier 3)");
            TextTable t = new TextTable("  Driver", ">Count", ">Bytes", "Caller", "First row");
            for (CallerGroup g : a.outstanding()) {
                t.row("  " + g.driver(), n(g.count()), n(g.bytes()), g.caller().isEmpty() ? "-" : g.caller(), g.examples().get(0).origin().text());
            }
            t.print(out, true);
        }
        if (a.otherTracked() > 0) {
            out.println();
            out.println("Driver Verifier tracks " + n(a.otherTracked()) + " allocation" + (a.otherTracked() == 1 ? "" : "s")
                    + " with other tags (all are in --format json)");
        }
        if (!a.history().isEmpty()) {
            out.println();
            out.println("Allocation history (!verifier 0x80)");
            for (PoolLogEntry e : a.history()) {
                out.println("  " + e.operation().name().toLowerCase(Locale.ROOT) + " " + PoolBlockText.address(e.address()) + " size "
                        + PoolBlockText.size(e.size()) + " thread " + PoolBlockText.address(e.thread()) + " by " + e.caller() + "  ("
                        + e.origin().text() + ")");
            }
        }
    }

    private static void textOwnerAndNext(PrintWriter out, DebuggerAnswer a) {
        if (a.tag().isPresent()) {
            out.println();
            out.println("Owner of " + tagCell(a.tag().get()) + ": " + a.owner().map(c -> c.binary()
                    + c.module().map(m -> " (" + module(m) + ")").orElse("") + ", from the " + c.kind().label() + " at " + c.origin().text())
                    .orElse("not named by any evidence below"));
            if (a.owners().isEmpty()) {
                out.println("  no evidence: no tag file entry, no owner line from the debugger, no tracked caller");
            }
            TextTable t = new TextTable("  Evidence", "Binary", "What it says", "Loaded module", "Line");
            for (OwnerClue c : a.owners()) {
                t.row("  " + c.kind().label(), c.binary().isEmpty() ? "-" : c.binary(), shorten(c.description(), 60),
                        c.module().map(DebuggerReport::module).orElse("-"), c.origin().text());
            }
            if (t.size() > 0) {
                t.print(out, true);
            }
        }
        if (!a.next().isEmpty()) {
            out.println();
            out.println("Next");
            for (NextStep s : a.next()) {
                out.println("  " + s.where() + ">  " + s.command());
                out.println("      " + s.why());
            }
        }
    }

    private static void textUnread(PrintWriter out, DebuggerAnswer a) {
        for (DebuggerLog l : a.logs()) {
            List<LoggedCommand> unknown = l.unknownCommands();
            if (!unknown.isEmpty()) {
                out.println();
                out.println(l.file() + ": " + unknown.size() + (unknown.size() == 1 ? " command" : " commands") + " not read");
                for (int i = 0; i < unknown.size() && i < TEXT_PROBLEMS; i++) {
                    out.println("  " + unknown.get(i).origin().text() + "  " + unknown.get(i).prompt() + " " + unknown.get(i).command());
                }
                if (unknown.size() > TEXT_PROBLEMS) {
                    out.println("  ... " + (unknown.size() - TEXT_PROBLEMS) + " more (all are in --format json)");
                }
            }
            if (!l.problems().isEmpty()) {
                out.println();
                out.println(l.file() + ": " + l.problems().size() + (l.problems().size() == 1 ? " irregular line" : " irregular lines")
                        + " (skipped, or read as far as they go)");
                for (int i = 0; i < l.problems().size() && i < TEXT_PROBLEMS; i++) {
                    LogProblem p = l.problems().get(i);
                    out.println("  " + p.origin().text() + ": " + p.message() + "  [" + p.command() + "]");
                }
                if (l.problems().size() > TEXT_PROBLEMS) {
                    out.println("  ... " + (l.problems().size() - TEXT_PROBLEMS) + " more (all are in --format json)");
                }
            }
        }
    }

    static String module(LoadedModule m) {
        StringBuilder sb = new StringBuilder(m.imageName());
        if (m.unloaded()) {
            sb.append(" (unloaded)");
        }
        if (!m.imagePath().isEmpty()) {
            sb.append(' ').append(m.imagePath());
        }
        String ts = m.details().get("Timestamp");
        if (ts != null) {
            sb.append(", ").append(ts);
        }
        String v = m.details().getOrDefault("File version", m.details().get("FileVersion"));
        if (v != null) {
            sb.append(", version ").append(v);
        }
        return sb.toString();
    }

    static String commandCounts(List<LoggedCommand> commands) {
        Map<CommandKind, Integer> byKind = new EnumMap<>(CommandKind.class);
        commands.forEach(c -> byKind.merge(c.kind(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder();
        sb.append(commands.size()).append(commands.size() == 1 ? " command" : " commands");
        StringBuilder known = new StringBuilder();
        byKind.forEach((k, v) -> {
            if (k != CommandKind.OTHER) {
                known.append(known.isEmpty() ? "" : ", ").append(v).append(' ').append(k.typed());
            }
        });
        if (!known.isEmpty()) {
            sb.append(": ").append(known);
        }
        int other = byKind.getOrDefault(CommandKind.OTHER, 0);
        if (other > 0) {
            sb.append("; ").append(other).append(" not read");
        }
        return sb.toString();
    }

    private static String shorten(String s, int max) {
        return s.length() > max ? s.substring(0, max - 3) + "..." : s;
    }

    // ---------------------------------------------------------------- JSON

    public static ObjectNode json(DebuggerAnswer a) {
        ObjectNode root = Json.object();
        jsonLogs(root, a);
        ObjectNode top = root.putObject("topTags");
        a.topFrom().ifPresentOrElse(o -> top.set("from", PoolBlockJson.origin(o)), () -> top.putNull("from"));
        ArrayNode tags = top.putArray("tags");
        a.topTags().forEach(r -> tags.add(topTag(r)));
        if (a.tag().isPresent()) {
            ObjectNode t = root.putObject("tag");
            t.put("tag", a.tag().get().memoryText());
            t.put("tagValue", a.tag().get().hexText());
            t.put("charLiteral", a.tag().get().charLiteralText());
            t.put("why", a.why());
        } else {
            root.putNull("tag");
            root.put("why", a.why());
        }
        ArrayNode usage = root.putArray("usage");
        for (Usage u : a.usage()) {
            ObjectNode x = topTag(u.row());
            u.time().ifPresentOrElse(ti -> x.put("time", ti.toString()), () -> x.putNull("time"));
            usage.add(x);
        }
        ArrayNode finds = root.putArray("finds");
        a.finds().forEach(f -> finds.add(PoolBlockJson.find(f)));
        ObjectNode blocks = root.putObject("blocks");
        blocks.set("summary", PoolBlockJson.summary(a.summary()));
        blocks.set("hits", PoolBlockJson.blocks(a.blocks()));
        ArrayNode pages = root.putArray("pages");
        for (PageView v : a.pages()) {
            ObjectNode x = pages.addObject();
            x.put("ofTag", v.ofTag());
            x.set("page", PoolBlockJson.page(v.page()));
        }
        Json.<CallerGroup>objects(root, "outstanding", a.outstanding(), (x, g) -> {
            x.put("driver", g.driver());
            x.put("caller", g.caller());
            x.put("count", g.count());
            x.put("bytes", g.bytes());
            ArrayNode ex = x.putArray("examples");
            g.examples().forEach(t -> ex.add(tracked(t)));
        });
        root.put("otherTracked", a.otherTracked());
        ArrayNode history = root.putArray("history");
        for (PoolLogEntry e : a.history()) {
            history.add(logEntry(e));
        }
        a.owner().ifPresentOrElse(c -> root.put("owner", c.binary()), () -> root.putNull("owner"));
        ArrayNode owners = root.putArray("owners");
        for (OwnerClue c : a.owners()) {
            ObjectNode x = owners.addObject();
            x.put("kind", PoolBlockJson.name(c.kind()));
            x.put("binary", c.binary());
            x.put("description", c.description());
            x.set("origin", PoolBlockJson.origin(c.origin()));
            c.module().ifPresentOrElse(m -> x.set("module", module(m, false)), () -> x.putNull("module"));
        }
        ArrayNode next = root.putArray("next");
        for (NextStep s : a.next()) {
            next.addObject().put("where", s.where()).put("command", s.command()).put("why", s.why());
        }
        return root;
    }

    private static void jsonLogs(ObjectNode root, DebuggerAnswer a) {
        Json.<DebuggerLog>objects(root, "logs", a.logs(), (n, l) -> {
            n.put("file", l.file());
            n.put("lines", l.lines());
            Json.<LoggedCommand>objects(n, "commands", l.commands(), (x, c) -> {
                x.set("origin", PoolBlockJson.origin(c.origin()));
                x.put("prompt", c.prompt());
                x.put("command", c.command());
                x.put("kind", c.kind() == CommandKind.OTHER ? "not-read" : PoolBlockJson.name(c.kind()));
                x.put("outputLines", c.outputLines());
            });
            Json.<LogProblem>objects(n, "problems", l.problems(), (x, p) -> {
                x.set("origin", PoolBlockJson.origin(p.origin()));
                x.put("command", p.command());
                x.put("kind", p.kind());
                x.put("message", p.message());
            });
            ArrayNode ver = n.putArray("verifier");
            for (VerifierStatus v : l.verifier()) {
                ver.add(verifier(v));
            }
            ArrayNode mods = n.putArray("modules");
            l.modules().forEach(m -> mods.add(module(m, true)));
        });
    }

    public static void json(PrintWriter out, DebuggerAnswer a) {
        Json.write(out, json(a));
    }

    private static ObjectNode topTag(TopTag t) {
        PoolUsedText.Row r = t.poolused();
        ObjectNode x = Json.object();
        x.put("tag", r.tag().memoryText());
        x.put("tagValue", r.tag().hexText());
        x.put("nonpagedAllocs", r.nonpagedAllocs());
        x.put("nonpagedBytes", r.nonpagedBytes());
        x.put("pagedAllocs", r.pagedAllocs());
        x.put("pagedBytes", r.pagedBytes());
        x.put("totalBytes", r.bytes()); // the sum of the two byte columns of the same line
        x.put("description", t.description());
        x.set("origin", PoolBlockJson.origin(t.origin()));
        return x;
    }

    private static ObjectNode tracked(TrackedAllocation t) {
        ObjectNode x = Json.object();
        x.put("address", PoolBlockJson.hex(t.address()));
        x.put("size", t.size());
        x.put("tag", t.tag().memoryText());
        x.put("driver", t.driver());
        x.put("caller", t.caller());
        x.put("pool", PoolBlockJson.name(t.pool()));
        x.set("origin", PoolBlockJson.origin(t.origin()));
        return x;
    }

    private static ObjectNode logEntry(PoolLogEntry e) {
        ObjectNode x = Json.object();
        x.put("address", PoolBlockJson.hex(e.address()));
        x.put("size", e.size());
        x.put("thread", PoolBlockJson.hex(e.thread()));
        x.put("operation", PoolBlockJson.name(e.operation()));
        x.put("caller", e.caller());
        ArrayNode f = x.putArray("frames");
        e.frames().forEach(f::add);
        x.set("origin", PoolBlockJson.origin(e.origin()));
        return x;
    }

    private static ObjectNode verifier(VerifierStatus v) {
        ObjectNode x = Json.object();
        x.put("command", v.command());
        v.flags().ifPresentOrElse(f -> x.put("flags", PoolBlockJson.hex(f)), () -> x.putNull("flags"));
        ArrayNode en = x.putArray("enabled");
        v.enabled().forEach(en::add);
        ArrayNode dr = x.putArray("drivers");
        for (VerifiedDriver d : v.drivers()) {
            ObjectNode y = dr.addObject();
            y.put("name", d.name());
            y.put("state", d.state());
            y.set("origin", PoolBlockJson.origin(d.origin()));
            if (d.nonpagedAllocations().isPresent() && d.allocationsOrigin().isPresent()) {
                y.putObject("allocations").put("nonpaged", d.nonpagedAllocations().getAsLong()).put("paged", d.pagedAllocations().orElse(0))
                        .set("origin", PoolBlockJson.origin(d.allocationsOrigin().get()));
            }
            if (d.nonpagedBytes().isPresent() && d.bytesOrigin().isPresent()) {
                y.putObject("bytes").put("nonpaged", d.nonpagedBytes().getAsLong()).put("paged", d.pagedBytes().orElse(0))
                        .set("origin", PoolBlockJson.origin(d.bytesOrigin().get()));
            }
        }
        ArrayNode cs = x.putArray("counters");
        for (VerifierCounter c : v.counters()) {
            ObjectNode y = cs.addObject();
            y.put("name", c.name());
            y.put("value", c.value());
            c.bytes().ifPresent(b -> y.put("bytes", b));
            y.set("origin", PoolBlockJson.origin(c.origin()));
        }
        ArrayNode al = x.putArray("allocations");
        v.allocations().forEach(t -> al.add(tracked(t)));
        x.set("origin", PoolBlockJson.origin(v.origin()));
        return x;
    }

    private static ObjectNode module(LoadedModule m, boolean withRange) {
        ObjectNode x = Json.object();
        x.put("name", m.name());
        x.put("imageName", m.imageName());
        if (withRange) {
            x.put("start", PoolBlockJson.hex(m.start()));
            x.put("end", PoolBlockJson.hex(m.end()));
        }
        x.put("symbols", m.symbols());
        x.put("imagePath", m.imagePath());
        x.put("unloaded", m.unloaded());
        ObjectNode d = x.putObject("details");
        m.details().forEach(d::put);
        x.set("origin", PoolBlockJson.origin(m.origin()));
        return x;
    }

    // ---------------------------------------------------------------- HTML

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1100px;color:#1d1d1f;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:22px 0 6px;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:8px 0;width:100%}th,td{text-align:left;padding:3px 8px;border-bottom:1px solid #eee;vertical-align:top}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.at,.at{color:#777;font-size:12px;white-space:nowrap}
            code,pre{font:12px ui-monospace,SFMono-Regular,Consolas,monospace}pre{background:#f6f8fa;padding:8px;border-radius:4px;overflow:auto}
            .why{color:#444}.next td:first-child{color:#555;white-space:nowrap}.problem{color:#7a5200}
            footer{color:#777;font-size:12px;margin-top:24px}
            """;

    /** One self-contained page (inline CSS, no script): the text report's sections as tables, with the lines. */
    public static void html(PrintWriter out, DebuggerAnswer a) {
        StringBuilder sb = new StringBuilder(32 * 1024);
        String title = "pooltags debugger: " + a.tag().map(t -> "tag " + t).orElse("no tag");
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(esc(title))
                .append("</title><style>").append(CSS).append("</style></head><body>");
        sb.append("<h1>").append(esc(title)).append("</h1>");
        for (DebuggerLog l : a.logs()) {
            sb.append("<p class=\"why\"><code>").append(esc(l.file())).append("</code>: ").append(esc(n(l.lines()) + " lines, "
                    + commandCounts(l.commands()))).append("</p>");
        }
        htmlTagAndBlocks(sb, a);
        htmlVerifierAndOwner(sb, a);
        htmlUnread(sb, a);
        sb.append("<footer>pooltags debugger. Every number is shown with the log line it was read from.</footer></body></html>\n");
        out.write(sb.toString());
        out.flush();
    }

    private static void htmlTagAndBlocks(StringBuilder sb, DebuggerAnswer a) {
        if (!a.topTags().isEmpty()) {
            sb.append("<h2>Top tags by bytes</h2><table id=\"top\"><tr><th>Tag</th><th class=\"num\">Nonpaged allocs</th><th class=\"num\">"
                    + "Nonpaged bytes</th><th class=\"num\">Paged allocs</th><th class=\"num\">Paged bytes</th><th>Debugger's description</th>"
                    + "<th>Line</th></tr>");
            for (TopTag r : a.topTags()) {
                PoolUsedText.Row p = r.poolused();
                sb.append("<tr><td><code>").append(esc(tagCell(p.tag()))).append("</code></td>").append(num(p.nonpagedAllocs()))
                        .append(num(p.nonpagedBytes())).append(num(p.pagedAllocs())).append(num(p.pagedBytes())).append("<td>")
                        .append(esc(r.description())).append("</td>").append(at(r.origin())).append("</tr>");
            }
            sb.append("</table>");
        }
        sb.append("<h2>Tag</h2>");
        if (a.tag().isPresent()) {
            PoolTag t = a.tag().get();
            sb.append("<p><code>").append(esc(tagCell(t))).append("</code> (").append(t.hexText()).append(", in a driver's source <code>'")
                    .append(esc(t.charLiteralText())).append("'</code>): ").append(esc(a.why())).append("</p>");
        } else {
            sb.append("<p>").append(esc("No tag to follow: " + a.why() + ".")).append("</p>");
        }
        if (!a.usage().isEmpty()) {
            sb.append("<table id=\"usage\"><tr><th>Time</th><th class=\"num\">Nonpaged allocs</th><th class=\"num\">Nonpaged bytes</th>"
                    + "<th class=\"num\">Paged allocs</th><th class=\"num\">Paged bytes</th><th>Line</th></tr>");
            for (Usage u : a.usage()) {
                PoolUsedText.Row p = u.row().poolused();
                sb.append("<tr><td>").append(esc(u.time().map(Object::toString).orElse("-"))).append("</td>").append(num(p.nonpagedAllocs()))
                        .append(num(p.nonpagedBytes())).append(num(p.pagedAllocs())).append(num(p.pagedBytes()))
                        .append(at(u.origin())).append("</tr>");
            }
            sb.append("</table>");
        }
        if (!a.finds().isEmpty()) {
            sb.append("<h2>Blocks with the tag (!poolfind)</h2>");
            for (PoolFindResult f : a.finds()) {
                StringWriter w = new StringWriter();
                PoolBlockText.find(new PrintWriter(w), f, PoolBlockText.DEFAULT_PAGES);
                sb.append("<pre>").append(esc(w.toString())).append("</pre>");
            }
        }
        if (!a.pages().isEmpty()) {
            sb.append("<h2>Blocks under inspection (!pool)</h2>");
            for (PageView v : a.pages()) {
                StringWriter w = new StringWriter();
                PoolBlockText.page(new PrintWriter(w), v.page());
                sb.append("<pre").append(v.ofTag() ? " class=\"of-tag\"" : "").append(">").append(esc(w.toString())).append("</pre>");
            }
        }
    }

    private static void htmlVerifierAndOwner(StringBuilder sb, DebuggerAnswer a) {
        if (!a.outstanding().isEmpty()) {
            sb.append("<h2>Outstanding allocations (!verifier 3)</h2><table id=\"outstanding\"><tr><th>Driver</th><th class=\"num\">Count</th>"
                    + "<th class=\"num\">Bytes</th><th>Caller</th><th>First row</th></tr>");
            for (CallerGroup g : a.outstanding()) {
                sb.append("<tr><td>").append(esc(g.driver())).append("</td>").append(num(g.count())).append(num(g.bytes())).append("<td><code>")
                        .append(esc(g.caller())).append("</code></td>").append(at(g.examples().get(0).origin())).append("</tr>");
            }
            sb.append("</table>");
        }
        if (!a.history().isEmpty()) {
            sb.append("<h2>Allocation history (!verifier 0x80)</h2><table id=\"history\"><tr><th>Operation</th><th>Block</th>"
                    + "<th class=\"num\">Size</th><th>Caller</th><th>Line</th></tr>");
            for (PoolLogEntry e : a.history()) {
                sb.append("<tr><td>").append(e.operation().name().toLowerCase(Locale.ROOT)).append("</td><td><code>")
                        .append(PoolBlockText.address(e.address())).append("</code></td>").append(num(e.size())).append("<td><code>")
                        .append(esc(e.caller())).append("</code></td>").append(at(e.origin())).append("</tr>");
            }
            sb.append("</table>");
        }
        if (a.tag().isPresent()) {
            sb.append("<h2>Owner</h2><p id=\"owner\">").append(esc(a.owner().map(c -> c.binary() + c.module().map(m -> " (" + module(m) + ")")
                    .orElse("") + ", from the " + c.kind().label() + " at " + c.origin().text()).orElse("not named by any evidence below")))
                    .append("</p><table id=\"owners\"><tr><th>Evidence</th><th>Binary</th><th>What it says</th><th>Loaded module</th>"
                    + "<th>Line</th></tr>");
            for (OwnerClue c : a.owners()) {
                sb.append("<tr><td>").append(esc(c.kind().label())).append("</td><td><code>").append(esc(c.binary())).append("</code></td><td>")
                        .append(esc(c.description())).append("</td><td>").append(esc(c.module().map(DebuggerReport::module).orElse("-")))
                        .append("</td>").append(at(c.origin())).append("</tr>");
            }
            sb.append("</table>");
        }
        if (!a.next().isEmpty()) {
            sb.append("<h2>Next</h2><table class=\"next\" id=\"next\">");
            for (NextStep s : a.next()) {
                sb.append("<tr><td>").append(esc(s.where())).append("</td><td><code>").append(esc(s.command())).append("</code><br>")
                        .append(esc(s.why())).append("</td></tr>");
            }
            sb.append("</table>");
        }
    }

    private static void htmlUnread(StringBuilder sb, DebuggerAnswer a) {
        for (DebuggerLog l : a.logs()) {
            if (l.problems().isEmpty() && l.unknownCommands().isEmpty()) {
                continue;
            }
            sb.append("<h2>Not read and irregular lines in ").append(esc(l.file())).append("</h2><table class=\"problems\">");
            for (LoggedCommand c : l.unknownCommands()) {
                sb.append("<tr><td>command</td><td><code>").append(esc(c.prompt() + " " + c.command())).append("</code></td>")
                        .append(at(c.origin())).append("</tr>");
            }
            for (LogProblem p : l.problems()) {
                sb.append("<tr class=\"problem\"><td>").append(esc(p.kind())).append("</td><td>").append(esc(p.message())).append("</td>")
                        .append(at(p.origin())).append("</tr>");
            }
            sb.append("</table>");
        }
    }

    private static String num(long v) {
        return "<td class=\"num\">" + n(v) + "</td>";
    }

    private static String at(Origin o) {
        return "<td class=\"at\">" + esc(o.text()) + "</td>";
    }

    private static String esc(String s) {
        return LeakHtml.esc(s);
    }
}
