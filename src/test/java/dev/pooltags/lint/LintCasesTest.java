package dev.pooltags.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.project.ProjectLayout;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagFile;
import dev.pooltags.tagdb.TagFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case under src/test/resources/lint/cases: the findings of the lint must be exactly the
 * {@code expect: PT00N} markers written in the case's sources (see the README there).
 */
class LintCasesTest {
    static final Path CASES = Path.of("src/test/resources/lint/cases");
    private static final Pattern EXPECT = Pattern.compile("expect:((?:\\s+PT\\d{3})+)");

    static LintResult lint(Path casePath) {
        TagDatabase db = TagDatabase.empty();
        Path local = casePath.resolve("localtag.txt");
        if (Files.isRegularFile(local)) {
            db = TagDatabase.of(List.<TagFile>of(TagFileReader.read(local, 0)));
        }
        return new Linter(Rule.all()).run(ProjectLayout.discover(List.of(casePath)), db, ProjectLayout::read);
    }

    /** "file:line RULE" for every marker in the case. */
    static TreeSet<String> expected(Path casePath) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(casePath)) {
            s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(c|cpp|h)$")).forEach(files::add);
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = EXPECT.matcher(lines.get(i));
                while (m.find()) {
                    for (String id : m.group(1).trim().split("\\s+")) {
                        out.add(ProjectLayout.display(f.toAbsolutePath().normalize(), cwd) + ":" + (i + 1) + " " + id);
                    }
                }
            }
        }
        return out;
    }

    static TreeSet<String> actual(LintResult r) {
        TreeSet<String> out = new TreeSet<>();
        for (Finding f : r.active()) {
            out.add(f.where().file() + ":" + f.where().line() + " " + f.ruleId());
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyCaseFindsExactlyWhatItsMarkersSay() throws IOException {
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(CASES)) {
            s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().forEach(cases::add);
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(16);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            LintResult r = lint(c);
            assertThat(actual(r)).as("findings of %s:%n%s", c, r.active()).isEqualTo(expected(c));
        }));
    }

    @Test
    void everyRuleHasAPositiveAndANegativeCase() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(CASES)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        for (Rule r : Rule.all()) {
            assertThat(names).as("cases of %s", r.id())
                    .anyMatch(n -> n.startsWith(r.id()) && n.contains("negative"))
                    .anyMatch(n -> n.startsWith(r.id()) && !n.contains("negative"));
        }
    }

    @Test
    void suppressedFindingsAreKeptAndMarked() {
        LintResult r = lint(CASES.resolve("suppressions"));
        assertThat(r.suppressedCount()).isEqualTo(4);
        assertThat(r.findings()).filteredOn(Finding::suppressed).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("PT003", "PT001", "PT001", "PT002");
    }

    @Test
    void theMismatchedFreeNamesTheAllocationAndOffersTheFix() {
        LintResult r = lint(CASES.resolve("PT005-error-path.cpp"));
        Finding f = r.active().get(0);
        assertThat(f.message()).contains("frees values with tag ADAPTER_POOLTAG = SyAu")
                .contains("allocated with tag SIDEBAND_POOLTAG = SyAi").contains("(12,");
        assertThat(f.related()).singleElement().satisfies(rel -> assertThat(rel.where().line()).isEqualTo(12));
        assertThat(f.fix().replacements()).singleElement().satisfies(rep -> {
            assertThat(rep.text()).isEqualTo("SIDEBAND_POOLTAG");
            assertThat(rep.region().line()).isEqualTo(26);
        });
    }

    @Test
    void theDeprecatedAllocatorFixWritesTheReplacementCall() {
        LintResult r = lint(CASES.resolve("PT004-deprecated.c"));
        List<String> fixes = r.active().stream().filter(f -> f.fix() != null)
                .map(f -> f.fix().replacements().get(0).text()).toList();
        assertThat(fixes).contains("ExAllocatePool2(POOL_FLAG_NON_PAGED, n, 'Tag1')",
                "ExAllocatePool2(POOL_FLAG_PAGED | POOL_FLAG_USE_QUOTA | POOL_FLAG_RAISE_ON_FAILURE, n, 'Tag2')",
                "ExAllocatePool2(POOL_FLAG_PAGED, Size, 'cllA')");
    }

    @Test
    void projectFilesNameTheirItemsInAnyCaseAndSeveralInOneInclude() {
        ProjectLayout miniport = ProjectLayout.discover(List.of(CASES.resolve("PT007-miniport")));
        assertThat(miniport.files()).extracting(f -> f.project().name()).containsOnly("vmini");
        ProjectLayout nx = ProjectLayout.discover(List.of(CASES.resolve("PT006-no-optin")));
        assertThat(nx.files()).extracting(f -> f.project().id()).containsOnly(CASES + "/PT006-no-optin/drv.vcxproj");
    }

    @Test
    void theInventoryListsEveryTagWithItsRoutineAndName() {
        LintResult r = lint(CASES.resolve("PT005-field-across-files"));
        assertThat(r.tagUses()).extracting(u -> u.tag().memoryText() + " " + u.routine() + " " + u.constant())
                .containsExactly("MBuf ExAllocatePool2 BUFFER_TAG", "MCtx ExAllocatePool2 CTX_TAG");
    }

    @Test
    void aFindingUnderAConditionTheSourcesCannotDecideNamesIt() {
        LintResult r = lint(CASES.resolve("PT005-ifdef-branches"));
        assertThat(r.active()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).endsWith("(compiled only if TRACE_LEVEL>2)"))
                .anySatisfy(m -> assertThat(m).contains("frees p with tag TRACE_TAG").doesNotContain("compiled only"));
    }

    @Test
    void aHeaderIsFoundThroughTheProjectsIncludePathFirst() {
        LintResult r = lint(CASES.resolve("PT005-header-by-include-path"));
        assertThat(r.active()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("with tag REQUEST_TAG = IReq").contains("allocated with tag QUEUE_TAG = IQue"));
    }

    @Test
    void findingsOnOneCallOfferOneFixThatResolvesThemAll() {
        LintResult r = lint(CASES.resolve("PT004-composed-fixes.c"));
        List<Finding> line5 = r.active().stream().filter(f -> f.where().line() == 5).toList();
        assertThat(line5).extracting(Finding::ruleId).containsExactlyInAnyOrder("PT001", "PT004");
        assertThat(line5).extracting(f -> f.fix().replacements().get(0).text())
                .containsOnly("ExAllocatePool2(POOL_FLAG_PAGED, 16, 'fByM')");
        assertThat(line5).filteredOn(f -> f.ruleId().equals("PT004")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("write ExAllocatePool2(POOL_FLAG_PAGED, 16, 'fByM')"));
        List<Finding> line6 = r.active().stream().filter(f -> f.where().line() == 6).toList();
        assertThat(line6).extracting(f -> f.fix().replacements().get(0).text())
                .containsOnly("ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, '  oI')");
    }
}
