package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The convention of docs/examples/README.md as {@link DocsExamplesSharedDataTest} reads and compares it. */
class DocsExamplesConventionTest {

    private static boolean matches(List<String> doc, String printed) {
        return DocOutput.matches(DocOutput.expected(doc).lines(), DocOutput.actual(printed));
    }

    @Test
    void everyLineCountsUnlessElided() {
        assertThat(matches(List.of("a", "b"), "a\nb\n")).isTrue();
        assertThat(matches(List.of("a", "b"), "a\nc\n")).isFalse();
        assertThat(matches(List.of("a", "b"), "a\nb\nc\n")).isFalse(); // a line more is a difference too
        assertThat(matches(List.of("a", "b", "c"), "a\nb\n")).isFalse();
        assertThat(matches(List.of("a  ", "b", ""), "a\nb   \n\n\n")).isTrue(); // trailing spaces and empty lines
    }

    @Test
    void anElisionLineStandsForAnyNumberOfLines() {
        assertThat(matches(List.of("a", "...", "z"), "a\nz\n")).isTrue();
        assertThat(matches(List.of("a", "  ...", "z"), "a\nb\nc\nz\n")).isTrue();
        assertThat(matches(List.of("a", "…", "z"), "a\nb\nz\n")).isTrue();
        assertThat(matches(List.of("...", "z"), "a\nz\nb\n")).isFalse(); // z must be the last line
        assertThat(matches(List.of("...", "z", "..."), "a\nz\nb\n")).isTrue();
        assertThat(matches(List.of("a", "...", "z"), "a\nb\ny\n")).isFalse();
    }

    @Test
    void aLineEndingInDotsStandsForALineStartingSo() {
        assertThat(matches(List.of("grew by 10 over ..."), "grew by 10 over 9m 55s\n")).isTrue();
        assertThat(matches(List.of("grew by 10 over ..."), "grew by 11 over 9m 55s\n")).isFalse();
        assertThat(matches(List.of("building ..."), "building ...\n")).isTrue();
    }

    @Test
    void theExitStatusIsReadFromTheLastLine() {
        DocOutput.Expected e = DocOutput.expected(List.of("pooltags: 'Ntfxx' has 5 characters        (exit 2)"));
        assertThat(e.exit()).isEqualTo(2);
        assertThat(e.lines()).containsExactly("pooltags: 'Ntfxx' has 5 characters");
        assertThat(DocOutput.expected(List.of("no status here")).exit()).isNull();
        assertThat(DocOutput.expected(List.of("(exit 3)")).lines()).isEmpty();
    }

    @Test
    void wallClockInstantsMatchAnyInstantButSimulatedTimesDoNot() {
        assertThat(matches(List.of("# demo at 2026-12-06T14:40:19.412746487Z: 4 rows"),
                "# demo at 2027-01-02T03:04:05.6Z: 4 rows\n")).isTrue();
        assertThat(matches(List.of("since 2026-01-01 00:00:05Z"), "since 2026-01-01 00:00:10Z\n")).isFalse();
        assertThat(matches(List.of("start 2026-01-01T00:00:00Z"), "start 2026-01-01T00:00:05Z\n")).isFalse();
    }

    @Test
    void blocksStartingWithADollarLineAreExamplesAndTheMarkerExemptsThem(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("x.md");
        Files.writeString(md, String.join("\n",
                "# x",
                "```",
                "pooltags leaks INPUT... [--top N]",
                "```",
                "",
                "```",
                "$ ./pooltags lookup Ntfxx",
                "pooltags: too long        (exit 2)",
                "$ echo done",
                "done",
                "```",
                "<!-- example: parse-only: live: runs until stopped -->",
                "```sh",
                "$ pooltags serve --port 0",
                "```",
                ""));
        List<DocExample> examples = DocExample.read(md, "x.md");
        assertThat(examples).hasSize(2);
        DocExample first = examples.get(0);
        assertThat(first.parseOnly()).isFalse();
        assertThat(first.line()).isEqualTo(6);
        assertThat(first.steps()).extracting(DocExample.Step::command).containsExactly("./pooltags lookup Ntfxx", "echo done");
        assertThat(first.steps().get(0).line()).isEqualTo(7);
        assertThat(first.steps().get(0).expected()).containsExactly("pooltags: too long        (exit 2)");
        assertThat(examples.get(1).parseOnly()).isTrue();
        assertThat(examples.get(1).reason()).isEqualTo("live: runs until stopped");
    }

    @Test
    void parseOnlyExamplesFindEveryPooltagsCommandOnALine() {
        assertThat(ShellLine.pooltagsCommands(
                "./pooltags snapshot --source demo:leak-fast --format prom -o p.prom && promtool check metrics < p.prom"))
                .containsExactly(List.of("snapshot", "--source", "demo:leak-fast", "--format", "prom", "-o", "p.prom"));
        assertThat(ShellLine.pooltagsCommands(
                "timeout -s KILL 4 ./pooltags record --source linux -o r.rec   # killed halfway"))
                .containsExactly(List.of("record", "--source", "linux", "-o", "r.rec"));
        assertThat(ShellLine.pooltagsCommands("POOLTAGS_JAVA_OPTS=-Xmx1g pooltags snapshot --include 'kmalloc-*' >/dev/null 2>&1"))
                .containsExactly(List.of("snapshot", "--include", "kmalloc-*"));
        assertThat(ShellLine.pooltagsCommands("pooltags serve --textfile \"C:\\Program Files\\x\"; pooltags rules | wc -l"))
                .containsExactly(List.of("serve", "--textfile", "C:\\Program Files\\x"), List.of("rules"));
        assertThat(ShellLine.pooltagsCommands("ls -l r.rec")).isEmpty();
    }
}
