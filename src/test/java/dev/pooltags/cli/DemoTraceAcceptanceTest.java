package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance, run as separate JVMs (real exit codes, real streams), with the scenarios' own durations. */
class DemoTraceAcceptanceTest {
    @Test
    @DisplayName("demo leak-slow --record DIR, then trace DIR/trace.jsonl names NfRx and exits 1")
    void leakSlow(@TempDir Path dir) {
        CommandLineRun demo = CommandLineRun.childJvm("demo", "leak-slow", "--record", dir.toString());
        assertThat(demo.exit()).as(demo.err()).isZero();
        CommandLineRun trace = CommandLineRun.childJvm("trace", dir.resolve("trace.jsonl").toString());
        assertThat(trace.exit()).as(trace.err()).isEqualTo(1);
        String leaks = trace.out().substring(trace.out().indexOf("leak suspects:"), trace.out().indexOf("outstanding at the end"));
        assertThat(leaks).startsWith("leak suspects: 1").contains("NfRx").doesNotContain("FlCa");
        assertThat(trace.out()).contains("violations: 0");
    }

    @Test
    @DisplayName("the tag-mismatch scenario's trace reports 0xC2/0x0A with the allocating and freeing tags")
    void tagMismatch(@TempDir Path dir) {
        CommandLineRun demo = CommandLineRun.childJvm("demo", "tag-mismatch", "--record", dir.toString());
        assertThat(demo.exit()).isZero();
        CommandLineRun trace = CommandLineRun.childJvm("trace", dir.resolve("trace.jsonl").toString());
        assertThat(trace.exit()).isEqualTo(1);
        assertThat(trace.out()).contains("0xC2/0x0A  free-tag-mismatch")
                .contains("ExFreePoolWithTag with tag 'Tmb2' frees a block allocated with tag 'Tmb1' by tagmix.sys")
                .contains("0xC2 BAD_POOL_CALLER (0xA, ");
    }

    @Test
    @DisplayName("cache-plateau and healthy: nothing to report, exit 0; unload-leak: 0xC4/0x62 (in this JVM: quicker)")
    void noFalseAlarms(@TempDir Path dir) {
        for (String s : new String[] {"cache-plateau", "healthy"}) {
            Path d = dir.resolve(s);
            assertThat(CommandLineRun.inProcess("demo", s, "--record", d.toString()).exit()).isZero();
            CommandLineRun trace = CommandLineRun.inProcess("trace", d.resolve("trace.jsonl").toString());
            assertThat(trace.exit()).as(s + ":\n" + trace.out()).isZero();
            assertThat(trace.out()).contains("leak suspects: 0").contains("violations: 0");
        }
        Path u = dir.resolve("unload");
        CommandLineRun.inProcess("demo", "unload-leak", "--record", u.toString());
        CommandLineRun trace = CommandLineRun.inProcess("trace", u.resolve("trace.jsonl").toString());
        assertThat(trace.exit()).isEqualTo(1);
        assertThat(trace.out()).contains("0xC4/0x62  unload-with-outstanding").contains("vdisk.sys unloads with 12 allocations not freed");
    }
}
