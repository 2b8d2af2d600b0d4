package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @Test
    void listNamesTheScenarios() throws Exception {
        CommandLineRun r = CommandLineRun.inProcess("demo", "--list");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("healthy", "leak-slow", "leak-fast", "cache-plateau", "tag-mismatch", "unload-leak", "special-pool-overrun");
        JsonNode j = new ObjectMapper().readTree(CommandLineRun.inProcess("demo", "--list", "--format", "json").out());
        assertThat(j.get("scenarios")).hasSize(7);
        assertThat(j.get("scenarios").get(1).get("name").asText()).isEqualTo("leak-slow");
        assertThat(CommandLineRun.inProcess("demo").out()).as("no scenario: the list").contains("leak-slow");
    }

    @Test
    @DisplayName("--record writes one snapshot per interval (pooltags' snapshot JSON lines) and the trace")
    void records(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("rec");
        CommandLineRun r = CommandLineRun.inProcess("demo", "tag-mismatch", "--record", d.toString(), "--duration", "1m", "--seed", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("demo tag-mismatch").contains("0xC2/0x0A").contains("next: pooltags trace " + d.resolve("trace.jsonl"));
        List<Snapshot> snaps = SnapshotInputs.readSeries(List.of(d.resolve("snapshots.jsonl")));
        assertThat(snaps).hasSize(13);
        assertThat(snaps.get(0).source()).isEqualTo("demo:tag-mismatch");
        String first = Files.readAllLines(d.resolve("trace.jsonl")).get(0);
        assertThat(first).contains("\"format\":\"pooltags-trace\"").contains("\"seed\":2").contains("\"complete\":true");
        CommandLineRun again = CommandLineRun.inProcess("demo", "tag-mismatch", "--duration", "1m", "--seed", "2", "--format", "json");
        JsonNode j = new ObjectMapper().readTree(again.out());
        assertThat(j.get("snapshots").asInt()).isEqualTo(13);
        assertThat(j.get("violations").get("byRule").get("free-tag-mismatch").asLong()).isPositive();
    }

    @Test
    void badArguments(@TempDir Path dir) throws Exception {
        CommandLineRun r = CommandLineRun.inProcess("demo", "leak-sideways");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("no scenario named 'leak-sideways'").contains("leak-slow");
        assertThat(CommandLineRun.inProcess("demo", "healthy", "--duration", "forever").err()).contains("--duration: 'forever' is not a time");
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        CommandLineRun rec = CommandLineRun.inProcess("demo", "healthy", "--duration", "10s", "--record", file.toString());
        assertThat(rec.exit()).isEqualTo(ExitCode.INPUT.code());
        assertThat(rec.err()).contains("exists and is not a folder");
        Path bad = dir.resolve("s.json");
        Files.writeString(bad, "{\"name\":\"mine\",\"workloads\":[{\"tag\":\"Ab12\",\"rate\":\"x\"}]}");
        CommandLineRun sf = CommandLineRun.inProcess("demo", "--scenario-file", bad.toString());
        assertThat(sf.exit()).isEqualTo(ExitCode.INPUT.code());
        assertThat(sf.err()).startsWith("pooltags: " + bad + ":").contains("nothing to do");
    }

    @Test
    @DisplayName("a scenario of one's own, from a file")
    void scenarioFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.json");
        Files.writeString(f, "{\"name\":\"mine\",\"duration\":\"20s\",\"interval\":\"10s\",\"workloads\":[{\"tag\":\"Mine\",\"driver\":\"me.sys\","
                + "\"rate\":5,\"size\":\"64..128\",\"lifetime\":\"exp 1s\"}]}");
        CommandLineRun r = CommandLineRun.inProcess("demo", "--scenario-file", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("demo mine").contains("Mine");
    }
}
