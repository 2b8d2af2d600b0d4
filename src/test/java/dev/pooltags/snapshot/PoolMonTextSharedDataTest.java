package dev.pooltags.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolMonTextSharedDataTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static TagCounters row(Snapshot s, String tag, PoolType type) {
        return s.byKey().get(new TagCounters.RowKey(PoolTag.parse(tag), null, type));
    }

    static Snapshot one(String text) {
        List<Snapshot> l = PoolMonText.read("x", text, T);
        assertThat(l).hasSize(1);
        return l.get(0);
    }

    @Test
    void displayScreenWithTotals() throws Exception {
        Snapshot s = one(SharedSamples.blocks("msdocs_poolmon_samples.txt").get("windows-driver-docs-pr/devtest/poolmon-display.md #0"));
        assertThat(s.rows()).hasSize(8);
        TagCounters wait = row(s, "Wait", PoolType.NONPAGED);
        assertThat(wait.allocs()).isEqualTo(3971107);
        assertThat(wait.frees()).isEqualTo(3971077);
        assertThat(wait.bytes()).isEqualTo(8456);
        assertThat(wait.perAlloc()).isEqualTo(281);
        assertThat(row(s, "Io", PoolType.NONPAGED).bytes()).isEqualTo(91912); // 'Io  ' padded
        assertThat(s.totals()).containsEntry("memory.total", 260620L * 1024).containsEntry("memory.available", 96364L * 1024)
                .containsEntry("kernel.paged.inram", 17856L * 1024).containsEntry("pool.nonpaged", 8332L * 1024)
                .containsEntry("pool.paged", 27220L * 1024).containsEntry("commit.limit", 640916L * 1024);
    }

    @Test
    void mappedDriverColumnAndTagsWithSpaces() throws Exception {
        Map<String, String> b = SharedSamples.blocks("msdocs_poolmon_samples.txt");
        Snapshot ntfs = one(b.get("windows-driver-docs-pr/devtest/poolmon-examples.md #10"));
        assertThat(ntfs.rows()).hasSize(13);
        assertThat(row(ntfs, "NtFB", PoolType.PAGED).bytes()).isEqualTo(252088);
        Snapshot sessions = one(b.get("windows-driver-docs-pr/devtest/poolmon-examples.md #21"));
        assertThat(sessions.rows()).hasSize(16); // the "..." line is skipped
        assertThat(row(sessions, "Dh 1", PoolType.PAGED).allocs()).isEqualTo(24);
        Snapshot noIndent = one(b.get("windows-driver-docs-pr/devtest/poolmon-examples.md #24"));
        assertThat(row(noIndent, "Gcac", PoolType.PAGED).bytes()).isEqualTo(305400);
        Snapshot empty = one(b.get("windows-driver-docs-pr/devtest/poolmon-examples.md #27"));
        assertThat(empty.rows()).isEmpty();
        Snapshot changes = one(b.get("windows-driver-docs-pr/devtest/poolmon-examples.md #18"));
        assertThat(row(changes, "Drsd", PoolType.PAGED).bytes()).isEqualTo(17472);
    }

    @Test
    void leakProcedureScreens() throws Exception {
        Map<String, String> b = SharedSamples.blocks("msdocs_poolmon_samples.txt");
        Snapshot s = one(b.get("windows-driver-docs-pr/debugger/using-poolmon-to-find-a-kernel-mode-memory-leak.md #0"));
        assertThat(row(s, "CM", PoolType.PAGED).bytes()).isEqualTo(1377312);
        assertThat(row(s, "Strg", PoolType.PAGED).outstanding()).isEqualTo(3727);
        Snapshot hid = one(b.get("windows-driver-docs-pr/debugger/using-poolmon-to-find-a-kernel-mode-memory-leak.md #1"));
        assertThat(row(hid, "HidC", PoolType.NONPAGED).bytes()).isEqualTo(19808);
        assertThat(row(hid, "HidC", PoolType.PAGED).bytes()).isEqualTo(896);
        assertThat(hid.totals()).containsEntry("memory.total", 33473120L * 1024).containsEntry("pool.paged", 1955448L * 1024);
    }

    @Test
    void everyScreenInTheDocsParses() throws Exception {
        int tables = 0;
        for (Map.Entry<String, String> e : SharedSamples.blocks("msdocs_poolmon_samples.txt").entrySet()) {
            if (PoolMonText.looksLike(e.getValue())) {
                assertThat(PoolMonText.read(e.getKey(), e.getValue(), T)).as(e.getKey()).isNotEmpty();
                tables++;
            }
        }
        assertThat(tables).isGreaterThanOrEqualTo(12);
    }

    @Test
    void realWorldCollapsedGluedTabbedAndNegativeChanges() throws Exception {
        Snapshot collapsed = one(SharedSamples.markdownBlock("1."));
        assertThat(row(collapsed, "File", PoolType.NONPAGED).bytes()).isEqualTo(13203912);
        Snapshot glued = one(SharedSamples.markdownBlock("2."));
        assertThat(row(glued, "MmSt", PoolType.PAGED).bytes()).isEqualTo(28286672);
        assertThat(row(glued, "CM31", PoolType.PAGED).allocs()).isEqualTo(169392);
        assertThat(glued.totals()).containsEntry("commit", 1535208L * 1024).containsEntry("pool.nonpaged", 43452L * 1024);
    }

    @Test
    void badRowsNameTheLine() {
        String text = " Tag  Type     Allocs            Frees            Diff   Bytes       Per Alloc\n\n"
                + " Abcd Nonp    10 (   0)   5 (   0)       5    100 (     0)     20\n"
                + " Efgh Nonp    10 (   0)   5 (   0)       3    100 (     0)     20\n";
        assertThatThrownBy(() -> PoolMonText.read("poolsnap.log", text, T)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("poolsnap.log:4: Diff 3 is not Allocs - Frees");
        String garbled = " Tag  Type     Allocs            Frees            Diff   Bytes       Per Alloc\n Abcd Nonp  12 x\n";
        assertThatThrownBy(() -> PoolMonText.read("s.txt", garbled, T)).hasMessageStartingWith("s.txt:2: not a PoolMon row");
        assertThatThrownBy(() -> PoolMonText.read("s.txt", "hello\n", T)).hasMessageContaining("no PoolMon table");
    }
}
