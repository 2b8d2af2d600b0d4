package dev.pooltags.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Buffers laid out by hand from the documented structures, in both pointer sizes. */
class WindowsPoolBuffersTest {
    record Tag(String tag, long pa, long pf, long pu, long na, long nf, long nu) {}

    /** SYSTEM_POOLTAG at the buffer's position, field by field as the layout comment says. */
    static void putTag(ByteBuffer b, Tag t, boolean is64) {
        b.putInt(PoolTag.parse(t.tag).value());
        b.putInt((int) t.pa);
        b.putInt((int) t.pf);
        if (is64) {
            b.putInt(0); // padding before the 8-byte SIZE_T
            b.putLong(t.pu);
        } else {
            b.putInt((int) t.pu);
        }
        b.putInt((int) t.na);
        b.putInt((int) t.nf);
        if (is64) {
            b.putLong(t.nu);
        } else {
            b.putInt((int) t.nu);
        }
    }

    static ByteBuffer poolTagInformation(List<Tag> tags, boolean is64) {
        ByteBuffer b = ByteBuffer.allocate(8 + tags.size() * 40).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(tags.size());
        if (is64) {
            b.putInt(0);
        }
        for (Tag t : tags) {
            putTag(b, t, is64);
        }
        return b;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void poolTagInformation(boolean is64) {
        List<Tag> tags = List.of(new Tag("MyBf", 10, 2, 1024, 0, 0, 0), new Tag("Irp ", 0xFFFFFFF0L, 5, 64, 7, 7, 0),
                new Tag("Zero", 0, 0, 0, 0, 0, 0));
        ByteBuffer b = poolTagInformation(tags, is64);
        List<TagCounters> rows = WindowsPoolBuffers.poolTags(b, b.position(), is64);
        assertThat(b.position()).isEqualTo((is64 ? 8 : 4) + 3 * WindowsPoolBuffers.poolTagSize(is64));
        assertThat(rows).containsExactly(TagCounters.of(PoolTag.parse("MyBf"), PoolType.PAGED, 10, 2, 1024),
                TagCounters.of(PoolTag.parse("Irp "), PoolType.PAGED, 0xFFFFFFF0L, 5, 64),
                TagCounters.of(PoolTag.parse("Irp "), PoolType.NONPAGED, 7, 7, 0));
        assertThatThrownBy(() -> WindowsPoolBuffers.poolTags(b, b.position() - 1, is64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sessionPoolTagInformation(boolean is64) {
        int header = is64 ? 16 : 12;
        int size = WindowsPoolBuffers.poolTagSize(is64);
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        int first = header + size;
        // session 0 with one tag, then session 1 with two
        if (is64) {
            b.putLong(first);
        } else {
            b.putInt(first);
        }
        b.putInt(0).putInt(1);
        putTag(b, new Tag("Gcac", 3, 1, 300, 0, 0, 0), is64);
        if (is64) {
            b.putLong(0);
        } else {
            b.putInt(0);
        }
        b.putInt(1).putInt(2);
        putTag(b, new Tag("Gcac", 5, 5, 0, 0, 0, 0), is64);
        putTag(b, new Tag("Usti", 0, 0, 0, 4, 1, 96), is64);
        Map<Long, List<TagCounters>> s = WindowsPoolBuffers.sessionPoolTags(b, b.position(), is64);
        assertThat(s).containsOnlyKeys(0L, 1L);
        assertThat(s.get(1L)).hasSize(2);
        List<TagCounters> all = WindowsPoolBuffers.sumSessions(s.values());
        assertThat(all).contains(TagCounters.of(PoolTag.parse("Gcac"), PoolType.PAGED, 8, 6, 300));
        // a NextEntryOffset pointing past the end is refused, not followed
        ByteBuffer bad = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (is64) {
            bad.putLong(0, 4096);
        } else {
            bad.putInt(0, 4096);
        }
        assertThatThrownBy(() -> WindowsPoolBuffers.sessionPoolTags(bad, b.position(), is64)).hasMessageContaining("NextEntryOffset");
    }

    /**
     * Issue 17: the big-pool table per allocation, decoded from a SystemBigPoolInformation buffer laid out as the
     * kernel returns it (phnt's SYSTEM_BIGPOOL_INFORMATION: ULONG Count, the entries aligned to a pointer; each
     * entry a PVOID VirtualAddress whose bit 0 is NonPaged, a SIZE_T SizeInBytes and a ULONG Tag, 24 bytes on x64
     * and 12 on x86). The live source cannot run here: these bytes stand in for the kernel's.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bigPoolInformation(boolean is64) {
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(3);
        if (is64) {
            b.putInt(0); // padding: the entries are pointer-aligned
            b.putLong(0xFFFFA00012340001L).putLong(0x3000).putInt(PoolTag.parse("CM31").value()).putInt(0);
            b.putLong(0xFFFFA00012350000L).putLong(0x1000).putInt(PoolTag.parse("File").value()).putInt(0);
            b.putLong(0xFFFFB80000400001L).putLong(0x200000).putInt(PoolTag.parse("'Pa10'").value() | 0x80000000).putInt(0);
        } else {
            b.putInt(0x85240001).putInt(0x3000).putInt(PoolTag.parse("CM31").value());
            b.putInt(0x85250000).putInt(0x1000).putInt(PoolTag.parse("File").value());
            b.putInt(0x9C400001).putInt(0x200000).putInt(PoolTag.parse("'Pa10'").value() | 0x80000000);
        }
        List<BigPoolAllocation> e = WindowsPoolBuffers.bigPool(b, b.position(), is64);
        assertThat(e).hasSize(3);
        assertThat(e.get(0)).isEqualTo(new BigPoolAllocation(is64 ? 0xFFFFA00012340000L : 0x85240000L, PoolType.NONPAGED, 0x3000,
                PoolTag.parse("CM31")));
        assertThat(e.get(1)).isEqualTo(new BigPoolAllocation(is64 ? 0xFFFFA00012350000L : 0x85250000L, PoolType.PAGED, 0x1000,
                PoolTag.parse("File")));
        assertThat(e.get(2).tag().isProtected()).isTrue();
        assertThat(e.get(2).addressText()).isEqualTo(is64 ? "0xFFFFB80000400000" : "0x9C400000");
        assertThat(WindowsPoolBuffers.bigPoolTotals(e)).containsEntry("bigpool.nonpaged", 0x203000L).containsEntry("bigpool.paged", 0x1000L)
                .containsEntry("bigpool.count", 3L);
        // a Count the buffer cannot hold is the kernel's buffer pooltags cannot decode, never an overread
        ByteBuffer lying = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(1000);
        assertThatThrownBy(() -> WindowsPoolBuffers.bigPool(lying, 16, is64)).hasMessageContaining("Count 1000 entries of "
                + (is64 ? 24 : 12) + " bytes do not fit in the 16-byte buffer");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void performanceInformation(boolean is64) {
        ByteBuffer b = ByteBuffer.allocate(104).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(is64 ? 104 : 56);
        if (is64) {
            b.putInt(0);
        }
        long[] v = {100, 200, 150, 1000, 400, 50, 60, 30, 20, 4096};
        for (long x : v) {
            if (is64) {
                b.putLong(x);
            } else {
                b.putInt((int) x);
            }
        }
        Map<String, Long> t = WindowsPoolBuffers.performanceTotals(b, is64);
        assertThat(t).containsEntry("commit", 100L * 4096).containsEntry("memory.total", 1000L * 4096)
                .containsEntry("pool.paged", 30L * 4096).containsEntry("pool.nonpaged", 20L * 4096);
    }
}
