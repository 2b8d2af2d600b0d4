package dev.pooltags.debugger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.poolblock.BlockKind;
import dev.pooltags.poolblock.BlockState;
import dev.pooltags.poolblock.PoolBlock;
import dev.pooltags.poolblock.PoolFindResult;
import dev.pooltags.poolblock.PoolPage;
import dev.pooltags.poolblock.PoolRegion;
import dev.pooltags.snapshot.PoolUsedText;
import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every sample section of ../shared/data/tool-output read as a debugger log on its own (the rest of its file blanked,
 * so line numbers are the file's): what each section says, and every line a reader could not read, with its number and
 * why. Sections that hold no pool command (syntax lines, db, ln, !analyze) are refused with one clear message.
 */
class DebuggerSamplesSharedDataTest {
    private static Map<String, SampleSections.Section> docs;

    @BeforeAll
    static void load() throws Exception {
        docs = SampleSections.msdocs();
    }

    private static DebuggerLog doc(String title) {
        SampleSections.Section s = docs.get(title);
        assertThat(s).as(title).isNotNull();
        return DebuggerLogReader.read(s.file().toString(), s.lines());
    }

    private static DebuggerLog real(int n) throws Exception {
        SampleSections.Section s = SampleSections.real(n);
        return DebuggerLogReader.read(s.file().toString(), s.lines());
    }

    private static long line(dev.pooltags.poolblock.Origin o) {
        return ((dev.pooltags.poolblock.Origin.Line) o).line();
    }

    @Test
    @DisplayName("!poolused, old layout with glued descriptions and a '...' cut: 35 rows, no irregular line")
    void poolusedOld() {
        DebuggerLog l = doc("windows-driver-docs-pr/debuggercmds/-poolused.md #1");
        assertThat(l.problems()).isEmpty();
        PoolUsedText.Table t = l.poolUsed().get(0);
        assertThat(t.rows()).hasSize(35);
        assertThat(t.cut()).isTrue();
        assertThat(t.sortedBy()).isEqualTo("Tag");
        assertThat(t.headerLine()).isEqualTo(11);
        PoolUsedText.Row first = t.rows().get(0);
        assertThat(first.tag()).isEqualTo(PoolTag.ofMemoryText("1394"));
        assertThat(first.line()).isEqualTo(12);
        assertThat(first.unknownToDebugger()).isTrue();
        PoolUsedText.Row kb = t.rows().stream().filter(r -> r.tag().equals(PoolTag.ofMemoryText("8042"))).findFirst().orElseThrow();
        assertThat(kb.binary()).isEqualTo("i8042prt.sys");
        assertThat(kb.owner()).isEqualTo("PS/2 kb and mouse");
        PoolUsedText.Row ohci = t.rows().stream().filter(r -> r.tag().equals(PoolTag.ofMemoryText("ohci"))).findFirst().orElseThrow();
        assertThat(ohci.pagedBytes()).isZero();
        assertThat(ohci.description()).isEqualTo("1394 OHCI host controller driver");
    }

    @Test
    void poolusedSortedByPaged() {
        DebuggerLog l = doc("windows-driver-docs-pr/debugger/using-the-kernel-debugger-to-find-a-kernel-mode-memory-leak.md #0");
        assertThat(l.problems()).isEmpty();
        PoolUsedText.Table t = l.poolUsed().get(0);
        assertThat(t.command()).isEqualTo("!poolused 4");
        assertThat(t.sortedBy()).isEqualTo("Paged Pool Consumed");
        assertThat(t.rows()).extracting(r -> r.tag().memoryText()).containsExactly("Abc ", "Tron", "IoN7", "Gla5", "Ggb ");
        assertThat(t.rows().get(0).pagedBytes()).isEqualTo(33930272);
        assertThat(t.rows().get(0).line()).isEqualTo(59);
    }

    @Test
    @DisplayName("!poolfind old layout: 19 hits with sizes, previous sizes and states; the second search stopped early and was cut")
    void poolfindOld() {
        DebuggerLog l = doc("windows-driver-docs-pr/debuggercmds/-poolfind.md #1");
        assertThat(l.problems()).isEmpty();
        PoolFindResult nonpaged = l.finds().get(0);
        assertThat(nonpaged.query()).isEqualTo("SeSd 0");
        assertThat(nonpaged.tag()).contains(PoolTag.ofMemoryText("SeSd"));
        assertThat(nonpaged.hits()).hasSize(19).allMatch(b -> b.tag().equals(PoolTag.ofMemoryText("SeSd")));
        assertThat(nonpaged.hits()).filteredOn(b -> b.state() == BlockState.FREE).hasSize(2);
        assertThat(nonpaged.searched()).hasSize(3);
        assertThat(nonpaged.searched().get(0).bigPoolTable()).isTrue();
        assertThat(nonpaged.searched().get(1).region()).isEqualTo(PoolRegion.NONPAGED);
        assertThat(nonpaged.complete()).isTrue();
        PoolBlock first = nonpaged.hits().get(0);
        assertThat(first.address()).isEqualTo(0x826fa130L);
        assertThat(first.size()).isEqualTo(0xc0);
        assertThat(first.previousSize()).hasValue(0x40);
        assertThat(first.pool()).isEqualTo(PoolRegion.NONPAGED);
        assertThat(line(first.origin())).isEqualTo(80);
        PoolFindResult paged = l.finds().get(1);
        assertThat(paged.hits()).hasSize(4).allMatch(b -> b.pool() == PoolRegion.PAGED);
        assertThat(paged.cut()).isTrue();
        assertThat(paged.stoppedAt()).hasValue(0xe1224000L);
    }

    @Test
    @DisplayName("!pool: the marked block, a free block with a two-character tag, a cut listing; with flag 1 the contents are skipped")
    void pool() {
        DebuggerLog l = doc("windows-driver-docs-pr/debuggercmds/-pool.md #1");
        assertThat(l.problems()).isEmpty();
        PoolPage p = l.pages().get(0);
        assertThat(p.queried()).isEqualTo(0xe1001050L);
        assertThat(p.blocks()).hasSize(7);
        assertThat(p.markedBlock().orElseThrow().tag()).isEqualTo(PoolTag.ofMemoryText("ObDi"));
        assertThat(p.markedBlock().orElseThrow().address()).isEqualTo(0xe1001050L);
        assertThat(p.blocks().get(1).tag()).isEqualTo(PoolTag.ofMemoryText("Mm  "));
        assertThat(p.blocks().get(1).state()).isEqualTo(BlockState.FREE);
        assertThat(p.cut()).isTrue();
        DebuggerLog withContents = doc("windows-driver-docs-pr/debuggercmds/-pool.md #2");
        assertThat(withContents.problems()).isEmpty();
        assertThat(withContents.pages().get(0).blocks()).hasSize(4);
        assertThat(withContents.pages().get(0).marked()).isEqualTo(2);
    }

    @Test
    @DisplayName("!verifier 0xf (Windows 7): flags, options, drivers with counters, tracked rows; the '...' cuts are reported")
    void verifierWin7() {
        DebuggerLog l = doc("windows-driver-docs-pr/debuggercmds/-verifier.md #2");
        assertThat(l.problems()).extracting(LogProblem::kind).containsExactly("incomplete-listing", "incomplete-listing");
        assertThat(l.problems()).extracting(p -> line(p.origin())).containsExactly(223L, 236L);
        VerifierStatus v = l.verifier().get(0);
        assertThat(v.flags()).hasValue(0x9bb);
        assertThat(v.enabled()).hasSize(8).contains("Special pool", "All pool allocations checked on unload");
        assertThat(v.drivers()).extracting(VerifiedDriver::name).containsExactly("videoprt.sys", "usbport.sys");
        assertThat(v.drivers().get(0).pagedAllocations()).hasValue(0x13);
        assertThat(v.drivers().get(0).pagedBytes()).hasValue(0x854);
        assertThat(v.allocations()).hasSize(6);
        assertThat(v.counters()).anyMatch(c -> c.name().equals("Pool Allocations Succeeded SpecialPool") && c.value() == 0x7b058);
        assertThat(v.counters()).anyMatch(c -> c.name().equals("Current nonpaged pool allocations") && c.value() == 0xe3
                && c.bytes().getAsLong() == 0x46110);
    }

    @Test
    @DisplayName("!verifier 3 (Windows 8.1): the tracked allocations with their callers' symbols")
    void verifier3() {
        DebuggerLog l = doc("windows-driver-docs-pr/devtest/debugging-memory-leaks---driver-verifier-detected-violation--c4---0x62.md #1");
        assertThat(l.problems()).isEmpty();
        VerifierStatus v = l.verifier().get(0);
        assertThat(v.flags()).hasValue(0x209bb);
        assertThat(v.enabled()).contains("Special pool", "Pool tracking").doesNotContain("IRP logging");
        assertThat(v.drivers()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("MyDriver.sys");
            assertThat(d.nonpagedBytes()).hasValue(0x1058);
        });
        assertThat(v.allocations()).extracting(a -> a.tag().memoryText()).containsExactly("VMdl", "mdrv", "Vfwi");
        TrackedAllocation first = v.allocations().get(0);
        assertThat(first.address()).isEqualTo(0x982a8fe0L);
        assertThat(first.size()).isEqualTo(0x20);
        assertThat(first.caller()).isEqualTo("MyDriver!DeviceControlDispatch");
        assertThat(first.callerModule()).isEqualTo("MyDriver");
        assertThat(first.pool()).isEqualTo(PoolRegion.NONPAGED);
        assertThat(line(first.origin())).isEqualTo(442);
    }

    @Test
    @DisplayName("!verifier 0x80: entries with stacks, allocation or free from the pool routine on the stack, the driver frame as caller")
    void poolLog() {
        DebuggerLog w7 = doc("windows-driver-docs-pr/debuggercmds/-verifier.md #3");
        assertThat(w7.problems()).isEmpty();
        assertThat(w7.poolLog()).extracting(PoolLogEntry::operation)
                .containsExactly(PoolLogEntry.Operation.FREE, PoolLogEntry.Operation.ALLOCATE);
        assertThat(w7.poolLog().get(0).frames()).hasSize(13).last().isEqualTo("test1!HandleCompletedTxPacket+0xea");
        DebuggerLog l = doc("windows-driver-docs-pr/devtest/debugging-memory-leaks---driver-verifier-detected-violation--c4---0x62.md #3");
        assertThat(l.problems()).isEmpty();
        assertThat(l.poolLog()).extracting(PoolLogEntry::caller).containsExactly("MyDriver!DeviceControlDispatch+0x4c",
                "MyDriver!DeviceControlDispatch+0x27", "MyDriver!GetNecessaryObjects+0x1d");
        assertThat(l.poolLog().get(1).size()).isEqualTo(0x1000);
        assertThat(l.poolLog().get(1).thread()).isEqualTo(0x9c158bc0L);
    }

    @Test
    @DisplayName("realworld 3: !poolfind x64 with (Protected) and the masked free tag Pro.")
    void poolfindProtected() throws Exception {
        DebuggerLog l = real(3);
        assertThat(l.problems()).isEmpty();
        List<PoolBlock> hits = l.finds().get(0).hits();
        assertThat(hits).hasSize(3).allMatch(b -> b.matches(PoolTag.ofMemoryText("Proc")));
        assertThat(hits.get(0).isProtected()).isTrue();
        assertThat(hits.get(0).size()).isEqualTo(0x430);
        assertThat(hits.get(1).tagMasked()).isTrue();
        assertThat(hits.get(1).state()).isEqualTo(BlockState.FREE);
        assertThat(hits.get(2).previousSize()).hasValue(0x70);
    }

    @Test
    @DisplayName("realworld 4: !pool x86 page with region, Process: suffix, owner line, protected tag")
    void poolPage() throws Exception {
        DebuggerLog l = real(4);
        assertThat(l.problems()).isEmpty();
        PoolPage p = l.pages().get(0);
        assertThat(p.region()).isEqualTo(PoolRegion.NONPAGED);
        assertThat(p.blocks()).hasSize(5).allMatch(b -> b.pool() == PoolRegion.NONPAGED);
        assertThat(p.markedBlock().orElseThrow().tag()).isEqualTo(PoolTag.ofMemoryText("Hack"));
        assertThat(p.blocks().get(2).process()).hasValue(0x8507a030L);
        assertThat(p.blocks().get(4).isProtected()).isTrue();
        assertThat(p.blocks().get(1).tag()).isEqualTo(PoolTag.ofMemoryText(".PZH"));
        assertThat(p.owner().orElseThrow().known()).isFalse();
        assertThat(line(p.owner().orElseThrow().origin())).isEqualTo(55);
    }

    @Test
    @DisplayName("realworld 5: !poolused rows pasted without their header: read, and the missing header reported")
    void poolusedRows() throws Exception {
        DebuggerLog l = real(5);
        assertThat(l.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("no-header");
            assertThat(line(p.origin())).isEqualTo(62);
        });
        List<PoolUsedText.Row> rows = l.poolUsed().get(0).rows();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).binary()).isEqualTo("http.sys");
        assertThat(rows.get(4).pagedAllocs()).isEqualTo(180);
        assertThat(rows.get(4).pagedBytes()).isEqualTo(25920);
        assertThat(rows.get(4).binary()).isEqualTo("nt!alpc");
    }

    @Test
    @DisplayName("realworld 6 and 7: !verifier 3 on Windows 10 (driver unloaded with an allocation) and the statistics block")
    void verifierWin10() throws Exception {
        DebuggerLog l = real(6);
        assertThat(l.problems()).isEmpty();
        VerifierStatus v = l.verifier().get(0);
        assertThat(v.drivers()).singleElement().satisfies(d -> assertThat(d.unloaded()).isTrue());
        assertThat(v.allocations()).singleElement().satisfies(a -> {
            assertThat(a.tag()).isEqualTo(PoolTag.ofMemoryText("ebpf"));
            assertThat(a.address()).isEqualTo(0xffffcb843b87aff0L);
            assertThat(a.caller()).isEqualTo("ebpfcore!ebpf_allocate+0x21");
        });
        DebuggerLog stats = real(7);
        assertThat(stats.problems()).isEmpty();
        assertThat(stats.verifier().get(0).counters()).hasSize(9);
        assertThat(stats.verifier().get(0).counters().get(8).bytes()).hasValue(0x44918);
    }

    @Test
    @DisplayName("realworld 13, 14, 15: current !poolused, current !poolfind, pasted !pool lines")
    void currentLayouts() throws Exception {
        DebuggerLog used = real(13);
        assertThat(used.problems()).isEmpty();
        PoolUsedText.Table t = used.poolUsed().get(0);
        assertThat(t.sortedBy()).isEqualTo("NonPaged Pool Consumed");
        assertThat(t.rows().get(0).nonpagedBytes()).isEqualTo(1938325232L);
        assertThat(t.rows().get(1).binary()).isEqualTo("nt!io");
        DebuggerLog find = real(14);
        assertThat(find.problems()).isEmpty();
        PoolFindResult f = find.finds().get(0);
        assertThat(f.tag()).contains(PoolTag.ofMemoryText("amda"));
        assertThat(f.hits()).hasSize(3);
        assertThat(f.hits()).filteredOn(b -> b.kind() == BlockKind.LARGE).hasSize(2);
        assertThat(f.hits().get(2).size()).isEqualTo(0x140);
        assertThat(f.hits().get(2).state()).isEqualTo(BlockState.UNKNOWN);
        assertThat(f.stoppedAt()).hasValue(0xffffda000fb7df50L);
        DebuggerLog pool = real(15);
        assertThat(pool.problems()).isEmpty();
        PoolPage p = pool.pages().get(0);
        assertThat(p.markedBlock().orElseThrow().tag()).isEqualTo(PoolTag.ofMemoryText("Drht"));
        assertThat(p.blocks().get(1).tag()).isEqualTo(PoolTag.ofMemoryText("Irp "));
        assertThat(p.blocks().get(1).process()).hasValue(0x856afd40L);
    }

    @Test
    @DisplayName("sections with no pool command (syntax, db, ln, !analyze) are refused with one clear line")
    void notPoolOutput() {
        for (String title : List.of("windows-driver-docs-pr/debuggercmds/-poolfind.md #0",
                "windows-driver-docs-pr/debugger/using-the-kernel-debugger-to-find-a-kernel-mode-memory-leak.md #2",
                "windows-driver-docs-pr/devtest/debugging-memory-leaks---driver-verifier-detected-violation--c4---0x62.md #0",
                "windows-driver-docs-pr/devtest/debugging-memory-leaks---driver-verifier-detected-violation--c4---0x62.md #2")) {
            assertThatThrownBy(() -> doc(title)).as(title).isInstanceOf(InputException.class)
                    .hasMessageContaining("no command pooltags reads was found");
        }
    }

    @Test
    @DisplayName("every section of both files: read, or refused; every problem names a line inside its section; 3 in all")
    void everySection() throws Exception {
        List<LogProblem> all = new java.util.ArrayList<>();
        int read = 0;
        for (SampleSections.Section s : docs.values()) {
            read += check(s, all);
        }
        for (int n : new int[] {3, 4, 5, 6, 7, 13, 14, 15}) {
            read += check(SampleSections.real(n), all);
        }
        assertThat(read).isEqualTo(18);
        assertThat(all).extracting(LogProblem::kind).containsExactlyInAnyOrder("incomplete-listing", "incomplete-listing", "no-header");
    }

    private static int check(SampleSections.Section s, List<LogProblem> all) {
        DebuggerLog l;
        try {
            l = DebuggerLogReader.read(s.file().toString(), s.lines());
        } catch (InputException e) {
            return 0;
        }
        for (LogProblem p : l.problems()) {
            assertThat(line(p.origin())).as(s.title() + ": " + p).isBetween((long) s.first() + 1, (long) s.last() + 1);
        }
        all.addAll(l.problems());
        return 1;
    }
}
