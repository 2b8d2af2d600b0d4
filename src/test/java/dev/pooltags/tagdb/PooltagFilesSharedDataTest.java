package dev.pooltags.tagdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagPattern;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The three real Pooltag.txt copies in ../shared/data/pooltag load completely. The expected counts were established
 * by reading the files (see the README's "Pooltag.txt as it really is"): every line is a comment, a blank, an entry or
 * an irregular line, and the irregular ones are listed by number.
 */
class PooltagFilesSharedDataTest {
    static final Path DIR = Path.of("../shared/data/pooltag");

    @ParameterizedTest(name = "pooltag-{0}.txt")
    @CsvSource({
        // year, lines, comments, blanks, entries, wildcard entries, tags with 2 entries, irregular, irregular kept
        "2023, 4985, 22, 369, 4591, 101, 56, 36, 33",
        "2020, 4690, 21, 360, 4308, 101, 59, 37, 36",
        "2003, 1933, 13, 165, 1754, 66, 11, 4, 3",
    })
    void loadsCompletely(String year, int lines, int comments, int blanks, int entries, int wildcard, int duplicated,
            int irregular, int kept) {
        TagFile f = TagFileReader.read(DIR.resolve("pooltag-" + year + ".txt"), 0);
        assertThat(f.lines()).isEqualTo(lines);
        assertThat(f.commentLines()).isEqualTo(comments);
        assertThat(f.blankLines()).isEqualTo(blanks);
        assertThat(f.entries()).hasSize(entries);
        assertThat(f.wildcardEntries()).isEqualTo(wildcard);
        Map<String, Integer> perTag = new HashMap<>();
        f.entries().forEach(e -> perTag.merge(e.tagText(), 1, Integer::sum));
        assertThat(perTag.values().stream().filter(n -> n > 1).count()).isEqualTo(duplicated);
        assertThat(perTag.values()).allMatch(n -> n <= 2);
        assertThat(f.irregular()).hasSize(irregular);
        assertThat(f.irregular().stream().filter(IrregularLine::isKept).count()).isEqualTo(kept);
        // every line is accounted for: not-kept irregular lines are the only lines that are neither of the others
        assertThat(comments + blanks + entries + (irregular - kept)).isEqualTo(lines);
    }

    @Test
    void irregularLinesOf2023AreTheOnesInTheFile() {
        TagFile f = TagFileReader.read(DIR.resolve("pooltag-2023.txt"), 0);
        assertThat(f.irregular()).extracting(IrregularLine::line).startsWith(138, 139, 140, 141, 142, 143, 144, 145, 875, 1097, 1105)
                .contains(2606, 2626, 2647, 3608, 3625, 4985);
        assertThat(f.irregular().stream().filter(l -> l.line() == 2647).findFirst().orElseThrow().reason()).contains("prose");
    }

    @Test
    void knownOwnersOf2023() {
        TagDatabase db = TagDatabase.of(List.of(TagFileReader.read(DIR.resolve("pooltag-2023.txt"), 0)));
        List<TagMatch> afd1 = db.lookup(PoolTag.parse("Afd1"));
        assertThat(afd1).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(TagMatch.Kind.WILDCARD);
            assertThat(m.entry().tagText()).isEqualTo("Afd?");
            assertThat(m.entry().binary()).isEqualTo("afd.sys");
            assertThat(m.entry().source().line()).isEqualTo(57);
        });
        List<TagMatch> afdb = db.lookup(PoolTag.parse("AfdB"));
        assertThat(afdb).extracting(TagMatch::kind).containsExactly(TagMatch.Kind.EXACT, TagMatch.Kind.WILDCARD);
        assertThat(db.lookup(PoolTag.parse("Ntf0")).get(0).entry().description()).isEqualTo("General pool allocation");
        assertThat(db.byBinary("ntfs.sys")).hasSize(165);
        assertThat(db.byBinary("NTFS")).hasSize(165);
        assertThat(db.list(TagPattern.parse("Ntf*"))).hasSize(39);
        assertThat(db.lookup(PoolTag.parse("MyBf"))).isEmpty();
    }
}
