package dev.pooltags.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.WindowsPoolType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PoolGeometryTest {
    @Test
    @DisplayName("x64: 16-byte header and granularity below a page (ExAllocatePoolWithTag: 16-byte alignment on 64-bit)")
    void x64Blocks() {
        PoolGeometry g = PoolGeometry.X64;
        assertThat(g.charged(0)).isEqualTo(16);
        assertThat(g.charged(1)).isEqualTo(32);
        assertThat(g.charged(16)).isEqualTo(32);
        assertThat(g.charged(17)).isEqualTo(48);
        assertThat(g.charged(376)).isEqualTo(400);
        assertThat(g.charged(4080)).as("the largest block that fits a page with its header").isEqualTo(4096);
        assertThat(g.isBig(4080)).isFalse();
    }

    @Test
    @DisplayName("a page or more comes from the big-page allocator, page-aligned, charged whole pages")
    void bigPool() {
        PoolGeometry g = PoolGeometry.X64;
        assertThat(g.isBig(4081)).isTrue();
        assertThat(g.charged(4081)).as("no header: one page").isEqualTo(4096);
        assertThat(g.charged(4097)).isEqualTo(8192);
        assertThat(g.charged(4096)).isEqualTo(4096);
        assertThat(g.charged(0x1008)).as("the 0x1008-byte allocation of Microsoft's 0xC4/0x62 sample").isEqualTo(8192);
    }

    @Test
    @DisplayName("x86: 8-byte header and granularity")
    void x86Blocks() {
        PoolGeometry g = PoolGeometry.X86;
        assertThat(g.charged(1)).isEqualTo(16);
        assertThat(g.charged(8)).isEqualTo(16);
        assertThat(g.charged(9)).isEqualTo(24);
        assertThat(g.charged(4088)).isEqualTo(4096);
        assertThat(g.isBig(4089)).isTrue();
    }

    @Test
    @DisplayName("the model keeps big-page allocations apart (the big pool table) and counts them under their tag too")
    void bigPoolInTheModel() {
        PoolModel m = new PoolModel(PoolConfig.defaults(), v -> { });
        Block big = m.allocate(new PoolEvent.Alloc(0, AllocRoutine.EX_ALLOCATE_POOL_WITH_TAG, WindowsPoolType.PAGED_POOL, 0,
                dev.pooltags.tag.PoolTag.parse("CM31"), 5000, 0, "nt", "", null, 1));
        m.allocate(new PoolEvent.Alloc(0, AllocRoutine.EX_ALLOCATE_POOL_WITH_TAG, WindowsPoolType.PAGED_POOL, 0,
                dev.pooltags.tag.PoolTag.parse("CM31"), 100, 0, "nt", "", null, 2));
        assertThat(big.big()).isTrue();
        assertThat(big.address() % 4096).as("page-aligned").isZero();
        assertThat(m.bigPoolAllocations()).isEqualTo(1);
        assertThat(m.bigPoolBytes()).isEqualTo(8192);
        assertThat(m.tags().row(dev.pooltags.tag.PoolTag.parse("CM31"), dev.pooltags.tag.PoolType.PAGED).bytes()).isEqualTo(8192 + 128);
        m.free(new PoolEvent.Free(1, FreeRoutine.EX_FREE_POOL, null, big.address(), "nt", "", 3));
        assertThat(m.bigPoolAllocations()).isZero();
        assertThat(m.bigPoolBytes()).isZero();
    }
}
