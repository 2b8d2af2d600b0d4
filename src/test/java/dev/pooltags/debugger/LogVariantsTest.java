package dev.pooltags.debugger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.poolblock.BlockState;
import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.PoolBlock;
import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tagdb.TagDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What makes logs differ from the documentation: prompts of every form, line endings, UTF-16 logs, symbol noise inside
 * an output, interrupted commands, commands pooltags does not know. The outputs here are written in the formats of the
 * real samples (tag names and numbers are this test's own).
 */
class LogVariantsTest {
    static final String POOLUSED = """
            !poolused 2
            ....
             Sorting by NonPaged Pool Consumed

                           NonPaged                  Paged
             Tag     Allocs         Used     Allocs         Used

             Zzq1      4000      1280000          0            0\tUNKNOWN pooltag 'Zzq1', please update pooltag.txt
            *** ERROR: Symbol file could not be found.  Defaulted to export symbols for zzdrv.sys -
             Filx       900       400000         12         4096\tFile objects , Binary: nt!io
            """;
    static final String POOLFIND = """
            !poolfind Zzq1 0

            Scanning large pool allocation table for Tag: Zzq1 (81a00000 : 81a20000)

            Searching NonPaged pool (81c00000 : 82000000) for Tag: Zzq1

            81c01140 size:  140 previous size:   40  (Allocated) Zzq1
            81c011a0 size:  140 previous size:  140  (Free)      Zzq1
            81c22000 size:  140 previous size:    0  (Allocated) Zzq1
            """;

    static List<String> log(String prompt, String... commands) {
        StringBuilder sb = new StringBuilder("Microsoft (R) Windows Debugger Version 10.0.26100.1 AMD64\n");
        for (String c : commands) {
            sb.append(prompt).append(' ').append(c);
        }
        return LogText.lines(sb.toString());
    }

    private static DebuggerLog read(List<String> lines) {
        return DebuggerLogReader.read("t.log", lines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kd>", "0: kd>", "12: kd>", "lkd>", "1: kd:x86>", "0: Kd>"})
    @DisplayName("every prompt form starts a command")
    void prompts(String prompt) {
        DebuggerLog l = read(log(prompt, POOLUSED, POOLFIND, "dt nt!_POOL_HEADER 81c01140\n   +0x000 PreviousSize : 0y00000100 (0x4)\n"));
        assertThat(l.commands()).extracting(LoggedCommand::kind).containsExactly(CommandKind.POOLUSED, CommandKind.POOLFIND, CommandKind.OTHER);
        assertThat(l.commands()).allMatch(c -> c.prompt().equals(prompt));
        assertThat(l.unknownCommands()).singleElement().satisfies(c -> assertThat(c.command()).startsWith("dt nt!_POOL_HEADER"));
        assertThat(l.problems()).isEmpty();
        assertThat(l.poolUsed().get(0).rows()).hasSize(2);
        assertThat(l.finds().get(0).hits()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    @DisplayName("LF, CR LF and CR endings give the same records on the same lines")
    void lineEndings(String eol) {
        String text = String.join(eol, log("0: kd>", POOLUSED, POOLFIND));
        DebuggerLog l = DebuggerLogReader.read("t.log", text.getBytes(StandardCharsets.UTF_8));
        assertThat(l.poolUsed().get(0).rows().get(1).line()).isEqualTo(11);
        PoolBlock b = l.finds().get(0).hits().get(1);
        assertThat(b.state()).isEqualTo(BlockState.FREE);
        assertThat(((Origin.Line) b.origin()).line()).isEqualTo(19);
    }

    @Test
    @DisplayName("a log saved with .logopen /u (UTF-16LE with a byte-order mark) reads like the ANSI one")
    void utf16() {
        String text = String.join("\r\n", log("kd>", POOLUSED));
        byte[] le = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[le.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(le, 0, withBom, 2, le.length);
        DebuggerLog l = DebuggerLogReader.read("u.log", withBom);
        assertThat(l.poolUsed().get(0).rows()).extracting(r -> r.tag().memoryText()).containsExactly("Zzq1", "Filx");
    }

    @Test
    @DisplayName("an interrupted !poolfind is cut; a row cut short by a new prompt is reported with its line")
    void interrupted() {
        String find = POOLFIND.replace("81c22000 size:  140 previous size:    0  (Allocated) Zzq1\n", "^C\n");
        String used = POOLUSED.replace(" Filx       900       400000         12         4096\tFile objects , Binary: nt!io\n", " Filx       900     40\n");
        DebuggerLog l = read(log("0: kd>", find, used, "!pool 81c01150\n"));
        assertThat(l.finds().get(0).cut()).isTrue();
        assertThat(l.finds().get(0).complete()).isFalse();
        assertThat(l.problems()).hasSize(2);
        assertThat(l.problems().get(0)).satisfies(p -> {
            assertThat(((Origin.Line) p.origin()).line()).isEqualTo(20);
            assertThat(p.message()).startsWith("not a !poolused row");
            assertThat(p.command()).isEqualTo("!poolused 2");
        });
        assertThat(l.problems().get(1).kind()).as("the !pool with no output").isEqualTo("no-blocks");
        assertThat(l.commands()).last().extracting(LoggedCommand::kind).isEqualTo(CommandKind.POOL);
    }

    @Test
    @DisplayName("a !pool page with symbol noise and the debugger's remarks, a big-pool page, a special-pool page")
    void pages() {
        String pool = """
                !pool 81c01150
                Pool page 81c01150 region is Nonpaged pool
                 81c01000 size:   40 previous size:    0  (Allocated)  Zzq0
                *** WARNING: Unable to verify timestamp for zzdrv.sys
                *81c01140 size:  140 previous size:   40  (Allocated) *Zzq1
                		Pooltag Zzq1 : Zz queue entries, Binary : zzdrv.sys
                 81c01280 size:   20 previous size:  140  (Free)       ....
                """;
        String big = """
                !pool ffffa80b0de34010
                Pool page ffffa80b0de34010 region is Unknown
                ffffa80b0de34000 is not a valid large pool allocation, checking large session pool...
                *ffffa80b0de34000 : large page allocation, tag is Zzq2, size is 0x2000 bytes
                		Pooltag Zzq2 : Zz buffers, Binary : zzdrv.sys
                """;
        String special = """
                !pool fffff98001234fc0
                Pool page fffff98001234fc0 region is Special pool
                *fffff98001234000 size:  fc0 data: fffff98001234fc0 (NonPaged) *Zzq3
                		Owning component : Unknown (update pooltag.txt)
                """;
        DebuggerLog l = read(log("1: kd>", pool, big, special));
        assertThat(l.problems()).isEmpty();
        assertThat(l.pages()).hasSize(3);
        assertThat(l.pages().get(0).markedBlock().orElseThrow().tag()).isEqualTo(PoolTag.ofMemoryText("Zzq1"));
        assertThat(l.pages().get(0).owner().orElseThrow().binary()).isEqualTo("zzdrv.sys");
        assertThat(l.pages().get(0).owner().orElseThrow().description()).isEqualTo("Zz queue entries");
        assertThat(l.pages().get(0).blocks().get(2).tagMasked()).isTrue();
        assertThat(l.pages().get(1).markedBlock().orElseThrow().size()).isEqualTo(0x2000);
        assertThat(l.pages().get(1).markedBlock().orElseThrow().kind()).isEqualTo(dev.pooltags.poolblock.BlockKind.LARGE);
        assertThat(l.notes()).singleElement().satisfies(n -> assertThat(n.text()).contains("checking large session pool"));
        PoolBlock sp = l.pages().get(2).markedBlock().orElseThrow();
        assertThat(sp.kind()).isEqualTo(dev.pooltags.poolblock.BlockKind.SPECIAL);
        assertThat(sp.dataAddress()).hasValue(0xfffff98001234fc0L);
        assertThat(sp.pool()).isEqualTo(dev.pooltags.poolblock.PoolRegion.NONPAGED);
    }

    @Test
    @DisplayName("verifier /querysettings (Windows 7 and 10 lists) and /query at a command prompt, lm with verbose lines")
    void verifierQueryAndModules() {
        List<String> lines = LogText.lines("""
                C:\\>verifier /querysettings
                Special pool: Enabled
                Pool tracking: Enabled
                Force IRQL checking: Disabled

                Verified drivers:

                zzdrv.sys
                C:\\Windows\\system32>verifier /query
                Verifier Flags: 0x00000009

                  Standard Flags:

                    [X] 0x00000001 Special pool.
                    [ ] 0x00000002 Force IRQL checking.
                    [X] 0x00000008 Pool tracking.

                MODULE: zzdrv.sys (load: 1 / unload: 0)
                    Current Pool Allocations:  (     12 /      0 )
                    Current Pool Bytes:        (   3840 /      0 )
                0: kd> lm v m zzdrv
                start             end                 module name
                fffff804`10000000 fffff804`10040000   zzdrv      (no symbols)
                    Loaded symbol image file: zzdrv.sys
                    Image path: \\SystemRoot\\System32\\drivers\\zzdrv.sys
                    Image name: zzdrv.sys
                    Timestamp:        Tue Mar 04 10:00:00 2025 (67C6CF60)

                Unloaded modules:
                fffff804`11000000 fffff804`11010000   zzold.sys
                """);
        DebuggerLog l = read(lines);
        assertThat(l.problems()).isEmpty();
        VerifierStatus settings = l.verifier().get(0);
        assertThat(settings.enabled()).containsExactly("Special pool", "Pool tracking");
        assertThat(settings.drivers()).extracting(VerifiedDriver::name).containsExactly("zzdrv.sys");
        VerifierStatus query = l.verifier().get(1);
        assertThat(query.flags()).hasValue(9);
        assertThat(query.enabled()).containsExactly("Special pool", "Pool tracking");
        assertThat(query.drivers()).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo("load: 1 / unload: 0");
            assertThat(d.nonpagedAllocations()).hasValue(12);
            assertThat(d.nonpagedBytes()).hasValue(3840);
        });
        assertThat(l.modules()).hasSize(2);
        LoadedModule m = l.modules().get(0);
        assertThat(m.imagePath()).isEqualTo("\\SystemRoot\\System32\\drivers\\zzdrv.sys");
        assertThat(m.isBinary("ZZDRV.SYS")).isTrue();
        assertThat(m.details()).containsKey("Timestamp");
        assertThat(l.modules().get(1).unloaded()).isTrue();
        assertThat(l.modules().get(1).name()).isEqualTo("zzold.sys");
    }

    @Test
    @DisplayName("a breakpoint on a pool routine for one tag, then k: the stack names the allocating driver past the framework")
    void allocationStack() {
        List<String> lines = LogText.lines("""
                0: kd> bp nt!ExAllocatePoolWithTag ".if (@r8d == 0x3171_7a5a) {} .else {gc}"
                0: kd> bp nt!ExAllocatePoolWithTag ".if (@r8d == 0x31717a5a) {} .else {gc}"
                0: kd> g
                3: kd> kn
                 # Child-SP          RetAddr               Call Site
                00 ffffd68d`7952edb8 fffff804`0591d831     nt!ExAllocatePoolWithTag [minkernel\\ntos\\ex\\pool.c @ 100]
                01 (Inline Function) --------`--------     Wdf01000!FxPoolAllocator+0x81
                02 ffffd68d`7952efb0 fffff804`0ffa4568     zzdrv!ZzQueueAdd+0x4d
                03 ffffd68d`7952f030 fffff804`0595dc88     nt!IofCallDriver+0x55
                3: kd> bc *
                3: kd> k
                 # Child-SP          RetAddr               Call Site
                00 ffffd68d`7952edb8 fffff804`0591d831     nt!KeWaitForSingleObject+0x1
                """);
        DebuggerLog l = read(lines);
        assertThat(l.problems()).isEmpty();
        assertThat(l.stacks()).hasSize(2);
        AllocationStack s = l.stacks().get(0);
        assertThat(s.tag()).contains(PoolTag.ofMemoryText("Zzq1"));
        assertThat(s.caller()).isEqualTo("zzdrv!ZzQueueAdd+0x4d");
        assertThat(s.frames()).hasSize(4);
        assertThat(l.stacks().get(1).tag()).as("bc cleared the breakpoint").isEmpty();
        DebuggerAnswer a = LogAnalysis.analyze(List.of(l), TagDatabase.empty(), Optional.of(PoolTag.ofMemoryText("Zzq1")), 10);
        assertThat(a.owner().orElseThrow().binary()).isEqualTo("zzdrv");
    }

    @Test
    @DisplayName("the answer: top tag by bytes, its blocks, next commands in the documented syntax")
    void answer() {
        DebuggerLog l = read(log("0: kd>", POOLUSED, POOLFIND));
        DebuggerAnswer a = LogAnalysis.analyze(List.of(l), TagDatabase.empty(), Optional.empty(), 10);
        assertThat(a.topTags()).extracting(t -> t.poolused().tag().memoryText()).containsExactly("Zzq1", "Filx");
        assertThat(a.tag()).contains(PoolTag.ofMemoryText("Zzq1"));
        assertThat(a.why()).startsWith("searched for with !poolfind (t.log:12)");
        assertThat(a.summary().blocks()).isEqualTo(3);
        assertThat(a.summary().free()).isEqualTo(1);
        assertThat(a.next()).extracting(DebuggerAnswer.NextStep::command).startsWith("!pool 81c01140", "lmv");
        DebuggerAnswer noFind = LogAnalysis.analyze(List.of(read(log("0: kd>", POOLUSED))), TagDatabase.empty(), Optional.empty(), 1);
        assertThat(noFind.topTags()).hasSize(1);
        assertThat(noFind.why()).startsWith("the most bytes in !poolused (t.log:9)");
        assertThat(noFind.next()).extracting(DebuggerAnswer.NextStep::command).first().isEqualTo("!poolfind Zzq1 0");
        DebuggerAnswer spaced = LogAnalysis.analyze(List.of(read(log("0: kd>", POOLUSED))), TagDatabase.empty(),
                Optional.of(PoolTag.ofMemoryText("Io")), 1);
        assertThat(spaced.next()).extracting(DebuggerAnswer.NextStep::command).first()
                .as("a tag with spaces is searched by its value").isEqualTo("!poolfind 0x20206F49 0");
    }

    @Test
    @DisplayName("bad input: a binary file, a log with no pool command, an empty file: one clear InputException")
    void badInput() {
        assertThatThrownBy(() -> DebuggerLogReader.read("m.dmp", new byte[] {'P', 'A', 'G', 'E', 'D', 'U', '6', '4', 0, 0, 1}))
                .isInstanceOf(InputException.class).hasMessageStartingWith("m.dmp: is a binary file, not a debugger log");
        assertThatThrownBy(() -> DebuggerLogReader.read("x.log", "0: kd> dt nt!_EPROCESS\n   +0x000 Pcb : _KPROCESS\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class).hasMessageStartingWith("x.log: no command pooltags reads was found (1 commands, 2 lines)");
        assertThatThrownBy(() -> DebuggerLogReader.read("e.log", new byte[0])).isInstanceOf(InputException.class);
    }

    @Test
    @DisplayName("!poolused 8 is session pool, !poolused /t20 2 is not; session tables stay out of a series that has standard ones")
    void sessionPool() {
        DebuggerLog l = read(log("0: kd>", POOLUSED.replace("!poolused 2", "!poolused /t20 2"), POOLUSED.replace("!poolused 2", "!poolused 8")));
        assertThat(l.poolUsed()).extracting(dev.pooltags.snapshot.PoolUsedText.Table::session).containsExactly(false, true);
        var series = dev.pooltags.snapshot.PoolUsedText.snapshots("t.log", l.poolUsed(), java.time.Instant.EPOCH);
        assertThat(series).singleElement().satisfies(x -> assertThat(x.source()).isEqualTo("t.log"));
        DebuggerAnswer a = LogAnalysis.analyze(List.of(l), TagDatabase.empty(), Optional.empty(), 10);
        assertThat(a.topFrom().map(Origin::text)).contains("t.log:7");
    }

    @Test
    void stackFrames() {
        assertThat(StackText.frame("00 a8b6fa3c 81b250cd nt!IovAllocateMdl+0x3d")).isEqualTo("nt!IovAllocateMdl+0x3d");
        assertThat(StackText.frame("01 ffffad86`7a6afb60 fffff803`06d643d2     : 00000000`00000000 ffff : nt!KiBugCheckDebugBreak+0x12"))
                .isEqualTo("nt!KiBugCheckDebugBreak+0x12");
        assertThat(StackText.frame("ffffd68d`7952edb8 fffff804`0591d831 zzdrv!Func+0x10")).isEqualTo("zzdrv!Func+0x10");
        assertThat(StackText.frame("this is not a frame")).isNull();
        assertThat(PoolLogEntry.operationOf(List.of("nt!VerifierExFreePoolWithTag+0x20", "zz!A"))).isEqualTo(PoolLogEntry.Operation.FREE);
        assertThat(PoolLogEntry.operationOf(List.of("zz!Run"))).isEqualTo(PoolLogEntry.Operation.UNKNOWN);
    }
}
