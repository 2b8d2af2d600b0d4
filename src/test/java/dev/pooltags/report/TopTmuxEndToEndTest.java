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
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the real {@code pooltags top} in a tmux pane at 80x24 and 120x40, presses every key of its help (PoolMon's
 * run-time commands and pooltags' own) and asserts what the pane shows after each. Each step prints one line
 * ({@code tmux 80x24 t: sort tag ok}), the record the issue asks for.
 */
class TopTmuxEndToEndTest {
    private final String socket = "pooltags-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private int width;
    private int height;

    @BeforeEach
    void needsTmux() {
        boolean ci = System.getenv("POOLTAGS_CI") != null;
        if (!ci) {
            Assumptions.assumeTrue(run("tmux", "-V").startsWith("tmux"), "tmux is not installed (CI installs it)");
        }
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

    /** The pane with its attributes (escape sequences), to see PoolMon's highlighting. */
    List<String> paneWithAttributes() {
        return tmux("capture-pane", "-e", "-p", "-t", "top").lines().collect(Collectors.toList());
    }

    List<String> waitFor(String what, Predicate<List<String>> ok) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> p = pane();
        while (!ok.test(p) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            p = pane();
        }
        assertThat(ok.test(p)).as(what + "; the pane shows:\n" + String.join("\n", p)).isTrue();
        assertThat(p).as("the pane is " + width + "x" + height + " and nothing is wider")
                .hasSize(height).allMatch(l -> l.length() <= width);
        return p;
    }

    /** Presses a key, waits until the pane shows its effect, and records it. */
    List<String> press(String key, String effect, Predicate<List<String>> ok) throws InterruptedException {
        tmux("send-keys", "-t", "top", key);
        List<String> p = waitFor("after " + key + ": " + effect, ok);
        System.out.printf(Locale.ROOT, "tmux %dx%d %-7s %s ok%n", width, height, key, effect);
        return p;
    }

    /** A line drawn bold (tmux writes it as ESC [1m, or ESC [0;1m at the start of a line). */
    static boolean bold(String l) {
        return l.matches(".*\033\\[(0;)?1m.*");
    }

    static String firstRow(List<String> p) {
        return p.size() > 4 ? p.get(4) : "";
    }

    static String status(List<String> p) {
        return p.size() > 2 ? p.get(2) : "";
    }

    static String last(List<String> p) {
        return p.isEmpty() ? "" : p.get(p.size() - 1);
    }

    static List<String> tableRows(List<String> p) {
        List<String> out = new ArrayList<>();
        for (int i = 4; i < p.size() - 1; i++) {
            if (p.get(i).isBlank() || p.get(i).startsWith("Total")) {
                break;
            }
            out.add(p.get(i));
        }
        return out;
    }

    /** 49 tags of both pools; "Leak" grows by 10 KB a sample and overtakes every other tag's bytes. */
    static void series(Path f) throws IOException {
        try (Writer w = Files.newBufferedWriter(f)) {
            for (int s = 0; s < 600; s++) {
                List<TagCounters> rows = new ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    rows.add(TagCounters.of(PoolTag.parse(String.format("T%03d", i)), i % 2 == 0 ? PoolType.PAGED : PoolType.NONPAGED,
                            1000 + (i % 3 == 0 ? s : 0), 990 + (i % 3 == 0 ? s : 0), 20_000 + i * 1000));
                }
                rows.add(TagCounters.of(PoolTag.parse("Leak"), PoolType.NONPAGED, 200L * s, 0, 10_240L * s));
                SnapshotJsonLines.write(w, new Snapshot(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(s), "box", "demo", rows));
            }
        }
    }

    void start(String... args) {
        String java = ChildJvm.command(args).stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        tmux("new-session", "-d", "-s", "top", "-x", Integer.toString(width), "-y", Integer.toString(height),
                java + "; echo EXITED-$?; sleep 60");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void everyKeyInTmux(int w, int h, @TempDir Path dir) throws Exception {
        width = w;
        height = h;
        Path data = dir.resolve("series.jsonl");
        series(data);
        Path tags = dir.resolve("localtag.txt");
        Files.writeString(tags, "Leak - leaky.sys - Leaky test driver, never frees its buffers\n");
        start("top", "--source", "replay:" + data, "--interval", "250ms", "--localtag", tags.toString(), "--tagfile", tags.toString());

        List<String> p = waitFor("the Bytes sort puts Leak first", x -> firstRow(x).startsWith("Leak"));
        assertThat(p.get(0)).contains("pooltags top").contains("demo on box");
        assertThat(p.get(1)).contains("owners: localtag.txt");
        assertThat(status(p)).contains("sort bytes");
        assertThat(p.get(3)).startsWith("Tag").contains("Bytes").contains("Leak").contains("Owner");
        assertThat(firstRow(p)).contains("leaky.sys");
        assertThat(last(p)).isEqualTo(TopView.FOOTER);

        // help: ? and h show every key; Esc closes it
        for (String k : List.of("?", "h")) {
            p = press(k, "help lists the keys", x -> x.get(0).contains("help") && String.join("\n", x).contains("q or Esc"));
            for (String key : List.of("t a f d b m", "( or )", "p ", "s ", "0 .. 9", "l ", "e ", "? or h", "v ", "/ ", "space")) {
                assertThat(String.join("\n", p)).contains("  " + key);
            }
            press("Escape", "closes the help", x -> x.get(3).startsWith("Tag"));
        }

        // PoolMon's sorts
        press("t", "sort tag", x -> status(x).startsWith("sort tag") && firstRow(x).startsWith("Leak") && x.get(5).startsWith("T000"));
        press("a", "sort allocs", x -> status(x).startsWith("sort allocs") && firstRow(x).startsWith("Leak"));
        press("f", "sort frees", x -> status(x).startsWith("sort frees") && firstRow(x).matches("T0\\d\\d .*"));
        press("d", "sort diff", x -> status(x).startsWith("sort diff") && firstRow(x).startsWith("Leak"));
        press("m", "sort bytes per alloc", x -> status(x).startsWith("sort peralloc") && firstRow(x).startsWith("T047"));
        press("b", "sort bytes", x -> status(x).startsWith("sort bytes") && firstRow(x).startsWith("Leak"));
        press("(", "sort by change", x -> status(x).startsWith("sort bytes change") && firstRow(x).startsWith("Leak"));
        press(")", "sort by value", x -> status(x).startsWith("sort bytes ") && !status(x).contains("change"));
        // p: nonpaged, paged, both
        press("p", "nonpaged", x -> status(x).contains("pool nonpaged") && tableRows(x).stream().allMatch(r -> r.contains(" Nonp ")));
        press("p", "paged", x -> status(x).contains("pool paged") && tableRows(x).stream().allMatch(r -> r.contains(" Paged ")));
        press("p", "both", x -> status(x).contains("pool both"));
        // e: totals at the bottom
        p = press("e", "totals", x -> x.get(x.size() - 2).startsWith("Total") && x.get(x.size() - 3).startsWith("Total"));
        assertThat(p.get(p.size() - 3)).contains("Nonp");
        press("e", "no totals", x -> x.stream().noneMatch(l -> l.startsWith("Total")));
        // l: highlighting of changed lines (bold) off and on
        assertThat(paneWithAttributes().stream().anyMatch(l -> bold(l) && l.contains("Leak"))).isTrue();
        tmux("send-keys", "-t", "top", "l");
        waitFor("l turns the highlighting off", x -> true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (paneWithAttributes().stream().anyMatch(l -> bold(l)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(paneWithAttributes()).noneMatch(l -> bold(l));
        System.out.printf(Locale.ROOT, "tmux %dx%d %-7s %s ok%n", width, height, "l", "highlighting off");
        tmux("send-keys", "-t", "top", "l");
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (paneWithAttributes().stream().noneMatch(l -> bold(l)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(paneWithAttributes()).anyMatch(l -> bold(l));
        System.out.printf(Locale.ROOT, "tmux %dx%d %-7s %s ok%n", width, height, "l", "highlighting on");
        // s, digits and i: a replay has no session pools, and says so
        press("s", "no session pools here", x -> last(x).startsWith("session pools are read from the live Windows kernel"));
        press("3", "no session 3 here", x -> last(x).startsWith("session pools are read"));
        press("i", "asks for a session", x -> last(x).startsWith("session id"));
        press("Enter", "all sessions: none here", x -> last(x).startsWith("session pools are read"));
        // v: the Leak verdict first, then bytes
        press("v", "sort by verdict", x -> status(x).startsWith("sort verdict, then bytes"));
        press("v", "sort by bytes again", x -> status(x).startsWith("sort bytes"));
        // search: starts empty, filters by owner as typed, Enter keeps, Esc clears
        tmux("send-keys", "-t", "top", "/");
        p = waitFor("/ opens the search box, empty", x -> last(x).startsWith("search") && last(x).endsWith(":"));
        tmux("send-keys", "-t", "top", "l", "e", "a", "k", "y");
        p = waitFor("the search box filters by owner", x -> status(x).contains("search leaky") && status(x).contains("rows 1/49"));
        press("Enter", "keeps the search", x -> last(x).equals(TopView.FOOTER) && status(x).contains("rows 1/49"));
        tmux("send-keys", "-t", "top", "/");
        waitFor("a second search starts empty", x -> last(x).startsWith("search") && last(x).endsWith(":"));
        tmux("send-keys", "-t", "top", "T", "0", "4", "*");
        p = press("Enter", "a pattern", x -> status(x).contains("search T04*") && status(x).contains("rows 8/49"));
        press("Escape", "clears the search", x -> status(x).contains("search -") && status(x).contains("rows 49/49"));
        // space pauses
        press("Space", "pauses", x -> x.get(0).contains("[paused]"));
        press("Space", "goes on", x -> !x.get(0).contains("[paused]"));
        // scrolling (sorted by tag so the order is fixed)
        press("t", "sort tag", x -> status(x).startsWith("sort tag") && firstRow(x).startsWith("Leak"));
        press("Down", "scrolls down a line", x -> firstRow(x).startsWith("T000"));
        press("Up", "scrolls up a line", x -> firstRow(x).startsWith("Leak"));
        press("PageDown", "a page down", x -> !firstRow(x).startsWith("Leak") && !firstRow(x).startsWith("T000"));
        press("PageUp", "a page up", x -> firstRow(x).startsWith("Leak"));
        press("End", "the end", x -> tableRows(x).get(tableRows(x).size() - 1).startsWith("T047"));
        press("Home", "the start", x -> firstRow(x).startsWith("Leak"));
        // an unknown key says what to do
        press("z", "unknown key", x -> last(x).startsWith("unknown key z: ? lists the keys"));
        // a resize keeps everything within the pane
        if (w == 80) {
            tmux("resize-window", "-t", "top", "-x", "130", "-y", "30");
            width = 130;
            height = 30;
            waitFor("a wider pane shows the whole owner", x -> x.stream().anyMatch(l -> l.contains("never frees its buffers")));
            System.out.printf(Locale.ROOT, "tmux 80x24 resized to 130x30: the whole owner shown ok%n");
        }
        press("q", "quits with status 0", x -> x.stream().anyMatch(l -> l.contains("EXITED-0")));
    }

    @Test
    void escQuitsAsPoolMonsEscDoes(@TempDir Path dir) throws Exception {
        width = 80;
        height = 24;
        Path data = dir.resolve("series.jsonl");
        series(data);
        start("top", "--source", "replay:" + data, "--interval", "250ms", "--no-localtag");
        waitFor("the table", x -> firstRow(x).startsWith("Leak"));
        press("Escape", "quits with status 0", x -> x.stream().anyMatch(l -> l.contains("EXITED-0")));
    }

    /** The acceptance: the demo shows owners from its drivers, and ? shows the key list. */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void theDemoShowsOwnersAndQuestionMarkTheKeys(int w, int h) throws Exception {
        width = w;
        height = h;
        start("top", "--source", "demo:leak-fast", "--no-localtag");
        List<String> p = waitFor("the demo's tags with their drivers", x -> x.stream().anyMatch(l -> l.startsWith("Lk2x")));
        assertThat(p.get(1)).contains("owners: demo:leak-fast drivers");
        assertThat(p).anyMatch(l -> l.startsWith("Lk2x") && l.contains("leakydrv.sys"));
        assertThat(p).anyMatch(l -> l.startsWith("TcpE") && l.contains("tcpip.sys"));
        System.out.printf(Locale.ROOT, "tmux %dx%d demo:leak-fast  owners shown (%s) ok%n", w, h,
                p.stream().filter(l -> l.startsWith("Lk2x")).findFirst().orElse("").replaceAll(" +", " "));
        press("?", "shows the key list", x -> String.join("\n", x).contains("q or Esc") && String.join("\n", x).contains("t a f d b m"));
        press("q", "quits with status 0", x -> x.stream().anyMatch(l -> l.contains("EXITED-0")));
    }
}
