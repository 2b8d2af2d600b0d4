package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.tagdb.TagFileDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17's smaller lookup defects: one file read twice, and a character literal quoted twice. */
class TagFileOptionsTest {
    @Test
    void theSameFileNamedAndFoundIsOneSourceUnderTheGivenName(@TempDir Path dir) throws Exception {
        Path local = Files.writeString(dir.resolve("localtag.txt"), "Pa01 - mydrv.sys - my tag\r\n");
        Path link = dir.resolve("link.txt");
        Files.createSymbolicLink(link, local);
        TagFileDiscovery discovery = new TagFileDiscovery(Map.of(), false, dir.resolve("home"), dir, Files::isRegularFile,
                p -> List.of());
        TagFileOptions o = new TagFileOptions();
        Path given = dir.resolve("sub/../localtag.txt");
        o.tagfiles.addAll(List.of(given, link));
        assertThat(o.resolve(discovery, true)).containsExactly(given);

        TagFileOptions other = new TagFileOptions();
        Path pooltag = Files.writeString(dir.resolve("pooltag.txt"), "Pa02 - x.sys - other\r\n");
        other.tagfiles.add(pooltag);
        assertThat(other.resolve(discovery, true)).containsExactly(local, pooltag); // different files stay apart
    }

    @Test
    void lookupShowsTheEntryOnceWhenTheLocalTagFileIsAlsoNamed(@TempDir Path dir) throws Exception {
        // in-process, the current folder is the project's: name the project's own copy both ways
        Path local = Path.of("localtag.txt");
        boolean existed = Files.exists(local);
        org.junit.jupiter.api.Assumptions.assumeFalse(existed, "a localtag.txt in the project folder");
        try {
            Files.writeString(local, "Pa01 - mydrv.sys - my tag\r\n");
            CliRun r = CliRun.of("lookup", "--tagfile", "localtag.txt", "Pa01");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).containsOnlyOnce("my tag").contains("(localtag.txt:1)");
        } finally {
            Files.deleteIfExists(local);
        }
    }

    @Test
    void aCharacterLiteralIsQuotedOnce() {
        CliRun r = CliRun.of("lookup", "'fByM'", "--no-localtag", "--tagfile", "../shared/data/pooltag/pooltag-2023.txt");
        assertThat(r.out()).contains("MyBf   0x6642794D  literal 'fByM'   (read 'fByM' as C character literal)")
                .doesNotContain("''fByM''");
        CliRun hex = CliRun.of("lookup", "0x6642794D", "--no-localtag", "--tagfile", "../shared/data/pooltag/pooltag-2023.txt");
        assertThat(hex.out()).contains("(read '0x6642794D' as ");
    }
}
