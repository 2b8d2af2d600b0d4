package dev.pooltags.bench;

import dev.pooltags.cli.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench lint}: its child runs with the launcher's options, its shapes are what they say. No times asserted. */
class LintBenchmarkTest {
    @Test
    void theLaunchersGiveLintTheOptionsTheBenchmarkMeasuresWith() throws IOException {
        String joined = String.join(" ", LintBenchmark.JVM_OPTIONS);
        assertThat(Files.readString(Path.of("pooltags"))).contains("lint) opts+=(" + joined + ")");
        assertThat(Files.readString(Path.of("pooltags.cmd"))).contains("\"%~1\"==\"lint\" set \"OPTS=" + joined + "\"");
    }

    @Test
    void theOneLineShapeIsOneLineOfTheAskedSize(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("one.c");
        long n = LintBenchmark.writeOneLine(f, 100_000);
        byte[] b = Files.readAllBytes(f);
        assertThat(b.length).isEqualTo((int) n).isBetween(99_000, 100_000);
        assertThat(new String(b, StandardCharsets.ISO_8859_1)).doesNotContain("\n").startsWith("VOID Pairs(VOID) {")
                .endsWith("}");
        Path p = dir.resolve("pairs.c");
        LintBenchmark.writePairs(p, 10);
        assertThat(Files.readAllLines(p)).hasSize(14);
    }

    @Test
    void stepsOverATreeReportTimeAndPeakMemoryPerStep() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", "lint", "--no-shapes", "src/test/resources/lint/cases"},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(err.toString()).isEmpty();
        assertThat(code).isEqualTo(ExitCode.OK.code());
        assertThat(out.toString()).contains("lint runs in a JVM of its own with -Xmx384m")
                .containsPattern("(?m)^1/4 +\\d+ +\\d+")
                .containsPattern("(?m)^1/2 +\\d+ +\\d+")
                .containsPattern("(?m)^all +\\d+ +[\\d,]+ +[\\d.]+ +[\\d.]+ +[\\d,]+ +[\\d.]+ +\\d+")
                .contains("growth          1/4 to all:").contains("targets         peak ");
    }
}
