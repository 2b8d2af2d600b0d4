package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every duration option reads the same grammar (issue 13: {@code serve --interval 1.5s} was refused). */
class DurationOptionsTest {
    @Test
    void serveSamplesEveryOneAndAHalfSeconds(@TempDir Path dir) throws Exception {
        try (ServeCommandTest.Running r = new ServeCommandTest.Running("serve", "--source",
                "replay:" + ServeCommandTest.replay(dir), "--interval", "1.5s", "--port", "0")) {
            assertThat(r.out.toString()).contains("a sample every 1s500ms");
        }
    }

    @Test
    void topAndRecordReadTheSameText() {
        TopCommand top = new TopCommand();
        new CommandLine(top).parseArgs("--interval", "1.5s");
        assertThat(top.interval).isEqualTo(Duration.ofMillis(1500));
        TopCommand compound = new TopCommand();
        new CommandLine(compound).parseArgs("--interval", "1m30s");
        assertThat(compound.interval).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aNumberWithoutAUnitIsAUsageErrorEverywhere() {
        for (String[] args : new String[][] {{"top", "--interval", "5"}, {"serve", "--interval", "5"},
            {"record", "-o", "x.rec", "--interval", "5"}, {"rules", "--window", "5"}}) {
            StringWriter err = new StringWriter();
            int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertThat(code).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE.code());
            assertThat(err.toString()).as(String.join(" ", args)).contains("'5' is not a duration: give a unit");
        }
    }

    @Test
    void rulesTakeFractionsToo() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"rules", "--window", "1.5h", "--recent", "30m"}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertThat(code).isEqualTo(ExitCode.OK.code());
        assertThat(out.toString()).contains("1h30m");
    }
}
