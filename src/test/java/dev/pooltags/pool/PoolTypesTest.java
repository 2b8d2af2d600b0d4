package dev.pooltags.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.PoolFlags;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.tag.PoolType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PoolTypesTest {
    @Test
    @DisplayName("POOL_TYPE values and the per-tag row they count in (wdm.h POOL_TYPE)")
    void poolTypes() {
        assertThat(WindowsPoolType.fromCode(0)).isEqualTo(WindowsPoolType.NON_PAGED_POOL);
        assertThat(WindowsPoolType.fromCode(1).tracked()).isEqualTo(PoolType.PAGED);
        assertThat(WindowsPoolType.fromCode(512).tracked()).isEqualTo(PoolType.NONPAGED);
        assertThat(WindowsPoolType.fromCode(5)).isEqualTo(WindowsPoolType.PAGED_POOL_CACHE_ALIGNED);
        assertThat(WindowsPoolType.fromCode(5).isPaged()).isTrue();
        assertThat(WindowsPoolType.fromCode(3).isPaged()).as("DontUseThisType").isFalse();
        assertThat(WindowsPoolType.fromCode(33).isSession()).isTrue();
        assertThat(WindowsPoolType.fromCode(33).tracked()).isEqualTo(PoolType.PAGED);
        assertThat(WindowsPoolType.fromCode(6).isMustSucceed()).isTrue();
        assertThat(WindowsPoolType.fromCode(1 | 16 | 256)).as("POOL_RAISE_IF_ALLOCATION_FAILURE and POOL_COLD_ALLOCATION ignored")
                .isEqualTo(WindowsPoolType.PAGED_POOL);
        assertThat(WindowsPoolType.fromCode(7)).isNull();
        assertThat(WindowsPoolType.parse("NonPagedPoolNx")).isEqualTo(WindowsPoolType.NON_PAGED_POOL_NX);
        assertThat(WindowsPoolType.parse("0x00000200")).isEqualTo(WindowsPoolType.NON_PAGED_POOL_NX);
        assertThat(WindowsPoolType.parse("Paged")).isEqualTo(WindowsPoolType.PAGED_POOL);
        assertThat(WindowsPoolType.parse("NonPagedPoolExecute")).isEqualTo(WindowsPoolType.NON_PAGED_POOL);
        assertThatThrownBy(() -> WindowsPoolType.parse("Wet")).hasMessageContaining("'Wet'");
        assertThatThrownBy(() -> WindowsPoolType.parse("7")).hasMessageContaining("not a POOL_TYPE");
    }

    @Test
    @DisplayName("Each POOL_TYPE is named as wdm.h spells it (the name is derived from the constant's)")
    void wdmNames() {
        assertThat(java.util.Arrays.stream(WindowsPoolType.values()).map(WindowsPoolType::windowsName)).containsExactly(
                "NonPagedPool", "PagedPool", "NonPagedPoolMustSucceed", "DontUseThisType", "NonPagedPoolCacheAligned",
                "PagedPoolCacheAligned", "NonPagedPoolCacheAlignedMustS", "NonPagedPoolSession", "PagedPoolSession",
                "NonPagedPoolMustSucceedSession", "DontUseThisTypeSession", "NonPagedPoolCacheAlignedSession",
                "PagedPoolCacheAlignedSession", "NonPagedPoolCacheAlignedMustSSession", "NonPagedPoolNx",
                "NonPagedPoolNxCacheAligned", "NonPagedPoolSessionNx");
        assertThat(WindowsPoolType.NON_PAGED_POOL_NX).hasToString("NonPagedPoolNx");
    }

    @Test
    @DisplayName("Each bug check's reference is its Microsoft page, named after its code and symbolic name")
    void bugCheckReferences() {
        String base = "https://learn.microsoft.com/windows-hardware/drivers/debugger/";
        assertThat(java.util.Arrays.stream(BugCheckCode.values()).map(BugCheckCode::reference)).containsExactly(
                base + "bug-check-0xc2--bad-pool-caller", base + "bug-check-0xc1--special-pool-detected-memory-corruption",
                base + "bug-check-0xc4--driver-verifier-detected-violation",
                base + "bug-check-0xcc--page-fault-in-freed-special-pool",
                base + "bug-check-0xcd--page-fault-beyond-end-of-allocation");
    }

    @Test
    @DisplayName("POOL_FLAGS: exactly one pool; POOL_FLAG_NON_PAGED is NX; reserved required bits fail")
    void poolFlags() {
        assertThat(PoolFlags.poolType(PoolFlags.NON_PAGED)).isEqualTo(WindowsPoolType.NON_PAGED_POOL_NX);
        assertThat(PoolFlags.poolType(PoolFlags.NON_PAGED_EXECUTE)).isEqualTo(WindowsPoolType.NON_PAGED_POOL);
        assertThat(PoolFlags.poolType(PoolFlags.PAGED | PoolFlags.CACHE_ALIGNED)).isEqualTo(WindowsPoolType.PAGED_POOL_CACHE_ALIGNED);
        assertThat(PoolFlags.poolType(PoolFlags.PAGED | PoolFlags.SESSION)).isEqualTo(WindowsPoolType.PAGED_POOL_SESSION);
        assertThat(PoolFlags.poolType(PoolFlags.NON_PAGED | PoolFlags.SPECIAL_POOL | (1L << 40)))
                .as("unknown optional bits are ignored").isEqualTo(WindowsPoolType.NON_PAGED_POOL_NX);
        assertThat(PoolFlags.invalidReason(0)).contains("no pool");
        assertThat(PoolFlags.invalidReason(PoolFlags.NON_PAGED | PoolFlags.RESERVED1)).contains("0x10");
        assertThat(PoolFlags.parse("POOL_FLAG_NON_PAGED|uninitialized")).isEqualTo(PoolFlags.NON_PAGED | PoolFlags.UNINITIALIZED);
        assertThat(PoolFlags.parse("0x100")).isEqualTo(PoolFlags.PAGED);
        assertThat(PoolFlags.describe(PoolFlags.NON_PAGED | PoolFlags.SPECIAL_POOL)).isEqualTo("POOL_FLAG_NON_PAGED|POOL_FLAG_SPECIAL_POOL");
        assertThatThrownBy(() -> PoolFlags.parse("POOL_FLAG_WET")).hasMessageContaining("POOL_FLAG_WET");
    }

    @Test
    @DisplayName("routines by name; NDIS allocates nonpaged with its default tag 'maDN'")
    void routines() {
        assertThat(AllocRoutine.byName("exallocatepool2")).isEqualTo(AllocRoutine.EX_ALLOCATE_POOL2);
        assertThat(FreeRoutine.byName("ExFreePoolWithTag").passesTag()).isTrue();
        assertThat(FreeRoutine.byName("ExFreePool").passesTag()).isFalse();
        assertThat(AllocRoutine.byName("malloc")).isNull();
        PoolModel m = new PoolModel(PoolConfig.defaults(), v -> { });
        Block b = m.allocate(new PoolEvent.Alloc(0, AllocRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY, null, 0, null, 100, 0, "nic.sys", "",
                null, 1));
        assertThat(b.tag().toString()).isEqualTo("NDam");
        assertThat(b.tracked()).isEqualTo(PoolType.NONPAGED);
    }
}
