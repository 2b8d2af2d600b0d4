package dev.pooltags.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.PoolFlags;
import dev.pooltags.event.VerifierOption;
import dev.pooltags.tag.PoolTag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The model against bug checks real drivers hit, as their public issue reports show the arguments. */
class RealBugChecksTest {
    private final List<Violation> seen = new ArrayList<>();
    private final PoolModel model = new PoolModel(PoolConfig.defaults(), seen::add);

    private static long[] args(BugCheck bc) {
        return new long[] {bc.p1(), bc.p2(), bc.p3(), bc.p4()};
    }

    @Test
    @DisplayName("microsoft/ebpf-for-windows#1115: 0xC4 (0, IRQL 0, pool type 0x200, 0 bytes) for a zero-byte ExAllocatePool2(POOL_FLAG_NON_PAGED)")
    void zeroByteAllocationUnderVerifier() {
        model.verify("ebpfcore.sys", EnumSet.of(VerifierOption.POOL_TRACKING, VerifierOption.SPECIAL_POOL));
        model.allocate(new PoolEvent.Alloc(1, AllocRoutine.EX_ALLOCATE_POOL2, null, PoolFlags.NON_PAGED, PoolTag.parse("ebpf"), 0, 0,
                "ebpfcore.sys", "", null, 1));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).bugCheck().code().code()).isEqualTo(0xC4);
        assertThat(args(seen.get(0).bugCheck())).containsExactly(0x0, 0x0, 0x200, 0x0);
    }

    @Test
    @DisplayName("openvswitch/ovs-issues#91: 0xC4 (0x10, bad pool address 0, 0, 0) for freeing NULL under Driver Verifier")
    void freeingNull() {
        model.verify("OVSExt.sys", EnumSet.of(VerifierOption.POOL_TRACKING));
        model.free(new PoolEvent.Free(1, FreeRoutine.EX_FREE_POOL_WITH_TAG, PoolTag.parse("OVS "), 0, "OVSExt.sys", "", 1));
        assertThat(seen).hasSize(1);
        assertThat(args(seen.get(0).bugCheck())).containsExactly(0x10, 0, 0, 0);
    }

    @Test
    @DisplayName("microsoft/ebpf-for-windows#2092: 0xC4 (0x62, name, internal, 0x12) when ebpfcore.sys unloads with 18 allocations")
    void unloadWithEighteen() {
        model.verify("ebpfcore.sys", EnumSet.of(VerifierOption.POOL_TRACKING));
        for (int i = 0; i < 0x12; i++) {
            model.allocate(new PoolEvent.Alloc(i, AllocRoutine.EX_ALLOCATE_POOL2, null, PoolFlags.NON_PAGED, PoolTag.parse("ebpf"), 64,
                    0xFFFF890D00000000L + 0x100L * i, "ebpfcore.sys", "ebpfcore!ebpf_native_load", null, i));
        }
        model.unload(new PoolEvent.Unload(100, "ebpfcore.sys", 100));
        assertThat(seen).hasSize(1);
        BugCheck bc = seen.get(0).bugCheck();
        assertThat(bc.p1()).isEqualTo(0x62);
        assertThat(bc.p4()).isEqualTo(0x12);
    }
}
