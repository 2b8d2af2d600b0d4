package dev.pooltags.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.pe.Machine;
import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dump kinds and bad input, on dumps built from the documented layouts. */
class DumpReaderTest {
    static final List<SyntheticDumps.Block> LEGACY = List.of(
            new SyntheticDumps.Block(0x40, "MmDT", 2), new SyntheticDumps.Block(0x20, "Mm  ", 0),
            new SyntheticDumps.Block(0x60, "ObDi", 3), new SyntheticDumps.Block(0x100, "Ntfx", 1));

    @Test
    void completeDumpWithRunsMapsPagesToPhysicalAddresses() {
        byte[] pages = SyntheticDumps.concat(SyntheticDumps.legacyPage(16, LEGACY), new byte[0x1000], new byte[0x1000]);
        byte[] dump = SyntheticDumps.completeRuns(64, 7601, new long[][] {{0x10, 1}, {0x200, 2}}, pages);
        CrashDump d = DumpReader.read(DumpFile.of("full.dmp", dump));
        assertThat(d.kind()).isEqualTo(DumpKind.COMPLETE_RUNS);
        assertThat(d.problems()).isEmpty();
        assertThat(d.runs()).containsExactly(new CrashDump.PhysicalRun(0x10, 1), new CrashDump.PhysicalRun(0x200, 2));
        assertThat(d.regions()).extracting(MemoryRegion::address, MemoryRegion::fileOffset, MemoryRegion::length)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0x10000L, 0x2000L, 0x1000L),
                        org.assertj.core.groups.Tuple.tuple(0x200000L, 0x3000L, 0x2000L));
        DumpInspection in = DumpInspection.inspect(DumpFile.of("full.dmp", dump));
        assertThat(in.segmentHeap()).isFalse();
        assertThat(in.pool().confirmedBlocks()).extracting(b -> b.tag().memoryText(), PoolHeader::address, PoolHeader::size, PoolHeader::allocated)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MmDT", 0x10000L, 0x40, true),
                        org.assertj.core.groups.Tuple.tuple("Mm  ", 0x10040L, 0x20, false),
                        org.assertj.core.groups.Tuple.tuple("ObDi", 0x10060L, 0x60, true),
                        org.assertj.core.groups.Tuple.tuple("Ntfx", 0x100C0L, 0xF40, true));
        // legacy headers keep the pool type plus one: 2 is paged, 3 nonpaged... as (type - 1) & 1
        assertThat(in.pool().confirmedBlocks().get(0).type()).isEqualTo(PoolType.PAGED);
        assertThat(in.pool().confirmedBlocks().get(2).type()).isEqualTo(PoolType.NONPAGED);
        assertThat(in.crash().origin()).isEqualTo(CrashAnalysis.Origin.DELIBERATE);
    }

    @Test
    void thirtyTwoBitHeadersAndEightBytePoolHeaders() {
        byte[] pages = SyntheticDumps.legacyPage(8, List.of(new SyntheticDumps.Block(0x18, "Irp ", 1),
                new SyntheticDumps.Block(0x30, "File", 1), new SyntheticDumps.Block(0x10, "Even", 1)));
        byte[] dump = SyntheticDumps.completeRuns(32, 2600, new long[][] {{0x7F, 1}}, pages);
        DumpInspection in = DumpInspection.inspect(DumpFile.of("x86.dmp", dump));
        assertThat(in.dump().bits()).isEqualTo(32);
        assertThat(in.dump().machine()).isEqualTo(Machine.X86);
        assertThat(in.dump().build()).isEqualTo(2600);
        assertThat(in.headerSize()).isEqualTo(8);
        assertThat(in.pool().confirmedBlocks()).extracting(b -> b.tag().memoryText()).containsExactly("Irp ", "File", "Even");
        assertThat(in.pool().confirmedBlocks()).extracting(PoolHeader::address).containsExactly(0x7F000L, 0x7F018L, 0x7F048L);
    }

    @Test
    void bitmapDumpListsThePagesItsBitsMark() {
        byte[] pages = SyntheticDumps.concat(new byte[0x1000], SyntheticDumps.legacyPage(16, LEGACY), new byte[0x1000]);
        byte[] dump = SyntheticDumps.bitmap("SDMP", 64, List.of(3L, 4L, 9L), pages);
        CrashDump d = DumpReader.read(DumpFile.of("kernel.dmp", dump));
        assertThat(d.kind()).isEqualTo(DumpKind.KERNEL_BITMAP);
        assertThat(d.problems()).isEmpty();
        assertThat(d.regions()).extracting(MemoryRegion::address, MemoryRegion::length)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0x3000L, 0x2000L), org.assertj.core.groups.Tuple.tuple(0x9000L, 0x1000L));
        assertThat(DumpReader.read(DumpFile.of("full.dmp", SyntheticDumps.bitmap("FDMP", 64, List.of(3L, 4L, 9L), pages))).kind())
                .isEqualTo(DumpKind.COMPLETE_BITMAP);
        DumpInspection in = DumpInspection.inspect(DumpFile.of("kernel.dmp", dump));
        // segment-heap build, legacy headers: PreviousSize is not 0, so they are not read as segment-heap blocks
        assertThat(in.pool().confirmedBlocks()).isEmpty();
    }

    @Test
    void pageRangeDump() {
        byte[] dump = SyntheticDumps.ranges(new long[][] {{0x100, 2}, {0x400, 1}}, new byte[0x3000]);
        CrashDump d = DumpReader.read(DumpFile.of("ranges.dmp", dump));
        assertThat(d.kind()).isEqualTo(DumpKind.KERNEL_RANGES);
        assertThat(d.problems()).isEmpty();
        assertThat(d.regions()).extracting(MemoryRegion::address, MemoryRegion::fileOffset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0x100000L, 0x3000L), org.assertj.core.groups.Tuple.tuple(0x400000L, 0x5000L));
        CrashAnalysis.Result r = CrashAnalysis.analyze(d, BugCheckReference.bundled(), new long[0]);
        assertThat(r.origin()).isEqualTo(CrashAnalysis.Origin.LIVE);
        assertThat(r.name()).isEqualTo("LIVE_SYSTEM_DUMP");
    }

    @Test
    void segmentHeapLfhAndVsChunks() {
        java.nio.ByteBuffer p = java.nio.ByteBuffer.allocate(0x1000).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < 0x400; at += 0x40) { // LFH: equal chunks, PreviousSize 0, PoolType | 2
            SyntheticDumps.writeHeader(p, 16, at, 0, 4, 3, "ObNm");
        }
        // VS: an (encoded) 16-byte VS header, then the pool header
        int at = 0x400;
        for (int i = 0; i < 3; i++) {
            p.putLong(at, 0x9E3779B97F4A7C15L * (i + 1));
            p.putLong(at + 8, 0x1234);
            SyntheticDumps.writeHeader(p, 16, at + 16, 0, 0x21, 2, "Cngb");
            at += 16 + 0x210;
        }
        byte[] dump = SyntheticDumps.completeRuns(64, 19041, new long[][] {{0x20, 1}}, p.array());
        DumpInspection in = DumpInspection.inspect(DumpFile.of("seg.dmp", dump));
        assertThat(in.segmentHeap()).isTrue();
        List<PoolHeader> c = in.pool().confirmedBlocks();
        assertThat(c.stream().filter(b -> b.tag().memoryText().equals("ObNm"))).hasSize(16);
        assertThat(c.stream().filter(b -> b.tag().memoryText().equals("Cngb"))).hasSize(3); // the last one is confirmed by the one before it
        assertThat(c).filteredOn(b -> b.tag().memoryText().equals("Cngb")).extracting(PoolHeader::link)
                .containsOnly(PoolHeader.Link.VS_NEXT_HEADER, PoolHeader.Link.PREVIOUS_HEADER);
        assertThat(in.usage()).extracting(u -> u.tag().memoryText(), PoolUsage::type, PoolUsage::blocks)
                .contains(org.assertj.core.groups.Tuple.tuple("ObNm", PoolType.PAGED, 16L));
    }

    @Test
    void userModeMinidumpIsNamedAsOne() {
        byte[] mdmp = SyntheticDumps.concat("MDMP".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x93, (byte) 0xA7, 0, 0}, new byte[64]);
        assertThatThrownBy(() -> DumpReader.read(DumpFile.of("app.dmp", mdmp)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("app.dmp: is a user-mode minidump (MDMP signature)")
                .hasMessageContaining("WinDbg");
    }

    @Test
    void otherFilesSayWhatTheyStartWith() {
        assertThatThrownBy(() -> DumpReader.read(DumpFile.of("x.dmp", "hello world, not a dump".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(InputException.class).hasMessageContaining("is not a Windows kernel dump: it starts with 'hello wo'");
        assertThatThrownBy(() -> DumpReader.read(DumpFile.of("tiny.dmp", new byte[] {'P', 'A'})))
                .isInstanceOf(InputException.class).hasMessageContaining("is 2 bytes long");
    }

    @Test
    void runCountBeyondTheHeaderNamesTheField() {
        byte[] dump = SyntheticDumps.completeRuns(64, 19041, new long[][] {{1, 1}}, new byte[0x1000]);
        java.nio.ByteBuffer.wrap(dump).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x88, 1_000_000);
        CrashDump d = DumpReader.read(DumpFile.of("bad.dmp", dump));
        assertThat(d.problems()).singleElement().asString().contains("PhysicalMemoryBlock.NumberOfRuns at 0x88 is 1,000,000");
        assertThat(d.regions()).isEmpty();
    }

    @Test
    void headerCutShortIsReadAsFarAsItGoes() {
        byte[] dump = SyntheticDumps.completeRuns(64, 19041, new long[][] {{1, 4}}, new byte[0x4000]);
        CrashDump d = DumpReader.read(DumpFile.of("cut.dmp", java.util.Arrays.copyOf(dump, 0x800)));
        assertThat(d.bugCheck()).isEqualTo(0xE2);
        assertThat(d.problems()).anySatisfy(p -> assertThat(p).contains("inside the 64-bit dump header"));
        assertThat(d.kind()).isEqualTo(DumpKind.UNKNOWN);
    }
}
