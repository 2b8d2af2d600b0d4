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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Renders lint findings as SARIF 2.1.0 for GitHub code scanning and the Visual Studio SARIF viewer: one run; the
 * rules with their help text, default level, {@code helpUri} and the properties code scanning sorts and filters by
 * ({@code tags}, {@code precision}, {@code problem.severity}, {@code security-severity} for rules whose findings
 * bug-check the machine); results with physical locations relative to {@code %SRCROOT%} (the source root), related
 * locations, code flows, {@code fixes} where a rule knows the change, {@code partialFingerprints} that keep a
 * finding's identity across commits, and suppressed findings marked with an in-source suppression rather than
 * dropped. Paths in messages are relative to the source root too: no absolute path leaves the machine.
 */
public final class SarifReport {
    private static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final String ROOT = "%SRCROOT%";
    /** GitHub shows at most this many characters of a rule's full description. */
    static final int DESCRIPTION_LIMIT = 1024;

    private SarifReport() {}

    /**
     * Writes the run. Findings name files as the linter showed them (relative to {@code cwd}, or absolute outside
     * it); here they become relative to {@code srcRoot}. {@code lineText} gives the text of a line of a file as
     * shown (or null), for the line fingerprints.
     */
    public static void write(PrintWriter out, LintResult r, List<Rule> rules, String version, Path srcRoot, Path cwd,
            BiFunction<String, Integer, String> lineText) {
        Paths paths = new Paths(srcRoot.toAbsolutePath().normalize(), cwd.toAbsolutePath().normalize());
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
            describe(rs.addObject(), rule);
        }
        run.putObject("originalUriBaseIds").putObject(ROOT).put("uri", paths.srcRoot.toUri().toString());
        ArrayNode results = run.putArray("results");
        Map<String, Integer> lineHashes = new HashMap<>();
        Map<String, Integer> findingHashes = new HashMap<>();
        for (Finding f : r.findings()) {
            ObjectNode o = results.addObject();
            o.put("ruleId", f.ruleId());
            Integer ri = index.get(f.ruleId());
            if (ri != null) {
                o.put("ruleIndex", ri);
            }
            o.put("level", f.severity().word());
            o.putObject("message").put("text", paths.inText(f.message(), f));
            o.putArray("locations").addObject().set("physicalLocation", physical(f.where(), paths));
            ObjectNode fp = o.putObject("partialFingerprints");
            String file = paths.relative(f.where().file());
            String line = lineText.apply(f.where().file(), f.where().line());
            // the line's text without blanks: the same where the line moves, different when it changes
            String lineHash = hash(line != null ? line.replaceAll("\\s+", "")
                    : f.ruleId() + "\u0000" + withoutPositions(f.message())).substring(0, 16);
            String lineKey = file + "\u0000" + lineHash;
            int n = lineHashes.merge(lineKey, 1, Integer::sum);
            fp.put("primaryLocationLineHash", lineHash + ":" + n);
            String identity = hash(f.ruleId() + "\u0000" + file + "\u0000" + withoutPositions(paths.inText(f.message(), f)))
                    .substring(0, 32);
            int m = findingHashes.merge(identity, 1, Integer::sum);
            fp.put("pooltagsFinding/v1", identity + ":" + m);
            relatedFlowAndFix(o, f, paths);
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
                o.putObject("message").put("text", paths.inText(n, null));
            }
        }
        Json.write(out, root);
    }

    private static void relatedFlowAndFix(ObjectNode o, Finding f, Paths paths) {
        if (!f.related().isEmpty()) {
            ArrayNode rel = o.putArray("relatedLocations");
            int id = 1;
            for (Finding.Related x : f.related()) {
                ObjectNode ro = rel.addObject();
                ro.put("id", id++);
                ro.set("physicalLocation", physical(x.where(), paths));
                ro.putObject("message").put("text", paths.inText(x.message(), f));
            }
        }
        if (!f.flow().isEmpty()) {
            ArrayNode steps = o.putArray("codeFlows").addObject().putArray("threadFlows").addObject()
                    .putArray("locations");
            for (Finding.Related x : f.flow()) {
                ObjectNode loc = steps.addObject().putObject("location");
                loc.set("physicalLocation", physical(x.where(), paths));
                loc.putObject("message").put("text", paths.inText(x.message(), f));
            }
        }
        if (f.fix() != null) {
            ObjectNode fix = o.putArray("fixes").addObject();
            fix.putObject("description").put("text", f.fix().description());
            ArrayNode changes = fix.putArray("artifactChanges");
            Map<String, ArrayNode> byFile = new HashMap<>();
            for (Fix.Replacement rep : f.fix().replacements()) {
                ArrayNode reps = byFile.computeIfAbsent(rep.region().file(), x -> {
                    ObjectNode ch = changes.addObject();
                    ch.set("artifactLocation", artifact(x, paths));
                    return ch.putArray("replacements");
                });
                ObjectNode ro = reps.addObject();
                ro.set("deletedRegion", region(rep.region()));
                ro.putObject("insertedContent").put("text", rep.text());
            }
        }
    }

    /** A rule as SARIF's reportingDescriptor: its texts, help link, level and GitHub code scanning properties. */
    private static void describe(ObjectNode o, Rule rule) {
        Rule.Meta meta = rule.meta();
        o.put("id", rule.id());
        o.put("name", rule.name());
        o.putObject("shortDescription").put("text", rule.title());
        o.putObject("fullDescription").put("text", shortened(rule.help(), DESCRIPTION_LIMIT));
        o.put("helpUri", meta.helpUri());
        ObjectNode help = o.putObject("help");
        help.put("text", rule.help() + " See " + meta.helpUri());
        help.put("markdown", "**" + rule.id() + " " + rule.title() + "**\n\n" + rule.help() + "\n\n[Microsoft's documentation]("
                + meta.helpUri() + ")");
        o.putObject("defaultConfiguration").put("level", rule.severity().word());
        ObjectNode props = o.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        meta.tags().forEach(tags::add);
        props.put("precision", meta.precision());
        props.put("problem.severity", switch (rule.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "recommendation";
        });
        if (meta.securitySeverity() != null) {
            props.put("security-severity", meta.securitySeverity());
        }
    }

    /** The text cut at the last sentence end within {@code limit} characters (or at a word, if none). */
    static String shortened(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = text.lastIndexOf(". ", limit - 1);
        if (cut > limit / 2) {
            return text.substring(0, cut + 1);
        }
        int space = text.lastIndexOf(' ', limit - 2);
        return text.substring(0, space > 0 ? space : limit - 1) + "…";
    }

    /** A message without the places in it, so a finding keeps its identity when lines move. */
    static String withoutPositions(String message) {
        return message.replaceAll("\\(\\d+,\\d+\\)", "").replaceAll("\\bline \\d+", "line");
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** File names as the linter showed them, rebased on the source root. */
    private static final class Paths {
        final Path srcRoot;
        final Path cwd;
        final Map<String, String> cache = new HashMap<>();

        Paths(Path srcRoot, Path cwd) {
            this.srcRoot = srcRoot;
            this.cwd = cwd;
        }

        /** The file relative to the source root ('/' separated), or as an absolute path when it is outside it. */
        String relative(String shown) {
            return cache.computeIfAbsent(shown, s -> {
                Path p = Path.of(s);
                Path abs = (p.isAbsolute() ? p : cwd.resolve(p)).normalize();
                if (!abs.startsWith(srcRoot)) {
                    return abs.toString().replace('\\', '/');
                }
                String rel = srcRoot.relativize(abs).toString().replace('\\', '/');
                return rel.isEmpty() ? "." : rel;
            });
        }

        boolean inside(String shown) {
            return !Path.of(relative(shown)).isAbsolute();
        }

        /**
         * A message with the file names it mentions rebased: those of the finding's places, and any path under the
         * source root written out in full.
         */
        String inText(String text, Finding f) {
            Set<String> names = new LinkedHashSet<>();
            if (f != null) {
                names.add(f.where().file());
                f.related().forEach(x -> names.add(x.where().file()));
                f.flow().forEach(x -> names.add(x.where().file()));
            }
            String out = text;
            List<String> sorted = new ArrayList<>(names);
            sorted.sort((a, b) -> b.length() - a.length());
            for (String n : sorted) {
                String rel = relative(n);
                if (!rel.equals(n) && inside(n)) {
                    out = out.replace(n, rel);
                }
            }
            String prefix = srcRoot.toString().replace('\\', '/') + "/";
            out = out.replace(prefix, "");
            if (!srcRoot.equals(cwd) && srcRoot.startsWith(cwd)) {
                // folders named relative to the current folder, which lies above the source root
                String below = cwd.relativize(srcRoot).toString().replace('\\', '/') + "/";
                out = out.replace(below, "");
            }
            return out;
        }
    }

    private static ObjectNode physical(Location w, Paths paths) {
        ObjectNode p = Json.object();
        p.set("artifactLocation", artifact(w.file(), paths));
        p.set("region", region(w));
        return p;
    }

    private static ObjectNode artifact(String file, Paths paths) {
        ObjectNode a = Json.object();
        String rel = paths.relative(file);
        if (Path.of(rel).isAbsolute()) {
            a.put("uri", Path.of(rel).toUri().toString());
        } else {
            a.put("uri", URI.create(encode(rel)).toString());
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
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
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
        r.put("endLine", w.start() >= 0 ? w.endLine() : w.line());
        r.put("endColumn", w.start() >= 0 ? Math.max(w.endCol(), w.line() == w.endLine() ? w.col() : 1) : w.col() + 1);
        return r;
    }
}
