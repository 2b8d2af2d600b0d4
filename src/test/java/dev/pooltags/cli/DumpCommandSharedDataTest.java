package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pooltags dump} end to end on the real dumps in ../shared/data/dumps. */
class DumpCommandSharedDataTest {
    static final String DIR = "../shared/data/dumps";
    static final String X64 = DIR + "/triage-x64-19041-0x1000007E.dmp";
    static final String ARM64 = DIR + "/triage-arm64-22000-0x1C8.dmp";
    static final String HEAD = DIR + "/full-x64-19045-header-only.dmp";
    static final String POOLTAG = "../shared/data/pooltag/pooltag-2023.txt";

    @Test
    void smallDumpNamesTheBugCheckTheSuspectAndThePool() {
        CliRun r = CliRun.of("dump", X64, "--tagfile", POOLTAG, "--no-localtag");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("small memory dump (triage), 64-bit x64, Windows build 19041, 16 processors")
                .contains("Bug check 0x1000007E SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M")
                .contains("2  0xFFFFF8048B58334C  The address where the exception occurred.  -> amdppm.sys+0x334c")
                .contains("Suspect: amdppm.sys")
                .contains("Drivers: 151 loaded, 4 unloaded")
                .contains("a sample of the pool, not the pool")
                .containsPattern("Cngb +Nonp +\\d+ +\\d+ +ksecdd.sys \\(loaded\\)")
                .contains("lmvm amdppm")
                .contains("!analyze -v");
    }

    @Test
    void listsEveryDriverOfTheArm64Dump() {
        CliRun r = CliRun.of("dump", ARM64, "--list-drivers", "--format", "json", "--no-localtag", "--tagfile", POOLTAG);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode d = json(r.out()).path("dumps").get(0);
        assertThat(d.path("drivers")).hasSize(245);
        assertThat(d.path("bugCheck").path("name").asText()).isEqualTo("MANUALLY_INITIATED_POWER_BUTTON_HOLD");
        assertThat(d.path("origin").asText()).isEqualTo("deliberate");
        assertThat(d.path("suspect").isNull()).isTrue();
        assertThat(d.path("pool").path("sample").asBoolean()).isTrue();
        CliRun text = CliRun.of("dump", ARM64, "--list-drivers", "--no-localtag", "--tagfile", POOLTAG);
        assertThat(text.out().lines().filter(l -> l.contains("\\SystemRoot\\"))).hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    void completeDumpHeadIsReadCutShortAndACapture() {
        CliRun r = CliRun.of("dump", HEAD, "--no-localtag", "--tagfile", POOLTAG);
        assertThat(r.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(r.out()).contains("complete memory dump (physical memory runs)")
                .contains("What wrote it: a memory capture written by a tool, not a crash")
                .contains("Physical memory: 5 runs")
                .contains("no (cut off)");
        assertThat(r.err().strip()).startsWith("pooltags: " + HEAD + ": the file is cut short: it ends at byte 16,384")
                .doesNotContain("Exception");
    }

    @Test
    void poolAndPoolfindAnswerFromTheDump() {
        CliRun r = CliRun.of("dump", X64, "--poolfind", "Cngb", "--pool", "0xffffc08bdcec14a0", "--format", "json", "--no-localtag",
                "--tagfile", POOLTAG);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode d = json(r.out()).path("dumps").get(0);
        JsonNode find = d.path("poolfind").get(0);
        assertThat(find.path("hits").size()).isGreaterThan(10);
        JsonNode page = d.path("pool");
        assertThat(page.path("blocks").size()).isGreaterThan(5);
        int marked = page.path("marked").asInt();
        assertThat(page.path("blocks").get(marked).path("tag").asText()).isEqualTo("Cngb");
    }

    @Test
    void folderOfDumpsIsATriageTable(@TempDir Path tmp) throws Exception {
        Files.copy(Path.of(X64), tmp.resolve("a.dmp"));
        Files.copy(Path.of(ARM64), tmp.resolve("b.dmp"));
        Files.writeString(tmp.resolve("app.dmp"), "MDMP\u0093\u00a7 user-mode", StandardCharsets.ISO_8859_1);
        CliRun r = CliRun.of("dump", tmp.toString(), "--no-localtag", "--tagfile", POOLTAG);
        assertThat(r.out()).contains("2 dumps read, 2 groups by bug check and suspect, 1 files not read")
                .containsPattern("1 +0x1000007E +SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M +amdppm.sys +code address +2021-02-21")
                .containsPattern("1 +0x1C8 +MANUALLY_INITIATED_POWER_BUTTON_HOLD +- +deliberate")
                .contains("app.dmp: is a user-mode minidump (MDMP signature)"); // a .dmp of a folder is read, and named
        assertThat(r.code()).isEqualTo(ExitCode.INPUT.code());
        CliRun html = CliRun.of("dump", tmp.toString(), "--format", "html", "--no-localtag", "--tagfile", POOLTAG);
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<td>amdppm.sys</td>");
        CliRun js = CliRun.of("dump", tmp.toString(), "--format", "json", "--no-localtag", "--tagfile", POOLTAG);
        assertThat(json(js.out()).path("groups")).hasSize(2);
    }

    @Test
    void userModeMinidumpIsOneLineAndExitThree(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("app.dmp");
        Files.write(f, new byte[] {'M', 'D', 'M', 'P', (byte) 0x93, (byte) 0xA7, 0, 0, 1, 2, 3});
        CliRun r = CliRun.of("dump", f.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(r.err().lines()).singleElement().asString().contains("is a user-mode minidump, not a Windows kernel crash dump");
    }

    @Test
    void convertAndLeaksReadDumps() {
        CliRun r = CliRun.of("convert", X64, "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Cngb");
        CliRun l = CliRun.of("leaks", X64, ARM64);
        assertThat(l.code()).as(l.err()).isZero();
        assertThat(l.out()).contains("2 samples");
    }

    @Test
    void lookupListsTheOwnersOfADumpsTags() {
        CliRun r = CliRun.of("lookup", "--tags-in", X64, "--no-localtag", "--tagfile", POOLTAG, "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS.code()); // some tags (AmdP) have no owner
        JsonNode results = json(r.out()).path("results");
        assertThat(results.size()).isGreaterThan(100);
        assertThat(results.get(0).path("tag").asText()).isEqualTo("PnpZ"); // most bytes first
        assertThat(results.findValuesAsText("tag")).contains("Cngb", "Io  ", "AmdP");
    }

    @Test
    void badAddressIsAUsageError() {
        CliRun r = CliRun.of("dump", X64, "--pool", "zz");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("--pool takes a hex address");
    }

    static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError(s, e);
        }
    }
}
