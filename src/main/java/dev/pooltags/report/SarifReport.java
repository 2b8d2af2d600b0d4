package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.lint.Finding;
import dev.pooltags.lint.Fix;
import dev.pooltags.lint.LintResult;
import dev.pooltags.lint.Location;
import dev.pooltags.lint.Rule;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders lint findings as SARIF 2.1.0 for GitHub code scanning and the Visual Studio SARIF viewer: one run, the
 * rules with their help text and default level, results with physical locations relative to {@code %SRCROOT%}
 * (the current folder), related locations, {@code fixes} where a rule knows the change, and suppressed findings
 * marked with an in-source suppression rather than dropped.
 */
public final class SarifReport {
    private static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final String ROOT = "%SRCROOT%";

    private SarifReport() {}

    public static void write(PrintWriter out, LintResult r, List<Rule> rules, String version, Path srcRoot) {
        ObjectNode root = Json.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "pooltags");
        driver.put("semanticVersion", version);
        Map<String, Integer> index = new HashMap<>();
        ArrayNode rs = driver.putArray("rules");
        for (Rule rule : rules) {
            index.put(rule.id(), index.size());
            ObjectNode o = rs.addObject();
            o.put("id", rule.id());
            o.put("name", rule.name());
            o.putObject("shortDescription").put("text", rule.title());
            o.putObject("fullDescription").put("text", rule.help());
            o.putObject("help").put("text", rule.help());
            o.putObject("defaultConfiguration").put("level", rule.severity().word());
        }
        run.putObject("originalUriBaseIds").putObject(ROOT).put("uri", srcRoot.toUri().toString());
        ArrayNode results = run.putArray("results");
        for (Finding f : r.findings()) {
            ObjectNode o = results.addObject();
            o.put("ruleId", f.ruleId());
            Integer ri = index.get(f.ruleId());
            if (ri != null) {
                o.put("ruleIndex", ri);
            }
            o.put("level", f.severity().word());
            o.putObject("message").put("text", f.message());
            o.putArray("locations").addObject().set("physicalLocation", physical(f.where()));
            if (!f.related().isEmpty()) {
                ArrayNode rel = o.putArray("relatedLocations");
                int id = 1;
                for (Finding.Related x : f.related()) {
                    ObjectNode ro = rel.addObject();
                    ro.put("id", id++);
                    ro.set("physicalLocation", physical(x.where()));
                    ro.putObject("message").put("text", x.message());
                }
            }
            if (!f.flow().isEmpty()) {
                ArrayNode steps = o.putArray("codeFlows").addObject().putArray("threadFlows").addObject()
                        .putArray("locations");
                for (Finding.Related x : f.flow()) {
                    ObjectNode loc = steps.addObject().putObject("location");
                    loc.set("physicalLocation", physical(x.where()));
                    loc.putObject("message").put("text", x.message());
                }
            }
            if (f.fix() != null) {
                ObjectNode fix = o.putArray("fixes").addObject();
                fix.putObject("description").put("text", f.fix().description());
                ArrayNode changes = fix.putArray("artifactChanges");
                Map<String, ArrayNode> byFile = new HashMap<>();
                for (Fix.Replacement rep : f.fix().replacements()) {
                    ArrayNode reps = byFile.computeIfAbsent(rep.region().file(), file -> {
                        ObjectNode ch = changes.addObject();
                        ch.set("artifactLocation", artifact(file));
                        return ch.putArray("replacements");
                    });
                    ObjectNode ro = reps.addObject();
                    ro.set("deletedRegion", region(rep.region()));
                    ro.putObject("insertedContent").put("text", rep.text());
                }
            }
            if (f.suppressed()) {
                o.putArray("suppressions").addObject().put("kind", "inSource");
            }
        }
        ObjectNode inv = run.putArray("invocations").addObject();
        inv.put("executionSuccessful", true);
        if (!r.notices().isEmpty()) {
            ArrayNode notes = inv.putArray("toolExecutionNotifications");
            for (String n : r.notices()) {
                ObjectNode o = notes.addObject();
                o.put("level", "note");
                o.putObject("message").put("text", n);
            }
        }
        Json.write(out, root);
    }

    private static ObjectNode physical(Location w) {
        ObjectNode p = Json.object();
        p.set("artifactLocation", artifact(w.file()));
        p.set("region", region(w));
        return p;
    }

    private static ObjectNode artifact(String file) {
        ObjectNode a = Json.object();
        if (Path.of(file).isAbsolute()) {
            a.put("uri", Path.of(file).toUri().toString());
        } else {
            a.put("uri", URI.create(encode(file)).toString());
            a.put("uriBaseId", ROOT);
        }
        return a;
    }

    /** A relative path as a URI reference: each segment percent-encoded where needed. */
    static String encode(String path) {
        StringBuilder sb = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        }
        return sb.toString();
    }

    private static ObjectNode region(Location w) {
        ObjectNode r = Json.object();
        r.put("startLine", w.line());
        r.put("startColumn", w.col());
        if (w.start() >= 0) {
            r.put("endLine", w.endLine());
            r.put("endColumn", Math.max(w.endCol(), w.line() == w.endLine() ? w.col() : 1));
        }
        return r;
    }
}
