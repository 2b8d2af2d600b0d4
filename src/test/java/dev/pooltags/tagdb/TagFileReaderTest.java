package dev.pooltags.tagdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.tag.PoolTag;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagFileReaderTest {
    private static TagFile parse(String text) {
        return TagFileReader.parse("t.txt", text, 0);
    }

    @Test
    void readsRegularLinesCommentsAndBlanks() {
        TagFile f = parse("//\n// Copyright\nrem  Pooltag.txt\nREM NTFS tags\n\nAfdB - afd.sys      - Afd data buffer\n"
                + "Ntfx - ntfs.sys     -     General Allocation\n");
        assertThat(f.lines()).isEqualTo(7);
        assertThat(f.commentLines()).isEqualTo(4);
        assertThat(f.blankLines()).isEqualTo(1);
        assertThat(f.irregular()).isEmpty();
        assertThat(f.entries()).extracting(TagEntry::tagText).containsExactly("AfdB", "Ntfx");
        TagEntry e = f.entries().get(1);
        assertThat(e.binary()).isEqualTo("ntfs.sys");
        assertThat(e.description()).isEqualTo("General Allocation");
        assertThat(e.source()).isEqualTo(new EntrySource("t.txt", 7, 0));
    }

    @Test
    void crlfAndLfGiveTheSameEntries() {
        String lf = "AfdB - afd.sys - Afd data buffer\nCc   - <unknown> - Cache manager\n";
        TagFile a = parse(lf);
        TagFile b = parse(lf.replace("\n", "\r\n"));
        assertThat(b.entries()).extracting(TagEntry::tagText, TagEntry::binary, TagEntry::description)
                .isEqualTo(a.entries().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.tagText(), e.binary(), e.description())).toList());
    }

    @Test
    void trailingSpacesOfTheTagCount() {
        TagFile f = parse("Cc   - nt!cc        - Cache manager\nDdk  - <unknown>    - Default for driver allocated memory\n");
        assertThat(f.entries().get(0).tag()).isEqualTo(PoolTag.parse("Cc  "));
        assertThat(f.entries().get(1).tag()).isEqualTo(PoolTag.ofCharLiteral(" kdD"));
        assertThat(f.entries().get(0).binary()).isEqualTo("nt!cc");
    }

    @Test
    void wildcardEntries() {
        TagFile f = parse("Afd? - afd.sys      - AFD objects\nBu*  - <unknown>    - burneng.sys from adaptec\n");
        assertThat(f.wildcardEntries()).isEqualTo(2);
        assertThat(f.entries().get(0).key().matches(PoolTag.parse("Afd1"))).isTrue();
        // the spaces after '*' are column padding, not part of the pattern
        assertThat(f.entries().get(1).key().matches(PoolTag.parse("BuXY"))).isTrue();
    }

    @Test
    void aTagListedTwiceKeepsBothOwners() {
        TagFile f = parse("Ggb  - win32k.sys - Glyph bits\nGgb  - win32k.sys - GDITAG_GLYPH_BITS\n");
        assertThat(TagDatabase.of(List.of(f)).lookup(PoolTag.parse("Ggb"))).hasSize(2);
    }

    @Test
    void threeCharacterTagIsPaddedAndReported() {
        TagFile f = parse("PX1 - ndproxy.sys - PX_EVENT_TAG\n");
        assertThat(f.entries()).singleElement().satisfies(e -> {
            assertThat(e.tagText()).isEqualTo("PX1 ");
            assertThat(e.binary()).isEqualTo("ndproxy.sys");
            assertThat(e.description()).isEqualTo("PX_EVENT_TAG");
        });
        assertThat(f.irregular()).singleElement().satisfies(l -> {
            assertThat(l.line()).isEqualTo(1);
            assertThat(l.reason()).contains("3 characters");
            assertThat(l.isKept()).isTrue();
        });
    }

    @Test
    void missingBinaryColumnKeepsTheDescription() {
        TagFile f = parse("ATmp - AppTag mount point\n");
        assertThat(f.entries().get(0).binary()).isEmpty();
        assertThat(f.entries().get(0).description()).isEqualTo("AppTag mount point");
        assertThat(f.irregular().get(0).reason()).contains("no binary column");
    }

    @Test
    void binaryRunIntoDescriptionIsSplitAtTheGap() {
        TagFile f = parse("EtwO - nt!etw         Etw memory partition MDL\n");
        assertThat(f.entries().get(0).binary()).isEqualTo("nt!etw");
        assertThat(f.entries().get(0).description()).isEqualTo("Etw memory partition MDL");
        assertThat(f.irregular()).hasSize(1);
    }

    @Test
    void misplacedSeparatorsAreKept() {
        TagFile f = parse("Tun4  - <unknown>   - Tunnel cache\nCMAl - nt!cm        -internal registry\nTtnc -  tcpip.sys   - WFP\n");
        assertThat(f.entries()).extracting(TagEntry::tagText).containsExactly("Tun4", "CMAl", "Ttnc");
        assertThat(f.entries()).extracting(TagEntry::binary).containsExactly("<unknown>", "nt!cm", "tcpip.sys");
        assertThat(f.entries().get(1).description()).isEqualTo("internal registry");
        assertThat(f.irregular()).hasSize(3).allMatch(IrregularLine::isKept);
    }

    @Test
    void proseContinuationAndControlCharactersAreReportedNotKept() {
        TagFile f = parse("QUIC Allocation tags are Qc00 through QcFF\n       <unknown>\n\u001a");
        assertThat(f.entries()).isEmpty();
        assertThat(f.irregular()).extracting(IrregularLine::line).containsExactly(1, 2, 3);
        assertThat(f.irregular()).noneMatch(IrregularLine::isKept);
        assertThat(f.irregular().get(2).reason()).contains("Ctrl-Z");
    }

    @Test
    void aTagNamedRemIsAnEntryNotAComment() {
        TagFile f = parse("rem  - foo.sys - a tag that reads rem\n");
        assertThat(f.entries()).hasSize(1);
        assertThat(f.commentLines()).isZero();
    }

    @Test
    void multipleBinariesInOneColumn() {
        TagFile f = parse("sm?? - nt!store or rdyboost.sys - ReadyBoost allocations\n");
        assertThat(f.entries().get(0).binary()).isEqualTo("nt!store or rdyboost.sys");
        assertThat(TagDatabase.of(List.of(f)).byBinary("rdyboost.sys")).hasSize(1);
    }
}
