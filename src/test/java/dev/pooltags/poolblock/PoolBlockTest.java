package dev.pooltags.poolblock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pooltags.report.PoolBlockJson;
import dev.pooltags.report.PoolBlockText;
import dev.pooltags.tag.PoolTag;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The shared pool-block model and its renderers, on blocks taken from the public !pool and !poolfind samples. */
class PoolBlockTest {
    private static final Origin AT = Origin.line("log.txt", 7);

    private static PoolBlock small(long a, long size, long prev, String tag, BlockState s) {
        return PoolBlock.small(a, size, prev, PoolTag.ofMemoryText(tag), tag.contains("."), s, PoolRegion.NONPAGED, AT);
    }

    @Test
    void originsNameFileAndLineOrOffset() {
        assertThat(Origin.line("a.log", 12).text()).isEqualTo("a.log:12");
        assertThat(Origin.offset("m.dmp", 0x2000).text()).isEqualTo("m.dmp@0x2000");
        assertThatThrownBy(() -> Origin.line("a.log", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Origin.offset("m.dmp", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void protectedAndMaskedTagsMatchTheSearchedTag() {
        PoolTag proc = PoolTag.ofMemoryText("Proc");
        PoolBlock prot = small(0xfffffa8000c77000L, 0x430, 0, "Proc (Protected)", BlockState.ALLOCATED);
        PoolBlock masked = small(0xfffffa800138f7a0L, 0x430, 0x30, "Pro.", BlockState.FREE);
        PoolBlock other = small(0xfffffa800138f7a0L, 0x430, 0x30, "Proz", BlockState.FREE);
        PoolBlock realDot = PoolBlock.small(1, 0x10, 0, PoolTag.ofMemoryText("Pro."), false, BlockState.FREE, PoolRegion.PAGED, AT);
        assertThat(prot.isProtected()).isTrue();
        assertThat(prot.matches(proc)).isTrue();
        assertThat(masked.matches(proc)).as("'.' stands for the fourth byte with the protected bit").isTrue();
        assertThat(masked.matches(PoolTag.ofMemoryText("Pro."))).isTrue();
        assertThat(other.matches(proc)).isFalse();
        assertThat(realDot.matches(proc)).as("an exact tag with a real '.' is not a mask").isFalse();
    }

    @Test
    void blockGeometry() {
        PoolBlock b = small(0x85246428L, 0x200, 0xb8, "Hack", BlockState.ALLOCATED);
        assertThat(b.page()).isEqualTo(0x85246000L);
        assertThat(b.end()).isEqualTo(0x85246628L);
        assertThat(b.contains(0x85246430L)).isTrue();
        assertThat(b.contains(0x85246628L)).isFalse();
        PoolBlock high = small(0xfffffa8000c77ff0L, 0x20, 0, "Proc", BlockState.ALLOCATED);
        assertThat(high.contains(0xfffffa8000c78000L)).as("unsigned compare").isTrue();
        assertThatThrownBy(() -> small(0, -1, 0, "Proc", BlockState.ALLOCATED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryCountsSizesAndPages() {
        List<PoolBlock> hits = List.of(
                small(0x826fa130L, 0xc0, 0x40, "SeSd", BlockState.ALLOCATED),
                small(0x82721c00L, 0x10, 0x30, "SeSd", BlockState.FREE),
                small(0x8272d770L, 0x60, 0x40, "SeSd", BlockState.ALLOCATED),
                small(0x8272d7d0L, 0xa0, 0x60, "SeSd", BlockState.ALLOCATED),
                small(0x8272d960L, 0xa0, 0x70, "SeSd", BlockState.ALLOCATED));
        BlockSummary s = BlockSummary.of(hits);
        assertThat(s.blocks()).isEqualTo(5);
        assertThat(s.allocated()).isEqualTo(4);
        assertThat(s.free()).isEqualTo(1);
        assertThat(s.allocatedBytes()).isEqualTo(0xc0 + 0x60 + 0xa0 + 0xa0);
        assertThat(s.sizes()).containsEntry(0xa0L, 2).containsEntry(0x10L, 1).hasSize(4);
        assertThat(s.pages()).hasSize(3);
        assertThat(s.pages().get(0x8272d000L)).hasSize(3);
        assertThat(s.regions()).containsEntry(PoolRegion.NONPAGED, 5);
        BlockSummary high = BlockSummary.of(List.of(small(0xffffda000a9b6d30L, 0x140, 0, "amda", BlockState.UNKNOWN),
                small(0x10000L, 0x140, 0, "amda", BlockState.UNKNOWN)));
        assertThat(high.pages().firstKey()).as("pages in unsigned order").isEqualTo(0x10000L);
        assertThat(high.allocatedBytes()).as("unknown state counts as not free").isEqualTo(0x280);
    }

    @Test
    void pageRendersMarkedBlockAndOwner() {
        PoolPage p = new PoolPage(0x85246430L, PoolRegion.NONPAGED, List.of(
                small(0x85246000L, 0xc8, 0, "Ntfx", BlockState.ALLOCATED),
                small(0x85246160L, 0x68, 0x48, "NpFn", BlockState.ALLOCATED).withProcess(0x8507a030L),
                small(0x85246428L, 0x200, 0xb8, "Hack", BlockState.ALLOCATED)), 2,
                Optional.of(new OwnerNote(PoolTag.ofMemoryText("Hack"), "", "", Origin.line("log.txt", 11))), false, AT);
        StringWriter w = new StringWriter();
        PoolBlockText.page(new PrintWriter(w), p);
        assertThat(w.toString())
                .startsWith("pool page 85246000 (Nonpaged pool), asked about 85246430: 3 blocks (3 allocated, 0 free)  (log.txt:7)\n")
                .contains("*  85246428  0x200      0xb8  Allocated  Hack")
                .contains("quota charged to process 8507a030")
                .contains("the debugger's owner line: unknown (the debugger's pooltag.txt has no entry for Hack)  (log.txt:11)");
        JsonNode j = PoolBlockJson.page(p);
        assertThat(j.get("marked").asInt()).isEqualTo(2);
        assertThat(j.get("blocks").get(1).get("process").asText()).isEqualTo("0x8507a030");
        assertThat(j.get("blocks").get(2).get("origin").get("line").asInt()).isEqualTo(7);
        assertThat(j.get("owner").get("known").asBoolean()).isFalse();
        assertThatThrownBy(() -> new PoolPage(0, PoolRegion.PAGED, List.of(), 0, Optional.empty(), false, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findRendersCountsHistogramAndPages() {
        PoolFindResult f = new PoolFindResult("SeSd 0", Optional.of(PoolTag.ofMemoryText("SeSd")),
                List.of(new SearchedRange(true, PoolRegion.UNKNOWN, 0x827d1000L, 0x827e9000L, AT),
                        new SearchedRange(false, PoolRegion.NONPAGED, 0x823b1000L, 0x82800000L, AT)),
                List.of(small(0x8272d770L, 0x60, 0x40, "SeSd", BlockState.ALLOCATED),
                        small(0x8272d7d0L, 0xa0, 0x60, "SeSd", BlockState.ALLOCATED),
                        small(0x82721c00L, 0x10, 0x30, "SeSd", BlockState.FREE)),
                true, OptionalLong.of(0xe1224000L), AT);
        StringWriter w = new StringWriter();
        PoolBlockText.find(new PrintWriter(w), f, 1);
        assertThat(w.toString())
                .contains("!poolfind SeSd 0: 3 blocks (2 allocated, 1 free), 256 bytes not free")
                .contains("searched the big pool table 827d1000 : 827e9000")
                .contains("stopped early at e1224000")
                .contains("cut short")
                .contains("sizes: 0x10 x1, 0x60 x1, 0xa0 x1")
                .contains("8272d000       2  8272d770 (0x60), 8272d7d0 (0xa0)")
                .contains("... 1 more pages");
        JsonNode j = PoolBlockJson.find(f);
        assertThat(j.get("complete").asBoolean()).isFalse();
        assertThat(j.get("stoppedAt").asText()).isEqualTo("0xe1224000");
        assertThat(j.get("summary").get("sizes").get(0).get("size").asLong()).isEqualTo(0x10);
        assertThat(j.get("hits").get(2).get("state").asText()).isEqualTo("free");
    }

    @Test
    void regionWording() {
        assertThat(PoolRegion.parse("Nonpaged pool")).isEqualTo(PoolRegion.NONPAGED);
        assertThat(PoolRegion.parse("NonPaged")).isEqualTo(PoolRegion.NONPAGED);
        assertThat(PoolRegion.parse("Paged session pool")).isEqualTo(PoolRegion.SESSION_PAGED);
        assertThat(PoolRegion.parse("Special pool")).isEqualTo(PoolRegion.SPECIAL);
        assertThat(PoolRegion.parse("Unknown")).isEqualTo(PoolRegion.UNKNOWN);
        assertThat(PoolRegion.SESSION_NONPAGED.poolType()).contains(dev.pooltags.tag.PoolType.NONPAGED);
        assertThat(PoolRegion.SPECIAL.poolType()).isEmpty();
    }
}
