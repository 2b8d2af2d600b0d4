package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.source.InputException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 3: files of 2 GiB and more ended in OutOfMemoryError, a stack trace and exit 1; a 1 GiB sparse tag
 * file took 2.2 GB of memory to refuse; a 200 MB line was printed whole. Every whole-file read has a limit that
 * says what it is, checked against the file's size before a byte is read (these sparse files cost no disk and no
 * memory), and a long line is shown cut.
 */
class LargeInputTest {
    static Path sparse(Path dir, String name, long size) throws Exception {
        Path f = dir.resolve(name);
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(size);
        }
        return f;
    }

    @Test
    void filesOf2GiBAndMoreAreOneWordedRefusalEverywhere(@TempDir Path dir) throws Exception {
        Path big = sparse(dir, "huge.txt", (2L << 30) + 4096);
        Path gig = sparse(dir, "sparse.txt", 1L << 30);
        CliRun lookup = CliRun.of("lookup", "Ntfx", "--no-localtag", "--tagfile", big.toString());
        assertThat(lookup.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(lookup.err().strip()).isEqualTo("pooltags: " + big + ": is 2.0 GiB, more than 64 MiB, the most pooltags reads as"
                + " a tag file (Pooltag.txt is about 0.3 MiB)");
        CliRun sparse = CliRun.of("lookup", "Ntfx", "--no-localtag", "--tagfile", gig.toString());
        assertThat(sparse.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(sparse.err()).contains("is 1.0 GiB, more than 64 MiB");
        Path c = sparse(dir, "huge.c", 2L << 30);
        CliRun lint = CliRun.of("lint", c.toString());
        assertThat(lint.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(lint.err().strip()).endsWith("huge.c: is 2.0 GiB, more than 256 MiB, the most pooltags reads as a C/C++ source file");
        CliRun serve = CliRun.of("serve", "--source", "demo:healthy", "--port", "0", "--web-config", big.toString());
        assertThat(serve.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(serve.err().strip()).endsWith("huge.txt: is 2.0 GiB, more than 1 MiB, the most pooltags reads as a configuration file");
        CliRun snapshot = CliRun.of("convert", big.toString(), "--format", "json");
        assertThat(snapshot.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(snapshot.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void tenMillionEmptyLinesAreNoWebConfiguration(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("web.yml");
        Files.writeString(yml, "\n".repeat(10_000_000));
        CliRun serve = CliRun.of("serve", "--source", "demo:healthy", "--port", "0", "--web-config", yml.toString());
        assertThat(serve.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(serve.err()).contains("is 10 MiB, more than 1 MiB, the most pooltags reads as a configuration file");
    }

    @Test
    void aHugeLineIsIrregularAndShownCut(@TempDir Path dir) throws Exception {
        Path tags = dir.resolve("tags.txt");
        Files.writeString(tags, "Ab01 - big.sys - fine\r\nAb02 - big.sys - " + "y".repeat(30_000_000) + "\r\n", StandardCharsets.ISO_8859_1);
        CliRun check = CliRun.of("lookup", "--check", tags.toString());
        assertThat(check.code()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(check.out().length()).isLessThan(2000);
        assertThat(check.out()).contains(":2: the line has 30000017 characters, more than the 4096 an entry may have: not an entry")
                .contains("... (29999817 more characters)");
        CliRun lookup = CliRun.of("lookup", "Ab01", "Ab02", "--no-localtag", "--tagfile", tags.toString());
        assertThat(lookup.out().length()).isLessThan(3000);
        assertThat(lookup.out()).contains("big.sys  fine");
    }

    @Test
    void aMessageQuotingAHugeValueIsCut() {
        InputException e = new InputException("f.txt", 3, "not a row: '" + "z".repeat(1_000_000) + "'");
        assertThat(e.getMessage().length()).isLessThan(4200);
        assertThat(e.getMessage()).endsWith("... (996013 more characters)");
    }
}
