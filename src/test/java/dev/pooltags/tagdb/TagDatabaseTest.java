package dev.pooltags.tagdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagPattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagDatabaseTest {
    private final TagFile local = TagFileReader.parse("localtag.txt", "MyBf - mydrv.sys - my buffers\nAfdB - afdx.sys - patched afd\n", 0);
    private final TagFile pooltag = TagFileReader.parse("pooltag.txt",
            "Afd? - afd.sys - AFD objects\nAfdB - afd.sys - Afd data buffer\nNtfF - ntfs.sys - FCB_INDEX\nNtfx - ntfs.sys - General\n", 1);
    private final TagDatabase db = TagDatabase.of(List.of(local, pooltag));

    @Test
    void exactBeforeWildcardAndLocalBeforePooltag() {
        assertThat(db.lookup(PoolTag.parse("AfdB"))).extracting(m -> m.entry().binary(), TagMatch::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("afdx.sys", TagMatch.Kind.EXACT),
                        org.assertj.core.groups.Tuple.tuple("afd.sys", TagMatch.Kind.EXACT),
                        org.assertj.core.groups.Tuple.tuple("afd.sys", TagMatch.Kind.WILDCARD));
        assertThat(db.owner(PoolTag.parse("AfdB")).source().file()).isEqualTo("localtag.txt");
    }

    @Test
    void protectedTagsLookUpAsTheirBaseTag() {
        assertThat(db.lookup(PoolTag.parse("MyBf (Protected)"))).hasSize(1);
    }

    @Test
    void everyAnswerCarriesItsSource() {
        TagEntry e = db.lookup(PoolTag.parse("NtfF")).get(0).entry();
        assertThat(e.source()).isEqualTo(new EntrySource("pooltag.txt", 3, 1));
    }

    @Test
    void listingAndByBinary() {
        assertThat(db.list(TagPattern.parse("Ntf*"))).extracting(TagEntry::tagText).containsExactly("NtfF", "Ntfx");
        assertThat(db.list(TagPattern.parse("Afd*"))).extracting(TagEntry::tagText).containsExactly("AfdB", "AfdB", "Afd?");
        assertThat(db.byBinary("ntfs")).hasSize(2);
        assertThat(db.byBinary("mydrv.sys")).hasSize(1);
        assertThat(db.byBinary("nothere.sys")).isEmpty();
    }

    @Test
    void noOwner() {
        assertThat(db.lookup(PoolTag.parse("Zzzz"))).isEmpty();
        assertThat(db.owner(PoolTag.parse("Zzzz"))).isNull();
        assertThat(TagDatabase.empty().lookup(PoolTag.parse("Ntfx"))).isEmpty();
    }

    @Test
    void binaryMatchingRules() {
        assertThat(TagDatabase.binaryMatches("nt!mm", "nt")).isTrue();
        assertThat(TagDatabase.binaryMatches("nt!mm", "nt!mm")).isTrue();
        assertThat(TagDatabase.binaryMatches("ntfs.sys", "ntf")).isFalse();
        assertThat(TagDatabase.binaryMatches("<unknown>", "unknown")).isFalse();
    }
}
