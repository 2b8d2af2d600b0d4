package dev.pooltags.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.source.EnvironmentException;
import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlabInfoSharedDataTest {
    static final Path SAMPLE = SharedSamples.DATA.resolve("linux/proc_slabinfo_sample.txt");

    @Test
    void mapsTheSample() throws Exception {
        List<SlabInfo.Cache> caches = SlabInfo.parse("s", Files.readString(SAMPLE));
        SlabInfo.Cache xfs = caches.stream().filter(c -> c.name().equals("xfs_inode")).findFirst().orElseThrow();
        assertThat(xfs.activeObjs()).isEqualTo(4857);
        assertThat(xfs.numObjs()).isEqualTo(5120);
        assertThat(xfs.numSlabs()).isEqualTo(640);
        TagCounters r = xfs.row();
        assertThat(r.name()).isEqualTo("xfs_inode");
        assertThat(r.type()).isEqualTo(PoolType.NONPAGED);
        assertThat(r.outstanding()).isEqualTo(4857);
        assertThat(r.bytes()).isEqualTo(4857L * 960);
        assertThat(r.perAlloc()).isEqualTo(960);
        // read as a file too, recognised by content
        assertThat(SnapshotInputs.readSeries(List.of(SAMPLE)).get(0).rows()).hasSize(caches.size());
    }

    @Test
    void badLinesAndVersions() {
        assertThatThrownBy(() -> SlabInfo.parse("slab", "slabinfo - version: 2.1\n# name\nkmalloc-64 1 2 3\n"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("slab:3: not a slabinfo 2.1 line");
        assertThatThrownBy(() -> SlabInfo.parse("slab", "slabinfo - version: 1.1\n")).hasMessageContaining("version 1.1");
    }

    @Test
    void meminfoTotals() {
        String m = "MemTotal:       24683620 kB\nMemFree:        1 kB\nMemAvailable:   23997116 kB\nSlab:             148068 kB\n"
                + "SReclaimable:     120328 kB\nSUnreclaim:        27740 kB\nCommitLimit:    12341808 kB\nCommitted_AS:    1130404 kB\n";
        assertThat(SlabInfo.meminfoTotals(m)).containsExactly(java.util.Map.entry("memory.total", 24683620L * 1024),
                java.util.Map.entry("memory.available", 23997116L * 1024), java.util.Map.entry("commit", 1130404L * 1024),
                java.util.Map.entry("commit.limit", 12341808L * 1024), java.util.Map.entry("slab", 148068L * 1024),
                java.util.Map.entry("slab.reclaimable", 120328L * 1024), java.util.Map.entry("slab.unreclaimable", 27740L * 1024));
    }

    @Test
    void liveSourceSynthesizesMonotonicCounters(@TempDir Path dir) throws Exception {
        Path slab = dir.resolve("slabinfo");
        Path mem = dir.resolve("meminfo");
        Files.writeString(mem, "MemTotal: 100 kB\n");
        String head = "slabinfo - version: 2.1\n# name <active_objs> ...\n";
        String tail = " 100 64 64 1 : tunables 0 0 0 : slabdata 1 1 0\n";
        Files.writeString(slab, head + "kmalloc-64 80" + tail);
        LinuxSlabSource src = LinuxSlabSource.open(slab, mem);
        Snapshot a = src.next().orElseThrow();
        Files.writeString(slab, head + "kmalloc-64 95" + tail);
        Snapshot b = src.next().orElseThrow();
        Files.writeString(slab, head + "kmalloc-64 60" + tail);
        Snapshot c = src.next().orElseThrow();
        assertThat(a.rows().get(0)).extracting(TagCounters::allocs, TagCounters::frees).containsExactly(80L, 0L);
        assertThat(b.rows().get(0)).extracting(TagCounters::allocs, TagCounters::frees).containsExactly(95L, 0L);
        assertThat(c.rows().get(0)).extracting(TagCounters::allocs, TagCounters::frees, TagCounters::outstanding)
                .containsExactly(95L, 35L, 60L);
        assertThat(a.totals()).containsEntry("memory.total", 102400L);
        assertThat(SnapshotDelta.between(b, c).get(0).freesChange()).isEqualTo(35);
    }

    @Test
    void missingSlabinfoIsAnEnvironmentError(@TempDir Path dir) {
        assertThatThrownBy(() -> LinuxSlabSource.open(dir.resolve("none"), dir.resolve("none2")))
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("does not exist");
    }
}
