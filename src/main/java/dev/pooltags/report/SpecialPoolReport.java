package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.specialpool.DocPage;
import dev.pooltags.specialpool.SpecialPoolPlan;
import dev.pooltags.specialpool.SpecialPoolPlan.Note;
import dev.pooltags.specialpool.SpecialPoolPlan.Step;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code pooltags special-pool}: the plan as text (grouped by how it is set, each step with the page it follows), as a
 * {@code .reg} file (the documented registry values, CR LF, ASCII) or as JSON
 * ({@code {value, tag, pattern, sizes, underruns, driver, steps:[{section, when, command, what, page, url}],
 * notes:[{text, page, url}], pages:[{title, url}]}}).
 */
public final class SpecialPoolReport {
    private SpecialPoolReport() {}

    /** The formats of {@code pooltags special-pool}: text (the default), reg (turning it off when {@code off}) and json. */
    public static Renderers<SpecialPoolPlan> renderers(boolean off) {
        return Renderers.<SpecialPoolPlan>of("text", SpecialPoolReport::text).and("reg", (out, p) -> reg(out, p, off))
                .and("json", SpecialPoolReport::json);
    }

    private static String subject(SpecialPoolPlan p) {
        return p.tag().map(t -> "tag " + TextTable.tagCell(t.memoryText()) + " (" + p.valueText() + "; in a driver's source '" + t.charLiteralText() + "')")
                .or(() -> p.pattern().map(x -> "tags matching " + x + " (" + p.valueText() + ")"))
                .orElseGet(() -> "allocations of " + p.sizeRange().get()[0] + " to " + p.sizeRange().get()[1] + " bytes (" + p.valueText() + ")");
    }

    public static void text(PrintWriter out, SpecialPoolPlan p) {
        out.println("Special pool for " + subject(p) + (p.underruns() ? ", Verify Start (underruns)" : ", Verify End (overruns)"));
        section(out, p, "gflags", "Windows Vista and later (Windows 10, 11), at an elevated command prompt on the target "
                + "(gflags.exe comes with the Debugging Tools for Windows):");
        section(out, p, "registry", "The registry value GFlags writes, without GFlags (Windows Vista and later; takes effect at the next restart):");
        section(out, p, "older", "Windows XP and Windows Server 2003:");
        section(out, p, "verifier", "Driver Verifier for the driver itself (all of its allocations, whatever their tag):");
        section(out, p, "off", "Turning it off again:");
        out.println();
        out.println("Good to know:");
        for (Note n : p.notes()) {
            out.println("  - " + n.text() + " [" + n.page().title() + "]");
        }
        out.println();
        out.println("This follows:");
        for (DocPage d : p.pages()) {
            out.println("  " + d.title() + "  " + d.url());
        }
        out.flush();
    }

    private static void section(PrintWriter out, SpecialPoolPlan p, String section, String heading) {
        boolean first = true;
        for (Step s : p.steps()) {
            if (!s.section().equals(section)) {
                continue;
            }
            if (first) {
                out.println();
                out.println(heading);
                first = false;
            }
            out.println("  " + s.command());
            out.println("      " + (s.when().isEmpty() ? "" : s.when() + ": ") + s.what() + "  [" + s.page().title() + "]");
        }
    }

    /** A .reg file that sets (or, with {@code off}, deletes) the values; regedit reads it, {@code reg import} too. */
    public static void reg(PrintWriter out, SpecialPoolPlan p, boolean off) {
        StringBuilder sb = new StringBuilder();
        sb.append("Windows Registry Editor Version 5.00\r\n\r\n");
        sb.append("; pooltags special-pool: ").append(off ? "removes the special-pool request (PoolTag)" : "special pool for " + subject(p))
                .append("\r\n");
        sb.append("; takes effect at the next restart; the same values gflags /r ").append(off ? "-spp" : "+spp").append(" writes\r\n");
        sb.append("; ").append(DocPage.GFLAGS_DETAILS.title()).append(": ").append(DocPage.GFLAGS_DETAILS.url()).append("\r\n");
        sb.append("; ").append(DocPage.EXAMPLE_14.title()).append(": ").append(DocPage.EXAMPLE_14.url()).append("\r\n");
        if (!off) {
            sb.append("; only one special-pool tag (or size) is in effect on a machine: this replaces any earlier one\r\n");
            sb.append("; to turn it off: gflags /r -spp, or import the file pooltags special-pool --off --format reg writes, and restart\r\n");
        }
        sb.append("\r\n[").append(SpecialPoolPlan.KEY).append("]\r\n");
        if (off) {
            sb.append('"').append(SpecialPoolPlan.POOL_TAG).append("\"=-\r\n");
        } else {
            sb.append('"').append(SpecialPoolPlan.POOL_TAG).append("\"=dword:").append(String.format(Locale.ROOT, "%08x", p.value())).append("\r\n");
            sb.append('"').append(SpecialPoolPlan.POOL_TAG_OVERRUNS).append("\"=dword:").append(p.underruns() ? "00000000" : "00000001")
                    .append("\r\n");
        }
        out.write(sb.toString());
        out.flush();
    }

    public static ObjectNode json(SpecialPoolPlan p) {
        ObjectNode root = Json.object();
        root.put("value", p.valueText());
        p.tag().ifPresentOrElse(t -> root.put("tag", t.memoryText()), () -> root.putNull("tag"));
        p.pattern().ifPresentOrElse(x -> root.put("pattern", x), () -> root.putNull("pattern"));
        p.sizeRange().ifPresentOrElse(r -> root.putObject("sizes").put("from", r[0]).put("to", r[1]), () -> root.putNull("sizes"));
        root.put("underruns", p.underruns());
        p.driver().ifPresentOrElse(d -> root.put("driver", d), () -> root.putNull("driver"));
        root.put("registryKey", SpecialPoolPlan.KEY);
        ArrayNode steps = root.putArray("steps");
        for (Step s : p.steps()) {
            steps.addObject().put("section", s.section()).put("when", s.when()).put("command", s.command()).put("what", s.what())
                    .put("page", s.page().title()).put("url", s.page().url());
        }
        ArrayNode notes = root.putArray("notes");
        for (Note n : p.notes()) {
            notes.addObject().put("text", n.text()).put("page", n.page().title()).put("url", n.page().url());
        }
        ArrayNode pages = root.putArray("pages");
        p.pages().forEach(d -> pages.addObject().put("title", d.title()).put("url", d.url()));
        return root;
    }

    public static void json(PrintWriter out, SpecialPoolPlan p) {
        Json.write(out, json(p));
    }
}
