package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pooltags trace}: golden reports, exit codes, options. */
class TraceCommandTest {
    private static final String DIR = "src/test/resources/dev/pooltags/trace/";

    @Test
    @DisplayName("golden text report of a hand-written JSON trace")
    void goldenText() throws Exception {
        CommandLineRun r = CommandLineRun.inProcess("trace", DIR + "golden-trace.jsonl");
        assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(r.out()).isEqualTo(Files.readString(Path.of(DIR + "golden-trace.txt")));
        assertThat(r.err()).isEmpty();
    }

    @Test
    @DisplayName("golden JSON report of the same trace")
    void goldenJson() throws Exception {
        CommandLineRun r = CommandLineRun.inProcess("trace", DIR + "golden-trace.jsonl", "--format", "json");
        assertThat(r.out()).isEqualTo(Files.readString(Path.of(DIR + "golden-trace.json")));
        JsonNode n = new ObjectMapper().readTree(r.out()).get("files").get(0);
        JsonNode mismatch = n.get("violations").get("listed").get(0);
        assertThat(mismatch.get("rule").asText()).isEqualTo("free-tag-mismatch");
        assertThat(mismatch.get("bugCheck").get("code").asText()).isEqualTo("0xC2");
        assertThat(mismatch.get("bugCheck").get("parameters").get(0).asText()).isEqualTo("0xA");
        assertThat(mismatch.get("line").asInt()).isEqualTo(6);
        assertThat(n.get("leaks").get(0).get("tag").asText()).isEqualTo("VdCx");
    }

    @Test
    @DisplayName("golden text report of the xperf dumper fixture (bad lines reported with their numbers)")
    void goldenXperf() throws Exception {
        CommandLineRun r = CommandLineRun.inProcess("trace", DIR + "xperf-pool.csv");
        assertThat(r.exit()).isEqualTo(ExitCode.OK.code());
        assertThat(r.out()).isEqualTo(Files.readString(Path.of(DIR + "xperf-pool.txt")));
    }

    @Test
    @DisplayName("--window sets the lifetime window; --gate decides what fails")
    void windowAndGate() throws Exception {
        CommandLineRun r = CommandLineRun.inProcess("trace", DIR + "golden-trace.jsonl", "--window", "0.0015,0.0035", "--format", "json");
        JsonNode l = new ObjectMapper().readTree(r.out()).get("files").get(0).get("lifetimes");
        assertThat(l.get("fromMicros").asLong()).isEqualTo(1500);
        assertThat(l.get("toMicros").asLong()).isEqualTo(3500);
        assertThat(l.get("AOFI").get("allocations").asLong()).as("Tmb1, allocated at 1 ms, freed at 3 ms").isEqualTo(1);
        assertThat(CommandLineRun.inProcess("trace", DIR + "golden-trace.jsonl", "--gate", "none").exit()).isZero();
        assertThat(CommandLineRun.inProcess("trace", DIR + "xperf-pool.csv", "--gate", "outstanding").exit()).isEqualTo(ExitCode.FINDINGS.code());
    }

    @Test
    @DisplayName("--verify and --special-pool replay an xperf trace as Driver Verifier would")
    void verifierOptions(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("p.csv");
        Files.writeString(csv, "BeginHeader\nPoolAlloc, TimeStamp, Tag, Size, Address\nPoolFree, TimeStamp, Address\nEndHeader\n"
                + "PoolAlloc, 10, SpOv, 100, 0xfffff98000000f90\nPoolFree, 20, 0xfffff98000000f90\nPoolFree, 30, 0xfffff98000000f90\n");
        CommandLineRun plain = CommandLineRun.inProcess("trace", csv.toString());
        assertThat(plain.out()).contains("0xC2/0x07  double-free");
        CommandLineRun verified = CommandLineRun.inProcess("trace", csv.toString(), "--verify", ":pool-tracking");
        assertThat(verified.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(verified.err()).contains("--verify needs a driver name");
    }

    @Test
    void severalFilesEachReported() {
        CommandLineRun r = CommandLineRun.inProcess("trace", DIR + "xperf-pool.csv", DIR + "golden-trace.jsonl");
        assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(r.out()).contains("== " + DIR + "xperf-pool.csv").contains("== " + DIR + "golden-trace.jsonl");
    }
}
