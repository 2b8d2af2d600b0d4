package dev.pooltags.serve;

import dev.pooltags.cli.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of {@code pooltags rules} against promtool: the committed rules file is what the command writes with
 * its defaults, it passes {@code promtool check rules}, and the committed {@code promtool test rules} cases pass:
 * every alert fires on the leaking series and none on the plateauing cache.
 */
class PromtoolRulesTest {
    private static final Path DIR = Path.of("src/test/promtool");

    private static String rules(Path out, String... options) {
        StringWriter err = new StringWriter();
        String[] args = new String[options.length + 3];
        args[0] = "rules";
        args[1] = "-o";
        args[2] = out.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        return err.toString();
    }

    @Test
    void committedRulesAreTheGeneratedDefaults(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("rules.yml");
        rules(out);
        assertThat(Files.readString(out)).isEqualTo(Files.readString(DIR.resolve("pooltags-rules.yml")));
    }

    @Test
    void generatedRulesPassPromtoolCheck(@TempDir Path tmp) throws Exception {
        Path promtool = Tools.require("promtool");
        Path out = tmp.resolve("rules.yml");
        rules(out, "--selector", "job=\"pooltags\"", "--pool-limit", "2GiB", "--label", "team=drivers",
                "--window", "12h", "--recent", "30m", "--for", "6h", "--horizon", "14d");
        Tools.Result r = Tools.run(tmp, new byte[0], List.of(promtool.toString(), "check", "rules", out.toString()));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("SUCCESS: 9 rules found");
        assertThat(Files.readString(out)).contains("deriv(pooltags_tag_bytes{job=\"pooltags\"}[12h])",
                "team: \"drivers\"", "2147483648 - pooltags_pool_bytes{job=\"pooltags\"}");
    }

    @Test
    void alertsFireOnTheLeakAndStayQuietOnTheCache() throws Exception {
        Path promtool = Tools.require("promtool");
        Tools.Result r = Tools.run(DIR, new byte[0], List.of(promtool.toString(), "test", "rules",
                "leaking_tag_test.yml", "plateauing_cache_test.yml"));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("leaking_tag_test.yml\n  SUCCESS", "plateauing_cache_test.yml\n  SUCCESS");
    }

    /** The cache case has teeth: with a hold time shorter than the cache's warm-up, the cache does raise alerts. */
    @Test
    void withAShortHoldTimeTheCacheWouldAlert(@TempDir Path tmp) throws Exception {
        Path promtool = Tools.require("promtool");
        rules(tmp.resolve("pooltags-rules.yml"), "--for", "30m");
        Files.copy(DIR.resolve("plateauing_cache_test.yml"), tmp.resolve("plateauing_cache_test.yml"));
        Tools.Result r = Tools.run(tmp, new byte[0], List.of(promtool.toString(), "test", "rules",
                "plateauing_cache_test.yml"));
        assertThat(r.exit()).as(r.out()).isNotZero();
        assertThat(r.out()).contains("FAILED", "alertname: PoolTagLeak", "alertname: PoolExhaustionPredicted");
    }

    @Test
    void badThresholdsAreUsageErrors(@TempDir Path tmp) {
        String[][] bad = {{"--window", "1h", "--recent", "2h"}, {"--tag-growth", "lots"}, {"--for", "soon"},
            {"--exhaustion-fraction", "1.5"}, {"--selector", "job=pooltags"}, {"--label", "bad-name=x"}};
        for (String[] b : bad) {
            StringWriter err = new StringWriter();
            String[] args = new String[b.length + 1];
            args[0] = "rules";
            System.arraycopy(b, 0, args, 1, b.length);
            int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertThat(code).as(String.join(" ", b)).isEqualTo(ExitCode.USAGE.code());
            assertThat(err.toString().trim()).as(String.join(" ", b)).startsWith("pooltags: ").doesNotContain("\tat ")
                    .hasLineCount(1);
        }
    }
}
