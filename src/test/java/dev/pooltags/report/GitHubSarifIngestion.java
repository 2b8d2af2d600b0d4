package dev.pooltags.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What GitHub code scanning requires of an uploaded SARIF file, checked the way its documentation states it
 * ("SARIF support for code scanning": the required properties of sarifLog, run, toolComponent, reportingDescriptor,
 * result, location and physicalLocation; the value sets of level, precision and problem.severity; the range of
 * security-severity; the limits on runs, results, rules, tags and locations; fingerprints; relative file paths),
 * plus pooltags' own promise that no absolute path appears in a message. Returns one line per problem.
 */
final class GitHubSarifIngestion {
    private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");
    private static final Set<String> PRECISIONS = Set.of("very-high", "high", "medium", "low");
    private static final Set<String> PROBLEM_SEVERITIES = Set.of("error", "warning", "recommendation");
    private static final Pattern ABSOLUTE = Pattern.compile("(^|[\\s(\"'])(/[^\\s/]+/|[A-Za-z]:[\\\\/]|file:)");

    private GitHubSarifIngestion() {}

    static List<String> problems(JsonNode log) {
        List<String> out = new ArrayList<>();
        require(out, log, "$schema", "sarifLog");
        if (!"2.1.0".equals(log.path("version").asText())) {
            out.add("sarifLog.version must be 2.1.0");
        }
        JsonNode runs = log.path("runs");
        if (!runs.isArray() || runs.isEmpty() || runs.size() > 20) {
            out.add("runs[] must hold 1 to 20 runs");
        }
        for (JsonNode run : runs) {
            JsonNode driver = run.path("tool").path("driver");
            nonEmpty(out, driver, "name", "tool.driver");
            JsonNode rules = driver.path("rules");
            if (!rules.isArray() || rules.size() > 25_000) {
                out.add("tool.driver.rules[] is required, at most 25,000");
            }
            Set<String> ids = new HashSet<>();
            for (JsonNode rule : rules) {
                String id = rule.path("id").asText("");
                String where = "rule " + id;
                if (id.isEmpty() || !ids.add(id)) {
                    out.add(where + ": id is required and unique");
                }
                if (rule.path("name").asText("").length() > 255) {
                    out.add(where + ": name is limited to 255 characters");
                }
                for (String text : new String[] {"shortDescription", "fullDescription"}) {
                    String t = rule.path(text).path("text").asText("");
                    if (t.isEmpty() || t.length() > 1024) {
                        out.add(where + ": " + text + ".text is required, at most 1,024 characters");
                    }
                }
                nonEmpty(out, rule.path("help"), "text", where + ".help");
                String level = rule.path("defaultConfiguration").path("level").asText("warning");
                if (!Set.of("note", "warning", "error").contains(level)) {
                    out.add(where + ": defaultConfiguration.level must be note, warning or error");
                }
                JsonNode props = rule.path("properties");
                if (props.has("tags") && (!props.get("tags").isArray() || props.get("tags").size() > 20)) {
                    out.add(where + ": properties.tags[] holds at most 20 strings");
                }
                if (props.has("precision") && !PRECISIONS.contains(props.get("precision").asText())) {
                    out.add(where + ": properties.precision must be very-high, high, medium or low");
                }
                if (props.has("problem.severity") && !PROBLEM_SEVERITIES.contains(props.get("problem.severity").asText())) {
                    out.add(where + ": properties.problem.severity must be error, warning or recommendation");
                }
                if (props.has("security-severity")) {
                    double s;
                    try {
                        s = Double.parseDouble(props.get("security-severity").asText());
                    } catch (NumberFormatException e) {
                        s = -1;
                    }
                    if (!props.get("security-severity").isTextual() || s <= 0 || s > 10) {
                        out.add(where + ": properties.security-severity must be a string holding a score in (0, 10]");
                    }
                    boolean security = false;
                    for (JsonNode t : props.path("tags")) {
                        security |= t.asText().equals("security");
                    }
                    if (!security) {
                        out.add(where + ": security-severity is for rules tagged security");
                    }
                }
                if (rule.has("helpUri") && !rule.get("helpUri").asText().startsWith("https://")) {
                    out.add(where + ": helpUri should be an https address");
                }
            }
            JsonNode results = run.path("results");
            if (!results.isArray() || results.size() > 25_000) {
                out.add("results[] is required, at most 25,000 a run");
            }
            int n = 0;
            for (JsonNode r : results) {
                String where = "result " + n++ + " (" + r.path("ruleId").asText() + ")";
                nonEmpty(out, r.path("message"), "text", where + ".message");
                message(out, r.path("message").path("text").asText(""), where);
                if (r.has("ruleId") && !ids.contains(r.get("ruleId").asText())) {
                    out.add(where + ": ruleId names no rule of the driver");
                }
                if (r.has("ruleIndex") && !rules.path(r.get("ruleIndex").asInt()).path("id").asText()
                        .equals(r.path("ruleId").asText())) {
                    out.add(where + ": ruleIndex does not point at the rule ruleId names");
                }
                if (r.has("level") && !LEVELS.contains(r.get("level").asText())) {
                    out.add(where + ": level must be none, note, warning or error");
                }
                JsonNode locations = r.path("locations");
                if (!locations.isArray() || locations.isEmpty() || locations.size() > 1000) {
                    out.add(where + ": locations[] must hold 1 to 1,000 locations");
                }
                for (JsonNode l : locations) {
                    physical(out, l.path("physicalLocation"), where + ".locations");
                }
                String hash = r.path("partialFingerprints").path("primaryLocationLineHash").asText("");
                if (hash.isEmpty()) {
                    out.add(where + ": partialFingerprints.primaryLocationLineHash is required");
                }
                for (JsonNode l : r.path("relatedLocations")) {
                    physical(out, l.path("physicalLocation"), where + ".relatedLocations");
                    message(out, l.path("message").path("text").asText(""), where + ".relatedLocations");
                }
                for (JsonNode flow : r.path("codeFlows")) {
                    for (JsonNode thread : flow.path("threadFlows")) {
                        JsonNode steps = thread.path("locations");
                        if (!steps.isArray() || steps.isEmpty() || steps.size() > 10_000) {
                            out.add(where + ": a threadFlow holds 1 to 10,000 locations");
                        }
                        for (JsonNode step : steps) {
                            physical(out, step.path("location").path("physicalLocation"), where + ".codeFlows");
                            message(out, step.path("location").path("message").path("text").asText(""), where + ".codeFlows");
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void physical(List<String> out, JsonNode p, String where) {
        String uri = p.path("artifactLocation").path("uri").asText("");
        if (uri.isEmpty()) {
            out.add(where + ": physicalLocation.artifactLocation.uri is required");
        } else if (uri.contains(":") || uri.startsWith("/")) {
            out.add(where + ": " + uri + " is not relative to the repository");
        }
        JsonNode r = p.path("region");
        for (String k : new String[] {"startLine", "startColumn", "endLine", "endColumn"}) {
            if (!r.path(k).canConvertToInt() || r.path(k).asInt() < 1) {
                out.add(where + ": region." + k + " is required and at least 1");
            }
        }
        if (r.path("endLine").asInt() < r.path("startLine").asInt()
                || r.path("endLine").asInt() == r.path("startLine").asInt() && r.path("endColumn").asInt() < r.path("startColumn").asInt()) {
            out.add(where + ": the region ends before it starts");
        }
    }

    private static void message(List<String> out, String text, String where) {
        if (ABSOLUTE.matcher(text).find()) {
            out.add(where + ": the message holds an absolute path: " + text);
        }
    }

    private static void require(List<String> out, JsonNode o, String key, String where) {
        if (!o.has(key)) {
            out.add(where + "." + key + " is required");
        }
    }

    private static void nonEmpty(List<String> out, JsonNode o, String key, String where) {
        if (o.path(key).asText("").isEmpty()) {
            out.add(where + "." + key + " is required and must not be empty");
        }
    }
}
