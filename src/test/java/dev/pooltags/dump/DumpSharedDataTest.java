package dev.pooltags.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.pe.Machine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The three real dumps in ../shared/data/dumps, read whole. */
class DumpSharedDataTest {
    static final Path X64 = Path.of("../shared/data/dumps/triage-x64-19041-0x1000007E.dmp");
    static final Path ARM64 = Path.of("../shared/data/dumps/triage-arm64-22000-0x1C8.dmp");
    static final Path FULL_HEAD = Path.of("../shared/data/dumps/full-x64-19045-header-only.dmp");

    @Test
    void x64SmallDumpHeaderDriversAndSuspect() {
        DumpInspection in = DumpInspection.inspect(X64);
        CrashDump d = in.dump();
        assertThat(d.bits()).isEqualTo(64);
        assertThat(d.machine()).isEqualTo(Machine.X64);
        assertThat(d.build()).isEqualTo(19041);
        assertThat(d.processors()).isEqualTo(16);
        assertThat(d.kind()).isEqualTo(DumpKind.SMALL);
        assertThat(d.bugCheck()).isEqualTo(0x1000007EL);
        assertThat(d.parameters().get(0)).isEqualTo(0xFFFFFFFFC0000005L);
        assertThat(d.problems()).isEmpty();
        assertThat(d.drivers()).hasSize(151);
        assertThat(d.drivers().get(0).name()).isEqualTo("ntoskrnl.exe");
        assertThat(d.drivers()).extracting(Driver::name).contains("amdppm.sys", "Wdf01000.sys", "cng.sys");
        assertThat(d.unloaded()).extracting(Driver::name).containsExactly("dam.sys", "WdBoot.sys", "hwpolicy.sys", "mcupdate.dll");
        assertThat(d.regions().stream().filter(r -> r.kind() == MemoryRegion.Kind.DATA_BLOCK)).hasSize(1831);
        CrashAnalysis.Result r = in.crash();
        assertThat(r.origin()).isEqualTo(CrashAnalysis.Origin.CRASH);
        assertThat(r.name()).isEqualTo("SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M");
        assertThat(r.explanation().parametersFrom().code()).isEqualTo(0x7E);
        assertThat(r.parameters().get(1).meaning()).isEqualTo("The address where the exception occurred.");
        assertThat(r.parameters().get(1).hit().symbol()).isEqualTo("amdppm.sys+0x334c");
        assertThat(r.suspect().driver().name()).isEqualTo("amdppm.sys");
        assertThat(r.suspect().evidence()).contains("inside amdppm.sys+0x334c").contains("the address where the exception occurred");
        assertThat(r.suspect().strength()).isEqualTo("code address");
    }

    @Test
    void x64SmallDumpPoolByTag() {
        DumpInspection in = DumpInspection.inspect(X64);
        assertThat(in.segmentHeap()).isTrue();
        assertThat(in.pool().confirmed()).isGreaterThan(300);
        assertThat(in.usage()).extracting(u -> u.tag().memoryText()).contains("Cngb", "Io  ", "EtwR", "ObNm", "PnpZ");
        assertThat(in.pool().confirmedBlocks()).allSatisfy(b -> {
            assertThat(b.address() & 0xF).isZero();
            assertThat((b.address() & 0xFFF) + b.size()).isLessThanOrEqualTo(0x1000);
            assertThat(b.previousSize() == 0 || (b.poolTypeBits() & 4) != 0).isTrue();
        });
    }

    @Test
    void arm64SmallDumpIsADeliberateCrash() {
        DumpInspection in = DumpInspection.inspect(ARM64);
        CrashDump d = in.dump();
        assertThat(d.machine()).isEqualTo(Machine.ARM64);
        assertThat(d.build()).isEqualTo(22000);
        assertThat(d.bugCheck()).isEqualTo(0x1C8);
        assertThat(d.drivers()).hasSize(245);
        assertThat(d.regions().stream().filter(r -> r.kind() == MemoryRegion.Kind.DATA_BLOCK)).hasSize(679);
        assertThat(in.crash().name()).isEqualTo("MANUALLY_INITIATED_POWER_BUTTON_HOLD");
        assertThat(in.crash().origin()).isEqualTo(CrashAnalysis.Origin.DELIBERATE);
        assertThat(in.crash().suspect()).isNull();
        assertThat(in.crash().parameters().get(0).meaning()).contains("power button was held");
        assertThat(in.pool().confirmed()).isGreaterThan(100);
    }

    @Test
    void completeDumpHeadIsACaptureCutShort() {
        DumpInspection in = DumpInspection.inspect(FULL_HEAD);
        CrashDump d = in.dump();
        assertThat(d.kind()).isEqualTo(DumpKind.COMPLETE_RUNS);
        assertThat(d.build()).isEqualTo(19045);
        assertThat(d.runs()).hasSize(5);
        assertThat(d.truncated()).isTrue();
        assertThat(d.expectedSize()).isEqualTo(0x2000 + d.runs().stream().mapToLong(CrashDump.PhysicalRun::pageCount).sum() * 0x1000);
        assertThat(d.problems()).singleElement().asString().contains("cut short").contains("ends at byte 16,384");
        assertThat(d.capturedBytes()).isEqualTo(0x2000);
        assertThat(in.crash().origin()).isEqualTo(CrashAnalysis.Origin.CAPTURE);
        assertThat(in.crash().originEvidence()).contains("'MATT'");
        assertThat(in.crash().suspect()).isNull();
    }
}
