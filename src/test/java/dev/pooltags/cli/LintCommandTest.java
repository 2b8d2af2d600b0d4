package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pooltags lint} end to end through {@link Main#run}. */
class LintCommandTest {
    static final String CASES = "src/test/resources/lint/cases/";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void textIsCompilerStyleAndErrorsFailTheRun() {
        Run r = run("lint", CASES + "PT005-error-path.cpp");
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith(CASES + "PT005-error-path.cpp(26,35): error PT005: ExFreePoolWithTag frees values")
                .contains("    " + CASES + "PT005-error-path.cpp(12,40): note: allocated here by ExAllocatePool2")
                .contains("    fix: Free with the allocation's tag: SIDEBAND_POOLTAG")
                .contains("1 findings (1 errors, 0 warnings, 0 notes) in 1 files, 29 lines; 0 suppressed");
    }

    @Test
    void failOnSetsTheGate() {
        assertThat(run("lint", CASES + "PT003-untagged.c").code()).isEqualTo(ExitCode.OK.code());
        assertThat(run("lint", "--fail-on", "warning", CASES + "PT003-untagged.c").code()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(run("lint", "--fail-on", "none", CASES + "PT005-error-path.cpp").code()).isEqualTo(ExitCode.OK.code());
        assertThat(run("lint", "--fail-on", "warning", CASES + "PT001-negative.c").code()).isEqualTo(ExitCode.OK.code());
        assertThat(run("lint", "--fail-on", "note", CASES + "PT008-two-drivers").code()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(run("lint", "--fail-on", "warning", CASES + "PT008-two-drivers").code()).isEqualTo(ExitCode.OK.code());
    }

    @Test
    void jsonListsFindingsWithPlacesFixesAndRelatedLocations() throws Exception {
        Run r = run("lint", "--format", "json", CASES + "PT005-wrapper-macros.c", CASES + "suppressions");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("files").asInt()).isEqualTo(2);
        assertThat(root.get("suppressed").asInt()).isEqualTo(4);
        JsonNode f = root.get("findings").get(0);
        assertThat(f.get("rule").asText()).isEqualTo("PT005");
        assertThat(f.get("level").asText()).isEqualTo("error");
        assertThat(f.get("line").asInt()).isEqualTo(19);
        assertThat(f.get("related").get(0).get("line").asInt()).isEqualTo(10);
        assertThat(root.get("findings")).hasSize(2);
    }

    @Test
    void onlyTheSelectedRulesRun() {
        Run r = run("lint", "--rule", "PT003", CASES + "PT004-deprecated.c", CASES + "PT003-untagged.c");
        assertThat(r.out()).contains("PT003").doesNotContain("PT004");
        assertThat(run("lint", "--rule", "PT999", CASES).err()).isEqualTo(
                "pooltags: unknown rule 'PT999'; the rules are PT001 to PT009 (see --list-rules)\n");
    }

    @Test
    void listRulesShowsEveryRuleWithItsHelp() {
        Run r = run("lint", "--list-rules");
        assertThat(r.code()).isEqualTo(ExitCode.OK.code());
        for (int i = 1; i <= 9; i++) {
            assertThat(r.out()).contains("PT00" + i + "  ");
        }
        assertThat(r.out()).contains("Fix:");
    }

    @Test
    void badInputIsOneLineAndAnExitCode() {
        Run missing = run("lint", "no/such/folder");
        assertThat(missing.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(missing.err()).isEqualTo("pooltags: no/such/folder: no such file or folder\n");
        Run none = run("lint");
        assertThat(none.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(none.err()).contains("name at least one source file or folder");
        assertThat(run("lint", "--tags", "--format", "sarif", CASES).code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run("lint", "--format", "localtag", CASES).code()).isEqualTo(ExitCode.USAGE.code());
        Run badTagFile = run("lint", "--tagfile", "no/such/pooltag.txt", CASES + "PT001-negative.c");
        assertThat(badTagFile.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(badTagFile.err().lines().count()).isEqualTo(1);
    }

    @Test
    void wrappersAreListedWithHowTheyTakeTheirTag() {
        Run r = run("lint", "--wrappers", CASES + "PT005-wrapper-functions", CASES + "PT005-declared-wrapper");
        assertThat(r.code()).isEqualTo(ExitCode.OK.code());
        assertThat(r.out()).containsPattern("DrvAllocate +allocate +parameter 2 \\(Tag\\) +ExAllocatePool2 .*alloc.c\\(6,7\\) +found")
                .containsPattern("DrvAllocateEntry +allocate +fixed: ENTRY_TAG +ExAllocatePool2")
                .containsPattern("DrvFree +free \\(argument 1\\) +parameter 2 \\(Tag\\) +ExFreePoolWithTag")
                .containsPattern("DrvFreeBuffer +free \\(argument 1\\) +fixed: BUFFER_TAG")
                .containsPattern("g_PoolAlloc +allocate +parameter 2 \\(argument 2\\) +ExAllocatePool2 .*\\.pooltags\\.yml\\(4,1\\) +declared")
                .containsPattern("LibReleaseBlock +free \\(argument 1\\) +fixed: 'kcLB' +ExFreePoolWithTag")
                .endsWith("6 wrapper functions\n");
    }

    @Test
    void aBrokenPooltagsYmlIsOneLineNamingFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.c"), "void f(void) { }\n");
        Files.writeString(dir.resolve(".pooltags.yml"), "wrappers:\n  - function: MyAlloc\n    kind: alocate\n    tag: 1\n");
        Run r = run("lint", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(r.err()).endsWith(".pooltags.yml:3: kind: 'alocate' is not one of allocate, allocate-out, free, "
                + "lookaside\n").hasLineCount(1);
        Files.writeString(dir.resolve(".pooltags.yml"), "wrapers: []\n");
        assertThat(run("lint", dir.toString()).err()).contains(".pooltags.yml:1: the file: unknown key 'wrapers'");
    }

    @Test
    void aBinaryFileNamedLikeSourceIsSkipped(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("blob.c"), new byte[] {0, 1, 2, 'E', 'x', 0, (byte) 0xFF});
        Files.writeString(dir.resolve("a.c"), "void f(void) { PVOID p = ExAllocatePool(PagedPool, 8); }\n");
        Run r = run("lint", dir.toString());
        assertThat(r.out()).contains("warning PT003").contains("in 1 files");
    }

    @Test
    void theTagInventoryIsALocalTagFileThatLookupReads(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("localtag.txt");
        Run r = run("lint", "--tags", "--format", "localtag", "-o", local.toString(), CASES + "PT005-field-across-files");
        assertThat(r.code()).isEqualTo(ExitCode.OK.code());
        String text = Files.readString(local, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("MBuf - PT005-field-across-files.sys - ExAllocatePool2 at " + CASES
                + "PT005-field-across-files/create.c:5 (BUFFER_TAG)\r\n");
        Run lookup = run("lookup", "--no-localtag", "--localtag", local.toString(), "--tagfile", local.toString(), "MBuf",
                "'xtCM'");
        assertThat(lookup.code()).as(lookup.err()).isEqualTo(ExitCode.OK.code());
        assertThat(lookup.out()).contains("PT005-field-across-files.sys").contains("CTX_TAG");
    }

    @Test
    void theTagInventoryAsTextJsonAndCsv() throws Exception {
        Run text = run("lint", "--tags", CASES + "PT005-global.c");
        assertThat(text.out()).contains("MLog  'goLM'   ExAllocatePool2").contains("1 tags, 1 uses");
        JsonNode json = new ObjectMapper().readTree(run("lint", "--tags", "--format", "json", CASES + "PT005-global.c").out());
        assertThat(json.at("/tags/0/tag").asText()).isEqualTo("MLog");
        assertThat(json.at("/tags/0/uses/0/constant").asText()).isEqualTo("LOG_TAG");
        assertThat(run("lint", "--tags", "--format", "csv", CASES + "PT005-global.c").out())
                .startsWith("tag,value,literal,routine,file,line,column,constant,project,binary");
    }

    @Test
    void aPooltagFileGivenWithTagfileFindsCollisions() {
        Run r = run("lint", "--no-localtag", "--tagfile", CASES + "PT008-pooltag-collision/localtag.txt",
                "--fail-on", "none", CASES + "PT008-pooltag-collision/alloc.c");
        assertThat(r.out()).contains("note PT008: MY_TAG (Ntfx) is already listed in").contains("for ntfs.sys");
    }
}
