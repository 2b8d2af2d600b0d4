package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one clear line on stderr naming what and where, the documented exit code, no stack trace. */
class LookupCommandBadInputTest {
    private static void assertOneLine(CommandLineRun r, int exit, String... fragments) {
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err()).startsWith("pooltags: ").doesNotContain("Exception").doesNotContain("\tat ");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    @Test
    void missingFile() {
        CommandLineRun r = CommandLineRun.childJvm("lookup", "--tagfile", "/nonexistent/pooltag.txt", "Ntfx");
        assertOneLine(r, 3, "/nonexistent/pooltag.txt", "no such file");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void binaryFile(@TempDir Path dir) throws Exception {
        Path bin = dir.resolve("driver.sys");
        Files.write(bin, new byte[] {'M', 'Z', 0, 0, 3, 0, 0, 0});
        assertOneLine(CommandLineRun.inProcess("lookup", "--tagfile", bin.toString(), "Ntfx"), 3, "driver.sys", "is a PE image (a driver or program), not a tag file", "read it with pooltags scan");
    }

    @Test
    void anEmptyTagFileIsSaidToBeEmpty(@TempDir Path dir) throws Exception {
        // issue 15: 'lookup --tagfile EMPTY Proc' answered "no entry" without saying the file is empty
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        CommandLineRun r = CommandLineRun.inProcess("lookup", "--tagfile", empty.toString(), "--no-localtag", "Ntfx");
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT.code());
        assertThat(r.err()).isEqualTo("pooltags: " + empty + ": is empty: expected a tag file (lines like 'Ntfx - ntfs.sys - description')\n");
        CommandLineRun check = CommandLineRun.inProcess("lookup", "--check", empty.toString());
        assertThat(check.exit()).isEqualTo(ExitCode.INPUT.code());
        assertThat(check.err()).contains("empty.txt: is empty");
    }

    @Test
    void folderInsteadOfFile(@TempDir Path dir) {
        assertOneLine(CommandLineRun.inProcess("lookup", "--tagfile", dir.toString(), "Ntfx"), 3, "is a folder");
    }

    @Test
    void fiveCharacterTag() {
        assertOneLine(CommandLineRun.inProcess("lookup", "--tagfile", "../shared/data/pooltag/pooltag-2023.txt", "Ntfxx"), 2,
                "'Ntfxx' has 5 characters");
    }

    @Test
    void emptyTag() {
        assertOneLine(CommandLineRun.inProcess("lookup", "--tagfile", "../shared/data/pooltag/pooltag-2023.txt", ""), 2, "empty tag");
    }

    @Test
    void aBadTagIsAUsageErrorEvenWithoutATagFile() {
        assertOneLine(CommandLineRun.inProcess("lookup", "--tagfile", "/nonexistent", "Ntfxx"), 2, "5 characters");
    }

    @Test
    void noTagsAndUnknownOptions() {
        assertOneLine(CommandLineRun.inProcess("lookup"), 2, "name at least one TAG");
        assertOneLine(CommandLineRun.inProcess("lookup", "--frobnicate"), 2, "--frobnicate");
        assertOneLine(CommandLineRun.inProcess("lookup", "Ntfx", "--format", "xml"), 2, "xml");
        assertOneLine(CommandLineRun.inProcess("lookup", "--check", "a", "--binary", "b"), 2, "mutually exclusive");
    }

    @Test
    void debugAddsTheStackTrace() {
        CommandLineRun r = CommandLineRun.inProcess("lookup", "--debug", "--tagfile", "/nonexistent/x.txt", "Ntfx");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("InputException").contains("\tat ");
    }

    @Test
    void noTagFileAnywhereSaysWhereItComesFrom(@TempDir Path home) {
        // a child JVM with an empty environment-like setup: no POOLTAGS_TAGFILE and a home without config
        CommandLineRun r = CommandLineRun.inProcess("lookup", "--no-localtag", "--tagfile", home.resolve("none.txt").toString(), "Ntfx");
        assertOneLine(r, 3, "none.txt");
    }
}
