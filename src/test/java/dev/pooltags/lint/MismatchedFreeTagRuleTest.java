package dev.pooltags.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.project.ProjectLayout;
import dev.pooltags.tagdb.TagDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PT005 on the shapes that used to make it quadratic: each free cites only the allocations that reach it. */
class MismatchedFreeTagRuleTest {
    static LintResult lint(Path dir) {
        return new Linter(List.of(new MismatchedFreeTagRule())).run(ProjectLayout.discover(List.of(dir)),
                TagDatabase.empty(), ProjectLayout::read);
    }

    /** N lines of an allocation and a free with another tag, in one function. */
    static String pairs(int n, boolean oneLine) {
        StringBuilder sb = new StringBuilder("VOID Pairs(VOID)\n{\n    PVOID p;\n");
        for (int i = 0; i < n; i++) {
            sb.append("    p = ExAllocatePoolWithTag(NonPagedPoolNx, 16, 'gaTx'); ExFreePoolWithTag(p, 'gaTy');");
            sb.append(oneLine ? ' ' : '\n');
        }
        return sb.append("}\n").toString();
    }

    @Test
    void eachFreeOfManyPairsCitesTheOneAllocationBeforeIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pairs.c"), pairs(400, false));
        LintResult r = lint(dir);
        assertThat(r.active()).hasSize(400);
        for (Finding f : r.active()) {
            assertThat(f.related()).singleElement()
                    .satisfies(rel -> assertThat(rel.where().line()).isEqualTo(f.where().line()));
            assertThat(f.message()).doesNotContain("more)");
        }
    }

    @Test
    void aGlobalAllocatedInManyFunctionsIsSummarizedOnceAndCitedWithinBounds(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("PVOID g_Buffer;\n");
        for (int i = 0; i < 200; i++) {
            sb.append("VOID Make").append(i).append("(VOID) { g_Buffer = ExAllocatePool2(POOL_FLAG_PAGED, 8, 'gaTx'); }\n");
        }
        sb.append("VOID Drop(VOID) { ExFreePoolWithTag(g_Buffer, 'gaTy'); }\n");
        Files.writeString(dir.resolve("global.c"), sb.toString());
        LintResult r = lint(dir);
        assertThat(r.active()).singleElement().satisfies(f -> {
            assertThat(f.related()).hasSize(8);
            assertThat(f.message()).contains("(and 199 more)");
        });
    }

    @Test
    void aFreeReachedByTooManyBranchesIsLeftAlone(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("VOID Many(ULONG c)\n{\n    PVOID p = NULL;\n");
        for (int i = 0; i < ReachingStores.MAX + 4; i++) {
            sb.append("    if (c == ").append(i).append(") { p = ExAllocatePool2(POOL_FLAG_PAGED, 8, 'gaTx'); }\n");
        }
        sb.append("    ExFreePoolWithTag(p, 'gaTy');\n}\n");
        Files.writeString(dir.resolve("many.c"), sb.toString());
        assertThat(lint(dir).active()).isEmpty();
    }

    @Test
    void findingsBeyondTheLimitPerRuleAndFileAreCountedInANotice(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pairs.c"), pairs(50, true));
        LintResult r = new Linter(List.of(new MismatchedFreeTagRule()), new Linter.Options(false, 10))
                .run(ProjectLayout.discover(List.of(dir)), TagDatabase.empty(), ProjectLayout::read);
        assertThat(r.active()).hasSize(10);
        assertThat(r.notices()).singleElement().asString().endsWith("pairs.c: 40 more PT005 findings not listed (at most "
                + "10 per rule and file)");
    }

    @Test
    void aFunctionWithMoreEventsThanAreKeptIsFollowedAsFarAsTheyGoAndSaysSo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("huge.c"), pairs(FileScanner.MAX_EVENTS / 2 + 100, true));
        LintResult r = new Linter(List.of(new MismatchedFreeTagRule()), new Linter.Options(false, 0))
                .run(ProjectLayout.discover(List.of(dir)), TagDatabase.empty(), ProjectLayout::read);
        assertThat(r.active()).hasSize(FileScanner.MAX_EVENTS / 2);
        assertThat(r.notices()).singleElement().asString().contains("huge.c:1 Pairs: more than 20000 pointer stores");
    }

    @Test
    void aLongElifChainIsNamedShortly(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("VOID F(VOID)\n{\n    PVOID p = ExAllocatePool2(POOL_FLAG_PAGED, 8, 'gaTx');\n#if MODEL == 0\n");
        for (int i = 1; i < 3000; i++) {
            sb.append("#elif MODEL == ").append(i).append('\n');
        }
        sb.append("#else\n    ExFreePoolWithTag(p, 'gaTy');\n#endif\n}\n");
        Files.writeString(dir.resolve("chain.c"), sb.toString());
        assertThat(lint(dir).active()).singleElement().satisfies(f -> assertThat(f.message())
                .endsWith("(compiled only if none of the 3000 conditions above)"));
    }
}
