package dev.pooltags.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The loaded module list of an x64 complete dump, walked through page tables built in the synthetic dump. */
class ModuleListWalkTest {
    static final long VA = 0xFFFFF80000000000L;

    /** Pages at PFN 0x10..0x15: PML4, PDPT, PD, PT, the list page, the names page. */
    static byte[] dump(boolean withNames, boolean brokenLink) {
        ByteBuffer p = ByteBuffer.allocate(6 * 0x1000).order(ByteOrder.LITTLE_ENDIAN);
        long pml4 = 0x10000;
        p.putLong(0x000 + (int) ((VA >>> 39 & 0x1FF) * 8), 0x11000 | 3);      // PML4 -> PDPT
        p.putLong(0x1000 + (int) ((VA >>> 30 & 0x1FF) * 8), 0x12000 | 3);     // PDPT -> PD
        p.putLong(0x2000 + (int) ((VA >>> 21 & 0x1FF) * 8), 0x13000 | 3);     // PD -> PT
        p.putLong(0x3000, 0x14000 | 3);                                      // PT[0] -> list page
        p.putLong(0x3008, withNames ? 0x15000 | 3 : 0x15000);                // PT[1] -> names page (present or not)
        int list = 0x4000;
        p.putLong(list, VA + 0x100);                                         // head.Flink
        entry(p, list + 0x100, VA + (brokenLink ? 0x7000_0000L : 0x200), 0xFFFFF80012340000L, 0x5000, 0x10, "\\SystemRoot\\system32\\ntoskrnl.exe", "ntoskrnl.exe");
        entry(p, list + 0x200, VA, 0xFFFFF80099990000L, 0x3B000, 0x80, "\\SystemRoot\\System32\\drivers\\amdppm.sys", "amdppm.sys");
        byte[] dump = SyntheticDumps.completeRuns(64, 19041, new long[][] {{0x10, 6}}, p.array());
        ByteBuffer h = ByteBuffer.wrap(dump).order(ByteOrder.LITTLE_ENDIAN);
        h.putLong(0x10, pml4 | 2); // CR3 with low bits set, as real headers have them
        h.putLong(0x20, VA);
        return dump;
    }

    static int nameAt = 0;

    static void entry(ByteBuffer p, int at, long flink, long base, int size, int nameOffset, String path, String name) {
        p.putLong(at, flink);
        p.putLong(at + 0x30, base);
        p.putInt(at + 0x40, size);
        byte[] full = path.getBytes(StandardCharsets.UTF_16LE);
        byte[] base16 = name.getBytes(StandardCharsets.UTF_16LE);
        int names = 0x5000 + nameOffset * 8;
        p.put(names, full);
        p.put(names + 0x100, base16);
        p.putShort(at + 0x48, (short) full.length).putShort(at + 0x4A, (short) full.length).putLong(at + 0x50, VA + 0x1000 + (names - 0x5000));
        p.putShort(at + 0x58, (short) base16.length).putShort(at + 0x5A, (short) base16.length).putLong(at + 0x60, VA + 0x1000 + (names - 0x5000) + 0x100);
        p.putInt(at + 0x80, 0x5F000000 + nameOffset);
    }

    @Test
    void walksTheListThroughFourLevelsOfPageTables() {
        DumpInspection in = DumpInspection.inspect(DumpFile.of("full.dmp", dump(true, false)));
        assertThat(in.dump().drivers()).extracting(Driver::name, Driver::base, Driver::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ntoskrnl.exe", 0xFFFFF80012340000L, 0x5000L),
                        org.assertj.core.groups.Tuple.tuple("amdppm.sys", 0xFFFFF80099990000L, 0x3B000L));
        assertThat(in.dump().drivers().get(1).path()).isEqualTo("\\SystemRoot\\System32\\drivers\\amdppm.sys");
        assertThat(in.dump().notes()).isEmpty();
        assertThat(in.dump().driverAt(0xFFFFF8009999334CL).name()).isEqualTo("amdppm.sys");
    }

    @Test
    void namesInAPageNotPresentAreSaidToBeUnreadable() {
        CrashDump d = DumpReader.read(DumpFile.of("full.dmp", dump(false, false)));
        assertThat(d.drivers()).hasSize(2).allSatisfy(x -> assertThat(x.name()).startsWith("<name at 0x"));
    }

    @Test
    void aLinkIntoMissingMemoryStopsTheWalkAndSaysWhere() {
        CrashDump d = DumpReader.read(DumpFile.of("full.dmp", dump(true, true)));
        assertThat(d.drivers()).extracting(Driver::name).containsExactly("ntoskrnl.exe");
        assertThat(d.notes()).singleElement().asString().contains("in a page the dump does not hold: 1 drivers were read before it");
    }
}
