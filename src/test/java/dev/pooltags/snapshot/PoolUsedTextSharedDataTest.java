package dev.pooltags.snapshot;

import static dev.pooltags.snapshot.PoolMonTextSharedDataTest.T;
import static dev.pooltags.snapshot.PoolMonTextSharedDataTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.tag.PoolType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolUsedTextSharedDataTest {
    static Snapshot one(String text) {
        List<Snapshot> l = PoolUsedText.read("x", text, T);
        assertThat(l).hasSize(1);
        return l.get(0);
    }

    @Test
    void oldLayoutWithGluedDescriptions() throws Exception {
        Map<String, String> b = SharedSamples.blocks("msdocs_windbg_samples.txt");
        Snapshot s = one(b.get("windows-driver-docs-pr/debuggercmds/-poolused.md #1"));
        assertThat(row(s, "1394", PoolType.NONPAGED).allocs()).isEqualTo(1);
        assertThat(row(s, "1394", PoolType.NONPAGED).bytes()).isEqualTo(520);
        assertThat(row(s, "1394", PoolType.PAGED)).isNull(); // 0 and 0: no row
        assertThat(row(s, "AGP", PoolType.PAGED).bytes()).isEqualTo(384);
        // "0        01394 OHCI host controller driver": the paged Used is 0, the description starts with 1394
        assertThat(row(s, "ohci", PoolType.NONPAGED).bytes()).isEqualTo(136);
        assertThat(row(s, "ohci", PoolType.PAGED)).isNull();
        assertThat(row(s, "Wmip", PoolType.PAGED).bytes()).isEqualTo(18600);
        assertThat(row(s, "hSVD", PoolType.PAGED).bytes()).isEqualTo(40);
        assertThat(row(s, "rx..", PoolType.NONPAGED).bytes()).isEqualTo(1248);
        assertThat(s.rows()).noneMatch(r -> r.label().startsWith("TOT"));
    }

    @Test
    void noDescriptionAndShortTags() throws Exception {
        Snapshot s = one(SharedSamples.blocks("msdocs_windbg_samples.txt")
                .get("windows-driver-docs-pr/debugger/using-the-kernel-debugger-to-find-a-kernel-mode-memory-leak.md #0"));
        assertThat(row(s, "Abc ", PoolType.PAGED).bytes()).isEqualTo(33930272);
        assertThat(row(s, "Abc ", PoolType.NONPAGED)).isNull();
        assertThat(row(s, "Ggb ", PoolType.PAGED).allocs()).isEqualTo(22);
        assertThat(row(s, "Gla5", PoolType.NONPAGED).bytes()).isEqualTo(128);
    }

    @Test
    void currentLayoutWithTab() throws Exception {
        Snapshot s = one(SharedSamples.markdownBlock("13."));
        assertThat(row(s, "amda", PoolType.NONPAGED).bytes()).isEqualTo(1938325232L);
        assertThat(row(s, "amda", PoolType.PAGED).bytes()).isEqualTo(9360);
        assertThat(row(s, "EtwB", PoolType.PAGED).allocs()).isEqualTo(6);
        Snapshot noHeader = one(" Tag    Allocs     Used    Allocs     Used\n" + SharedSamples.markdownBlock("5."));
        assertThat(row(noHeader, "AlSc", PoolType.PAGED).bytes()).isEqualTo(25920);
        assertThat(row(noHeader, "UlKC", PoolType.NONPAGED).bytes()).isEqualTo(96);
    }

    @Test
    void badRowNamesTheLine() {
        String text = " Tag    Allocs     Used    Allocs     Used\n Abcd   1  2  3\n";
        assertThatThrownBy(() -> PoolUsedText.read("dump.txt", text, T)).hasMessageStartingWith("dump.txt:2: not a !poolused row");
    }
}
