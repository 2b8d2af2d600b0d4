package dev.pooltags.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.ChildJvm;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotJsonLines;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code pooltags top} in a tmux pane, sends keys and asserts what the pane shows. */
class TopTmuxEndToEndTest {
    private final String socket = "pooltags-test-" + ProcessHandle.current().pid();

    @BeforeEach
    void needsTmux() {
        Assumptions.assumeTrue(run("tmux", "-V").startsWith("tmux"), "tmux is not installed (CI installs it)");
    }

    @AfterEach
    void killServer() {
        run("tmux", "-L", socket, "kill-server");
    }

    static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(new String[0]));
    }

    List<String> pane() {
        return tmux("capture-pane", "-p", "-t", "top").lines().collect(Collectors.toList());
    }

    List<String> waitFor(String what, Predicate<List<String>> ok) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> p = pane();
        while (!ok.test(p) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            p = pane();
        }
        assertThat(ok.test(p)).as(what + "; the pane shows:\n" + String.join("\n", p)).isTrue();
        return p;
    }

    static String firstRow(List<String> p) {
        return p.size() > 4 ? p.get(4) : "";
    }

    /** 30 tags; "Leak" grows by 10 KB a sample and overtakes every other tag's bytes. */
    static void series(Path f) throws IOException {
        try (Writer w = Files.newBufferedWriter(f)) {
            for (int s = 0; s < 400; s++) {
                List<TagCounters> rows = new ArrayList<>();
                for (int i = 0; i < 29; i++) {
                    rows.add(TagCounters.of(PoolTag.parse(String.format("T%03d", i)), i % 2 == 0 ? PoolType.PAGED : PoolType.NONPAGED,
                            1000 + s, 990 + s, 20_000 + i * 1000));
                }
                rows.add(TagCounters.of(PoolTag.parse("Leak"), PoolType.NONPAGED, 10L * s, 0, 10_240L * s));
                SnapshotJsonLines.write(w, new Snapshot(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(s), "box", "demo", rows));
            }
        }
    }

    @Test
    void keysSearchResizeAndQuitInTmux(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("series.jsonl");
        series(data);
        Path tags = dir.resolve("localtag.txt");
        Files.writeString(tags, "Leak - leaky.sys - Leaky test driver, never frees its buffers\n");
        String java = ChildJvm.command("top", "--source", "replay:" + data, "--interval", "200ms", "--localtag", tags.toString(),
                "--tagfile", tags.toString()).stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        tmux("new-session", "-d", "-s", "top", "-x", "80", "-y", "24", java + "; echo EXITED-$?; sleep 60");

        List<String> p = waitFor("the Bytes sort puts Leak first", x -> firstRow(x).startsWith("Leak"));
        assertThat(p).hasSize(24).allMatch(l -> l.length() <= 80);
        assertThat(p.get(0)).contains("pooltags top").contains("demo on box");
        assertThat(p.get(2)).contains("sort bytes");
        assertThat(p.get(3)).startsWith("Tag").contains("Bytes").contains("Owner");
        assertThat(firstRow(p)).contains("leaky.sys");

        tmux("send-keys", "-t", "top", "t");
        p = waitFor("t sorts by tag", x -> x.get(2).contains("sort tag") && firstRow(x).startsWith("Leak")
                && x.get(5).startsWith("T000") && x.get(6).startsWith("T001"));

        tmux("send-keys", "-t", "top", "p");
        waitFor("p shows nonpaged only", x -> x.get(2).contains("pool nonpaged") && firstRow(x).startsWith("Leak"));
        tmux("send-keys", "-t", "top", "p", "p");
        waitFor("p p back to both", x -> x.get(2).contains("pool both"));

        tmux("send-keys", "-t", "top", "/", "l", "e", "a", "k", "y");
        p = waitFor("the search box filters by owner", x -> x.get(2).contains("search leaky") && x.get(2).contains("rows 1/30"));
        assertThat(p.get(23)).startsWith("search");
        tmux("send-keys", "-t", "top", "Enter");
        waitFor("Enter keeps the search and shows the keys again", x -> x.get(23).startsWith("q quit") && x.get(2).contains("rows 1/30"));
        tmux("send-keys", "-t", "top", "Escape");
        waitFor("Esc clears it", x -> x.get(2).contains("rows 30/30"));

        tmux("resize-window", "-t", "top", "-x", "130", "-y", "30");
        p = waitFor("a wider pane shows the whole owner", x -> x.size() == 30 && x.stream().anyMatch(l -> l.contains("never frees its buffers")));
        assertThat(p).allMatch(l -> l.length() <= 130);

        tmux("send-keys", "-t", "top", "q");
        waitFor("q quits with status 0", x -> x.stream().anyMatch(l -> l.contains("EXITED-0")));
    }
}
