package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pooltags.TestTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard shipped in docs/grafana: every query asks only for metrics pooltags serves, every query is valid
 * PromQL (promtool checks them as recording rules), and docs/serve.md tells how to import it.
 */
class GrafanaDashboardTest {
    static final Path DASHBOARD = Path.of("docs/grafana/pooltags-dashboard.json");

    static List<String> queries(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            for (JsonNode t : p.path("targets")) {
                out.add(t.path("expr").asText());
            }
        }
        for (JsonNode v : dashboard.path("templating").path("list")) {
            if (v.path("type").asText().equals("query")) {
                out.add(v.path("query").path("query").asText().replaceAll("^label_values\\((\\w+).*", "$1"));
            }
        }
        return out;
    }

    @Test
    void everyQueryAsksForServedMetricsInValidPromQl(@TempDir Path dir) throws Exception {
        JsonNode d = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        assertThat(d.path("title").asText()).contains("pooltags");
        assertThat(d.path("panels").size()).isGreaterThanOrEqualTo(6);
        List<String> exprs = queries(d);
        Path prom = dir.resolve("pooltags.prom");
        assertThat(CliRun.of("snapshot", "--source", "demo:leak-fast", "--no-localtag", "--format", "prom", "-o", prom.toString()).code()).isZero();
        Set<String> served = TextfileCollectorTest.families(Files.readString(prom));
        served.addAll(Set.of("pooltags_tag_leak_verdict", "pooltags_tag_leak_score")); // served once verdicts are judged
        Set<String> asked = new TreeSet<>();
        for (String e : exprs) {
            Matcher m = Pattern.compile("pooltags_[a-z_]+").matcher(e);
            while (m.find()) {
                asked.add(m.group());
            }
        }
        assertThat(served).containsAll(asked);
        assertThat(asked).contains("pooltags_tag_bytes", "pooltags_pool_bytes", "pooltags_tag_leak_verdict");

        Path promtool = TestTools.require("promtool");
        StringBuilder rules = new StringBuilder("groups:\n- name: dashboard\n  rules:\n");
        int i = 0;
        for (String e : exprs) {
            String q = e.replace("$instance", ".*").replace("$pool", ".*").replace("$top", "10");
            rules.append("  - record: dashboard:query").append(i++).append("\n    expr: '").append(q.replace("'", "''")).append("'\n");
        }
        Path file = Files.writeString(dir.resolve("dashboard-queries.yml"), rules);
        Process p = new ProcessBuilder(promtool.toString(), "check", "rules", file.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(said).isZero();
    }

    @Test
    void serveMdTellsHowToImportIt() throws Exception {
        assertThat(Files.readString(Path.of("docs/serve.md"))).contains("docs/grafana/pooltags-dashboard.json").contains("--textfile");
    }
}
