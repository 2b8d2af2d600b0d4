package dev.pooltags.tagdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TagFileProperties {
    /** Whatever the text, the reader returns, and accounts for every line. */
    @Property(tries = 3000)
    void readerNeverFailsAndAccountsForEveryLine(@ForAll("junk") String text) {
        TagFile f = TagFileReader.parse("fuzz.txt", text, 0);
        long kept = f.irregular().stream().filter(IrregularLine::isKept).count();
        assertThat(f.commentLines() + f.blankLines() + f.entries().size() + (f.irregular().size() - kept)).isEqualTo(f.lines());
    }

    /** What the writer writes, the reader reads back unchanged and regular. */
    @Property(tries = 1000)
    void writeThenReadRoundTrips(@ForAll("entries") List<String[]> rows) throws Exception {
        List<TagEntry> entries = new ArrayList<>();
        int i = 1;
        for (String[] r : rows) {
            entries.add(TagFileReader.parse("x", r[0] + " - " + r[1] + " - " + r[2] + "\n", 0).entries().get(0));
            i++;
        }
        StringWriter w = new StringWriter();
        TagFileWriter.write(w, List.of("generated"), entries);
        TagFile back = TagFileReader.parse("back.txt", w.toString(), 0);
        assertThat(back.irregular()).isEmpty();
        assertThat(back.entries()).hasSize(entries.size());
        for (int k = 0; k < entries.size(); k++) {
            assertThat(back.entries().get(k).key()).isEqualTo(entries.get(k).key());
            assertThat(back.entries().get(k).binary()).isEqualTo(entries.get(k).binary());
            assertThat(back.entries().get(k).description()).isEqualTo(entries.get(k).description());
        }
    }

    @Provide
    Arbitrary<String> junk() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.strings().withChars("AbZ09 -?*!<>.\t\\/\u001a\u0000remREM").ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(30));
        return line.list().ofMaxSize(30).map(l -> String.join(Arbitraries.of("\n", "\r\n").sample(), l));
    }

    @Provide
    Arbitrary<List<String[]>> entries() {
        Arbitrary<String> tag = Arbitraries.strings().withChars("ABCxyz019_@ ").ofLength(4).filter(t -> t.charAt(0) != ' ');
        Arbitrary<String> binary = Arbitraries.of("ntfs.sys", "<unknown>", "nt!mm", "afd.sys", "my-drv.sys");
        Arbitrary<String> desc = Arbitraries.strings().withChars("abc XYZ()-_,.").ofMinLength(1).ofMaxLength(30)
                .map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("-"));
        return Combinators.combine(tag, binary, desc).as((t, b, d) -> new String[] {t, b, d}).list().ofMaxSize(20);
    }
}
