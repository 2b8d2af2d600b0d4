package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance case of issue 16: a session log assembled from the public samples (real !poolused, !poolfind, !pool,
 * !verifier 3 and !verifier 0x80 outputs between banner lines, symbol errors, other commands, CR LF endings and both
 * prompt forms) gives one report naming the top tags, the blocks of the searched tag and the owner, and every number
 * in the JSON is on the line its origin names.
 */
class DebuggerCaseSharedDataTest {
    private static final String TAGFILE = "../shared/data/pooltag/pooltag-2023.txt";

    @TempDir
    static Path dir;

    static Path log;

    /** The log is written to target/debugger/session.log, where docs/debugger.md runs pooltags on it. */
    @BeforeAll
    static void write() throws Exception {
        Path target = Path.of("target", "debugger");
        Files.createDirectories(target);
        log = dev.pooltags.debugger.CaseLogAccess.write(target);
    }

    @Test
    @DisplayName("text: top tags, the searched tag's blocks, the owner with its module, the next commands, what was not read")
    void text() {
        CommandLineRun r = CommandLineRun.inProcess("debugger", log.toString(), "--tagfile", TAGFILE);
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("12 commands: 1 !poolused, 1 !poolfind, 1 !pool, 1 !verifier, 1 !verifier 0x80, 1 lm, 1 k, 1 bp; 4 not read")
                .contains("Top tags by bytes (!poolused at " + log + ":16)")
                .containsPattern("amda\\s+5,768,754\\s+1,938,325,232\\s+32\\s+9,360")
                .contains("Tag amda (0x61646D61, in a driver's source 'adma'): searched for with !poolfind (" + log + ":26)")
                .contains("!poolfind amda -nonpaged: 3 blocks")
                .contains("the search stopped early at ffffda000fb7df50")
                .contains("Owner of amda: amdacpbus2 (amdacpbus2.sys \\SystemRoot\\System32\\drivers\\amdacpbus2.sys")
                .contains("allocated by amdacpbus2!AcpWorkItemCreate+0xd0")
                .contains("verifier /flags 0x9 /driver amdacpbus2.sys")
                .contains("!pool ffffda000a9b6d30")
                .contains("Driver Verifier tracks 3 allocations with other tags")
                .contains(log + ":23  0: kd> .time");
    }

    @Test
    @DisplayName("JSON: every record with an origin holds numbers that are on that line of the log (or tag file)")
    void everyNumberOnItsLine() throws Exception {
        CommandLineRun r = CommandLineRun.inProcess("debugger", log.toString(), "--tagfile", TAGFILE, "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("tag").get("tag").asText()).isEqualTo("amda");
        assertThat(root.get("owner").asText()).isEqualTo("amdacpbus2");
        assertThat(root.get("topTags").get("tags")).hasSize(5);
        assertThat(root.get("blocks").get("summary").get("blocks").asInt()).isEqualTo(3);
        List<String> checked = new ArrayList<>();
        check(root, new HashMap<>(), checked);
        assertThat(checked).as("records checked against their lines").hasSizeGreaterThan(50);
    }

    @Test
    @DisplayName("HTML: one offline page with the same sections")
    void html() throws Exception {
        Path out = dir.resolve("case.html");
        CommandLineRun r = CommandLineRun.inProcess("debugger", log.toString(), "--tagfile", TAGFILE, "--format", "html", "-o", out.toString());
        assertThat(r.exit()).isZero();
        String h = Files.readString(out);
        assertThat(h).startsWith("<!DOCTYPE html>").contains("<table id=\"top\">").contains("<p id=\"owner\">amdacpbus2")
                .contains("ffffda000fb7df50").doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    }

    /** Walks the JSON; for each object with an origin, the values it states must appear on that line. */
    private static void check(JsonNode n, Map<String, List<String>> files, List<String> checked) throws Exception {
        if (n.isArray()) {
            for (JsonNode x : n) {
                check(x, files, checked);
            }
            return;
        }
        if (!n.isObject()) {
            return;
        }
        JsonNode o = n.get("origin");
        if (o != null && o.isObject() && o.has("line")) {
            String file = o.get("file").asText();
            List<String> lines = files.computeIfAbsent(file, f -> {
                try {
                    return Files.readAllLines(Path.of(f), StandardCharsets.ISO_8859_1);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            int ln = o.get("line").asInt();
            String line = lines.get(ln - 1).replace("`", "").toLowerCase(Locale.ROOT);
            String where = file + ":" + ln + " " + n;
            for (String key : List.of("tag", "address", "thread", "start", "end")) {
                if (key.equals("tag") && n.has("known")) {
                    continue; // an owner line names the tag of the marked block on the line above it
                }
                if (n.has(key) && n.get(key).isTextual() && !n.get(key).asText().isBlank()) {
                    String v = n.get(key).asText().toLowerCase(Locale.ROOT);
                    v = v.startsWith("0x") ? v.substring(2) : v.strip();
                    assertThat(line).as(where).contains(v);
                }
            }
            for (String key : List.of("nonpagedAllocs", "nonpagedBytes", "pagedAllocs", "pagedBytes")) {
                if (n.has(key)) {
                    assertThat(line).as(where).contains(Long.toString(n.get(key).asLong()));
                }
            }
            for (String key : List.of("nonpaged", "paged", "value", "bytes")) {
                if (n.has(key) && n.get(key).isNumber()) {
                    long v = n.get(key).asLong();
                    assertThat(line.contains(Long.toString(v)) || line.contains(Long.toHexString(v))).as(where + " " + key).isTrue();
                }
            }
            if (n.has("prompt") && n.has("command")) {
                assertThat(line).as(where).contains(n.get("command").asText().toLowerCase(Locale.ROOT));
            }
            if (n.has("size") && n.get("size").isNumber()) {
                assertThat(line).as(where).contains(Long.toHexString(n.get("size").asLong()));
            }
            checked.add(where);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("origin")) {
                check(e.getValue(), files, checked);
            }
        }
    }
}
