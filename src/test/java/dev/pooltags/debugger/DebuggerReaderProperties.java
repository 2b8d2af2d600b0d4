package dev.pooltags.debugger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.PoolBlock;
import dev.pooltags.report.DebuggerReport;
import dev.pooltags.source.InputException;
import dev.pooltags.tagdb.TagDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Damaged logs: commands and output lines of every kind pooltags reads, shuffled, cut mid-line, doubled, with garbage
 * and unprintable bytes between them. The reader either reads them or refuses with one {@link InputException}; every
 * line it names lies in the log; the analysis and all three renderings go through. Fixed seeds keep CI deterministic.
 */
class DebuggerReaderProperties {
    private static final List<String> PIECES = List.of(
            "0: kd> !poolused 2", "kd> !poolused 8", " Sorting by NonPaged Pool Consumed", "               NonPaged                  Paged",
            " Tag     Allocs         Used     Allocs         Used",
            " Zzq1      4000      1280000          0            0\tUNKNOWN pooltag 'Zzq1', please update pooltag.txt",
            " 8042        4     3944         0        0PS/2 kb and mouse , Binary: i8042prt.sys", " TOTAL     3570214 209120008     38769 13066104",
            "0: kd> !poolfind Zzq1 0", "Scanning large pool allocation table for Tag: Zzq1 (81a00000 : 81a20000)",
            "Searching NonPaged pool (81c00000 : 82000000) for Tag: Zzq1", "81c01140 size:  140 previous size:   40  (Allocated) Zzq1",
            "*fffffa800138f7a0 size: 430 previous size: 30 (Free) \t  Pro.", "ffffda000a9b6d30 : tag Zzq1, size     0x140, Nonpaged pool",
            "...terminating - searched pool to e1224000", "......", "^C", "lkd> !pool 81c01150", "Pool page 81c01150 region is Nonpaged pool",
            "*81c01140 size:  140 previous size:   40  (Allocated) *Zzq1", "\t\tOwning component : Unknown (update pooltag.txt)",
            "\t\tPooltag Zzq1 : Zz queue entries, Binary : zzdrv.sys", " 85246160 size:   68 previous size:   48  (Allocated)  NpFn Process: 8507a030",
            "*ffff8287ad34f000 : large page allocation, tag is Proc, size is 0x1000 bytes",
            "*fffff98001234000 size:  fc0 data: fffff98001234fc0 (NonPaged) *Zzq3", "0: kd> !verifier 3 zzdrv.sys",
            "  MODULE: 0x84226b28 zzdrv.sys (Loaded)", "      Current Pool Allocations: ( 0x00000003 / 0x00000000 )",
            "      Address     Length      Tag   Caller", "      ----------  ----------  ----  ----------",
            "      0x982a8fe0  0x00000020  Zzq1  0x9a3bf6ac  zzdrv!Dispatch", "nt!_VF_TARGET_DRIVER 0xffffcb8438730e10: zz.sys (Loaded and Unloaded)",
            "Pool Allocations Attempted             0x32", "Current paged pool allocations         0x0 for 00000000 bytes",
            "kd> !verifier 0x80 0x982a8fe0", "Pool block 982a8fe0, Size 00000020, Thread 9c158bc0", "81b250cd nt!IovAllocateMdl+0x3d",
            "9a3bf6ac zzdrv!Dispatch+0x4c", "C:\\>verifier /query", "Verifier Flags: 0x00000009", "MODULE: zzdrv.sys (load: 1 / unload: 0)",
            "    Current Pool Bytes:        (   3840 /      0 )", "0: kd> lmv", "start             end                 module name",
            "fffff804`10000000 fffff804`10040000   zzdrv      (no symbols)", "    Image path: \\SystemRoot\\System32\\drivers\\zzdrv.sys",
            "Unloaded modules:", "0: kd> bp nt!ExAllocatePool2 \".if (@r8d == 0x31717a5a) {} .else {gc}\"", "0: kd> k",
            "00 ffffd68d`7952edb8 fffff804`0591d831     nt!ExAllocatePool2", "02 ffffd68d`7952efb0 fffff804`0ffa4568     zzdrv!Add+0x4d",
            "*** ERROR: Symbol file could not be found.", "Debug session time: Thu Nov 14 09:12:41.118 2024 (UTC + 8:00)",
            "Debug session time: Thu Feb 31 25:12:41.118 2024 (UTC + 19:00)", "", "ffffffffffffffffffffff size: ffffffffffffffffffff previous size: 0 (Free) x",
            " 999999999999999999999 1 1 1 1\tx", "0: kd> dt nt!_POOL_HEADER");

    @Provide
    Arbitrary<String> logText() {
        Arbitrary<String> piece = Arbitraries.of(PIECES);
        Arbitrary<String> cut = Combinators.combine(piece, Arbitraries.integers().between(0, 200))
                .as((p, n) -> p.substring(0, Math.min(p.length(), n % (p.length() + 1))));
        Arbitrary<String> garbage = Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40);
        Arbitrary<String> line = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, piece), net.jqwik.api.Tuple.of(2, cut),
                net.jqwik.api.Tuple.of(1, garbage));
        Arbitrary<String> eol = Arbitraries.of("\n", "\r\n", "\r");
        return Combinators.combine(line.list().ofMaxSize(40), eol).as((l, e) -> String.join(e, l));
    }

    @Property(seed = "16016016", tries = 1200)
    void readsOrRefusesWithLinesInRange(@ForAll("logText") String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        DebuggerLog l;
        try {
            l = DebuggerLogReader.read("fuzz.log", b);
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("fuzz.log").doesNotContain("\n");
            return;
        }
        List<Origin> origins = new ArrayList<>();
        l.commands().forEach(c -> origins.add(c.origin()));
        l.problems().forEach(p -> origins.add(p.origin()));
        l.finds().forEach(f -> {
            origins.add(f.origin());
            f.hits().forEach(h -> origins.add(h.origin()));
            f.searched().forEach(r -> origins.add(r.origin()));
        });
        l.pages().forEach(p -> {
            p.blocks().forEach(x -> origins.add(x.origin()));
            p.owner().ifPresent(o -> origins.add(o.origin()));
        });
        l.verifier().forEach(v -> {
            v.allocations().forEach(a -> origins.add(a.origin()));
            v.drivers().forEach(d -> origins.add(d.origin()));
            v.counters().forEach(c -> origins.add(c.origin()));
        });
        l.poolLog().forEach(e -> origins.add(e.origin()));
        l.modules().forEach(m -> origins.add(m.origin()));
        l.poolUsed().forEach(t -> t.rows().forEach(r -> assertThat(r.line()).isBetween(1L, (long) l.lines())));
        for (Origin o : origins) {
            assertThat(((Origin.Line) o).line()).as(o.text()).isBetween(1L, (long) l.lines());
        }
        for (var f : l.finds()) {
            for (PoolBlock h : f.hits()) {
                assertThat(h.size()).isNotNegative();
            }
        }
        DebuggerAnswer a = LogAnalysis.analyze(List.of(l), TagDatabase.empty(), Optional.empty(), 5);
        StringWriter w = new StringWriter();
        DebuggerReport.text(new PrintWriter(w), a);
        DebuggerReport.html(new PrintWriter(w), a);
        JsonNode j = DebuggerReport.json(a);
        assertThat(j.get("logs").get(0).get("lines").asInt()).isEqualTo(l.lines());
    }

    @Property(seed = "44332211", tries = 600)
    void sameTextSameAnswer(@ForAll("logText") String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        try {
            String one = DebuggerReport.json(LogAnalysis.analyze(List.of(DebuggerLogReader.read("f.log", b)), TagDatabase.empty(),
                    Optional.empty(), 5)).toString();
            String two = DebuggerReport.json(LogAnalysis.analyze(List.of(DebuggerLogReader.read("f.log", b)), TagDatabase.empty(),
                    Optional.empty(), 5)).toString();
            assertThat(two).isEqualTo(one);
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("f.log");
        }
    }

    @Property(seed = "20241114", tries = 800)
    void blockLinesNeverThrow(@ForAll("blockLine") String line) {
        BlockLine.Parsed p;
        try {
            p = BlockLine.read(line, true, dev.pooltags.poolblock.PoolRegion.UNKNOWN, Origin.line("f", 1));
        } catch (NumberFormatException e) {
            return; // the readers turn it into a bad-number problem
        }
        if (p != null) {
            assertThat(p.block().tag()).isNotNull();
        }
    }

    @Provide
    Arbitrary<String> blockLine() {
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef`").ofMinLength(1).ofMaxLength(18);
        Arbitrary<String> tag = Arbitraries.strings().withCharRange(' ', '\u00ff').ofMinLength(0).ofMaxLength(6);
        Arbitrary<String> state = Arbitraries.of("(Allocated)", "(Free)     ", "(Free)", "(Allocated) ");
        Arbitrary<String> marker = Arbitraries.of(" ", "*", "");
        Arbitrary<String> tail = Arbitraries.of("", " (Protected)", " Process: 8507a030", " Process: ", "\t\t// note", " (Protected) Process: 1");
        return Combinators.combine(marker, hex, hex, hex, state, marker, tag, tail)
                .as((m, a, s, p, st, m2, t, tl) -> m + a + " size: " + s + " previous size: " + p + "  " + st + " " + m2 + t + tl);
    }
}
