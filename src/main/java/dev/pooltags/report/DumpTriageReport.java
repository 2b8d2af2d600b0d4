package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.dump.FleetTriage;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.stream.Collectors;

/** The table of a folder of dumps, grouped by bug check and suspect: text, JSON and a self-contained HTML page. */
public final class DumpTriageReport {
    private DumpTriageReport() {}

    /** The formats of {@code pooltags dump} over several dumps: text (the default), json and html. */
    public static final Renderers<FleetTriage> RENDERERS = Renderers.<FleetTriage>of("text", DumpTriageReport::text)
            .and("json", DumpTriageReport::json).and("html", DumpTriageReport::html);

    public static void text(PrintWriter out, FleetTriage t) {
        out.printf("%d dumps read, %d groups by bug check and suspect%s%n", t.dumps(), t.groups().size(),
                t.unreadable().isEmpty() ? "" : ", " + t.unreadable().size() + " files not read");
        out.println();
        TextTable tt = new TextTable(">Dumps", "Bug check", "Name", "Suspect", "Evidence", "First", "Last", "Builds");
        for (FleetTriage.Group g : t.groups()) {
            tt.row(g.count(), String.format("0x%X", g.bugCheck()), g.name(), g.suspect(), g.origin().equals("crash") ? g.evidence() : g.origin(),
                    time(g.first()), time(g.last()), g.builds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        tt.print(out, true);
        for (FleetTriage.Group g : t.groups()) {
            out.println();
            out.printf("0x%X %s, suspect %s: %s%n", g.bugCheck(), g.name(), g.suspect(), String.join(", ", g.files()));
        }
        if (!t.unreadable().isEmpty()) {
            out.println();
            out.println("Not read:");
            for (FleetTriage.Unreadable u : t.unreadable()) {
                out.println("  " + u.file() + ": " + u.why());
            }
        }
        out.flush();
    }

    static String time(Instant i) {
        return i == null ? "-" : i.toString().replace("T", " ").replaceAll("\\.\\d+Z$", "Z");
    }

    public static void json(PrintWriter out, FleetTriage t) {
        ObjectNode root = Json.object();
        root.put("dumps", t.dumps());
        ArrayNode groups = root.putArray("groups");
        for (FleetTriage.Group g : t.groups()) {
            ObjectNode n = groups.addObject();
            n.put("bugCheck", String.format("0x%X", g.bugCheck()));
            n.put("name", g.name());
            n.put("origin", g.origin());
            n.put("suspect", g.suspect());
            n.put("evidence", g.evidence());
            n.put("count", g.count());
            n.put("first", g.first() == null ? null : g.first().toString());
            n.put("last", g.last() == null ? null : g.last().toString());
            ArrayNode b = n.putArray("builds");
            g.builds().forEach(b::add);
            ArrayNode f = n.putArray("files");
            g.files().forEach(f::add);
        }
        ArrayNode un = root.putArray("unreadable");
        for (FleetTriage.Unreadable u : t.unreadable()) {
            un.addObject().put("file", u.file()).put("why", u.why());
        }
        Json.write(out, root);
    }

    public static void html(PrintWriter out, FleetTriage t) {
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>pooltags: crash dump triage</title>");
        out.println("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
                + "th,td{border-bottom:1px solid #ddd;padding:.3em .8em;text-align:left;vertical-align:top}th{background:#f4f4f4}"
                + "td.n{text-align:right}code{font-size:.95em}.files{color:#555;font-size:.9em}</style></head><body>");
        out.printf("<h1>Crash dump triage</h1>%n<p>%d dumps read, %d groups by bug check and suspect driver%s.</p>%n", t.dumps(), t.groups().size(),
                t.unreadable().isEmpty() ? "" : ", " + t.unreadable().size() + " files not read");
        out.println("<table><thead><tr><th>Dumps</th><th>Bug check</th><th>Name</th><th>Suspect</th><th>Evidence</th><th>First</th><th>Last</th><th>Builds</th></tr></thead><tbody>");
        for (FleetTriage.Group g : t.groups()) {
            out.printf("<tr><td class=\"n\">%d</td><td><code>0x%X</code></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n",
                    g.count(), g.bugCheck(), esc(g.name()), esc(g.suspect()), esc(g.origin().equals("crash") ? g.evidence() : g.origin()),
                    time(g.first()), time(g.last()), esc(g.builds().stream().map(String::valueOf).collect(Collectors.joining(", "))));
            out.printf("<tr><td></td><td colspan=\"7\" class=\"files\">%s</td></tr>%n", esc(String.join(", ", g.files())));
        }
        out.println("</tbody></table>");
        if (!t.unreadable().isEmpty()) {
            out.println("<h2>Not read</h2><ul>");
            for (FleetTriage.Unreadable u : t.unreadable()) {
                out.printf("<li><code>%s</code>: %s</li>%n", esc(u.file()), esc(u.why()));
            }
            out.println("</ul>");
        }
        out.println("</body></html>");
        out.flush();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
