package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.leak.eval.EvaluationSet.Scenario;
import dev.pooltags.leak.eval.SyntheticRecording;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotJsonLines;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** {@code pooltags leaks} driven through the real command line ({@link Main#run}). */
class LeaksCommandTest {
    /** A leak, a filling cache, released sawtooth, a one-off step and healthy noise, 240 samples a minute apart. */
    static final List<Scenario> MIX = List.of(Scenario.SLOW_LEAK_HEAVY_NOISE, Scenario.PLATEAU_CACHE_LINEAR,
            Scenario.SAWTOOTH_RELEASED, Scenario.ONE_OFF_STEP, Scenario.HEALTHY_NOISE, Scenario.LEAK_AFTER_ONSET);
    static final Path GOLDEN = Path.of("src/test/resources/dev/pooltags/leak/leaks-golden.json");

    @TempDir
    static Path dir;
    static Path leaking;
    static Path healthy;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Path write(Path file, List<Snapshot> series) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Snapshot s : series) {
                SnapshotJsonLines.write(w, s);
            }
        }
        return file;
    }

    @BeforeAll
    static void recordings() throws IOException {
        leaking = write(dir.resolve("leaking.jsonl"), SyntheticRecording.of(MIX, 240, 60, 5));
        healthy = write(dir.resolve("healthy.jsonl"), SyntheticRecording.of(List.of(Scenario.HEALTHY_NOISE,
                Scenario.PLATEAU_CACHE_EXPONENTIAL, Scenario.SAWTOOTH_RELEASED, Scenario.ONE_OFF_STEP), 240, 60, 6));
    }

    @Test
    void text_names_the_leaks_and_not_the_cache() {
        Run r = run("leaks", leaking.toString(), "--no-localtag", "--tagfile", "../shared/data/pooltag/pooltag-2023.txt");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("240 samples from 2026-01-05 08:00:00Z to 2026-01-05 11:59:00Z (3h 59m), 6 tags");
        assertThat(r.out()).contains("2 leaks,").containsPattern("(?m)^leak +Ls00 ").containsPattern("(?m)^leak +Lo05 ");
        assertThat(r.out()).doesNotContainPattern("(?m)^leak +Cl01 ").contains("Next: ");
    }

    @Test
    void fail_on_gates_the_exit_status() {
        assertThat(run("leaks", "--fail-on", "leak", healthy.toString()).code()).isEqualTo(ExitCode.OK.code());
        assertThat(run("leaks", "--fail-on", "leak", leaking.toString()).code()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(run("leaks", leaking.toString()).code()).isEqualTo(ExitCode.OK.code()); // no gate, no failure
        assertThat(run("leaks", "--fail-on", "likely", leaking.toString()).code()).isEqualTo(ExitCode.FINDINGS.code());
    }

    @Test
    void json_matches_the_golden_file() throws IOException {
        Run r = run("leaks", leaking.toString(), "--format", "json", "--all", "--no-localtag");
        assertThat(r.code()).isZero();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, r.out());
        }
        assertThat(r.out()).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void junit_xml_parses_back_with_the_leaks_as_failures() throws Exception {
        Path xml = dir.resolve("leaks.xml");
        Run r = run("leaks", leaking.toString(), "--format", "junit", "-o", xml.toString(), "--fail-on", "leak");
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS.code());
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(xml))));
        Element suites = d.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(6);
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertThat(c.getAttribute("classname")).startsWith("pooltags.leaks.");
            NodeList f = c.getElementsByTagName("failure");
            if (f.getLength() > 0) {
                Element fe = (Element) f.item(0);
                assertThat(fe.getAttribute("type")).isEqualTo("leak");
                assertThat(fe.getAttribute("message")).startsWith("leak: ");
                assertThat(fe.getTextContent()).contains("Mann-Kendall");
                failed.add(c.getAttribute("name"));
            }
        }
        assertThat(failed).containsExactlyInAnyOrder("Ls00", "Lo05");
    }

    @Test
    void html_is_one_self_contained_file_with_a_chart_per_metric() throws IOException {
        Path html = dir.resolve("report.html");
        assertThat(run("leaks", leaking.toString(), "--format", "html", "-o", html.toString()).code()).isZero();
        String s = Files.readString(html);
        assertThat(s).startsWith("<!DOCTYPE html>").contains("<section class=\"suspect\" id=\"t-Ls00-Nonp\"")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://").doesNotContain("src=");
        // every shown suspect has a bytes chart and a count chart, each with the series and, if growing, the trend
        int sections = s.split("<section class=\"suspect\"", -1).length - 1;
        assertThat(s.split("<svg class=\"chart\"", -1).length - 1).isEqualTo(2 * sections);
        assertThat(s).contains("<polyline class=\"series\"").contains("<line class=\"trend\"");
    }

    @Test
    void phase_mode_reports_what_a_test_left_behind() throws IOException {
        Instant t = Instant.parse("2026-04-01T09:00:00Z");
        PoolTag drsd = PoolTag.parse("Drsd");
        Path before = write(dir.resolve("before.jsonl"), List.of(new Snapshot(t, "lab", "test",
                List.of(TagCounters.of(drsd, PoolType.PAGED, 560, 539, 17472)))));
        Path after = write(dir.resolve("after.jsonl"), List.of(new Snapshot(t.plusSeconds(900), "lab", "test",
                List.of(TagCounters.of(drsd, PoolType.PAGED, 737, 710, 22464)))));
        Run r = run("leaks", "--baseline", before.toString(), "--after", after.toString(), "--fail-on", "likely");
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(r.out()).contains("likely leak  Drsd").contains("+4.9 KiB").contains("+6");
        Run swapped = run("leaks", "--baseline", after.toString(), "--after", before.toString());
        assertThat(swapped.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(swapped.err()).contains("do not come after the baseline");
    }

    @Test
    void bad_input_gets_one_clear_line_and_an_input_error() throws IOException {
        Instant t = Instant.parse("2026-04-01T09:00:00Z");
        TagCounters row = TagCounters.of(PoolTag.parse("MyBf"), PoolType.NONPAGED, 10, 2, 1024);
        Path one = write(dir.resolve("one.jsonl"), List.of(new Snapshot(t, "h", "test", List.of(row))));
        Run r = run("leaks", one.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(r.err()).startsWith("pooltags: " + one + ": only one snapshot").doesNotContain("Exception");
        assertThat(r.err().lines().count()).isEqualTo(1);

        TagCounters other = TagCounters.of(PoolTag.parse("MyBf"), PoolType.NONPAGED, 12, 2, 2048);
        Path clash = write(dir.resolve("clash.jsonl"), List.of(new Snapshot(t, "h", "a", List.of(row)),
                new Snapshot(t, "h", "b", List.of(other))));
        assertThat(run("leaks", clash.toString()).err()).contains("two different snapshots have the same time");

        Path mixed = write(dir.resolve("mixed.jsonl"), List.of(new Snapshot(t, "alpha", "a", List.of(row)),
                new Snapshot(t.plusSeconds(60), "beta", "a", List.of(other))));
        Run m = run("leaks", mixed.toString());
        assertThat(m.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(m.err()).contains("2 machines (alpha, beta)");

        Path garbage = dir.resolve("garbage.jsonl");
        Files.writeString(garbage, "{\"time\":\"yesterday\"}\n");
        Run g = run("leaks", garbage.toString());
        assertThat(g.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(g.err()).startsWith("pooltags: " + garbage + ":1: ");

        assertThat(run("leaks", dir.resolve("missing.jsonl").toString()).code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(run("leaks").code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run("leaks", "--alpha", "2", leaking.toString()).code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run("leaks", "--baseline", leaking.toString()).code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run("leaks", "--format", "pdf", leaking.toString()).code()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void gaps_are_noted_and_the_analysis_goes_on() throws IOException {
        List<Snapshot> s = new ArrayList<>(SyntheticRecording.of(List.of(Scenario.FAST_LEAK), 60, 60, 9));
        List<Snapshot> gapped = new ArrayList<>(s.subList(0, 30));
        for (Snapshot x : s.subList(30, 60)) {
            gapped.add(new Snapshot(x.time().plusSeconds(6 * 3600), x.host(), x.source(), x.rows()));
        }
        Path p = write(dir.resolve("gap.jsonl"), gapped);
        Run r = run("leaks", p.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("note: no samples for 6h 01m between").contains("leak ");
    }
}
