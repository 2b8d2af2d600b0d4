package dev.pooltags.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pooltags.source.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 and issue 20 item 1: {@code -o} writes completely or not at all, and never replaces what is not a file. */
class OutputFileTest {
    @TempDir
    Path tmp;

    private static void write(Path p, String text) {
        OutputFile.of(p).write(new PrintWriter(new StringWriter()), w -> w.print(text));
    }

    /** Every file in the folder, hidden temporary files included. */
    private List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewFileAppearsWholeAndNoTemporaryFileIsLeft() throws IOException {
        Path f = tmp.resolve("out.txt");
        write(f, "hello\n");
        assertThat(Files.readString(f)).isEqualTo("hello\n");
        assertThat(files(tmp)).containsExactly("out.txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
    }

    @Test
    void aFailureWhileWritingLeavesTheOldFileAsItWas() throws IOException {
        Path f = tmp.resolve("out.txt");
        Files.writeString(f, "old\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        assertThatThrownBy(() -> OutputFile.of(f).write(new PrintWriter(new StringWriter()), w -> {
            w.println("half of a report");
            w.flush();
            throw new IllegalStateException("bad input found while rendering");
        })).hasMessage("bad input found while rendering");
        assertThat(Files.readString(f)).isEqualTo("old\n");
        assertThat(files(tmp)).containsExactly("out.txt");
        write(f, "new\n");
        assertThat(Files.readString(f)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-rw----");
    }

    @Test
    void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
        Path real = tmp.resolve("real.txt");
        Files.writeString(real, "old");
        Path link = tmp.resolve("link.txt");
        Files.createSymbolicLink(link, Path.of("real.txt"));
        write(link, "through the link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("through the link");
        // a link to a link, and a dangling link: its target is created
        Path link2 = tmp.resolve("link2.txt");
        Files.createSymbolicLink(link2, link);
        write(link2, "two links");
        assertThat(Files.readString(real)).isEqualTo("two links");
        Path dangling = tmp.resolve("dangling.txt");
        Files.createSymbolicLink(dangling, tmp.resolve("sub-target.txt"));
        write(dangling, "created");
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(Files.readString(tmp.resolve("sub-target.txt"))).isEqualTo("created");
    }

    @Test
    void aSymbolicLinkLoopIsAnError() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThatThrownBy(() -> OutputFile.of(a)).isInstanceOf(InputException.class)
                .hasMessageEndingWith("a: cannot write: more than 40 symbolic links (a loop?)");
    }

    @Test
    void aFifoIsWrittenIntoNotReplaced() throws Exception {
        Path fifo = tmp.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(OutputFile.of(fifo).kind()).isEqualTo(OutputFile.Kind.SPECIAL);
        write(fifo, "through the fifo\n");
        assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("through the fifo\n");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(files(tmp)).containsExactly("pipe");
    }

    @Test
    void devicesAreWrittenIntoNotReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull));
        assertThat(OutputFile.of(devNull).kind()).isEqualTo(OutputFile.Kind.SPECIAL);
        write(devNull, "gone");
        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat(Files.readAttributes(devNull, "unix:mode").get("mode")).isNotNull();
        // a link to a device: the device, not a file in its place
        Path link = tmp.resolve("null-link");
        Files.createSymbolicLink(link, devNull);
        write(link, "gone too");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(devNull)).isFalse();
        // /dev/full: the device's own error, and /dev/full stays a device
        Path full = Path.of("/dev/full");
        if (Files.exists(full)) {
            assertThatThrownBy(() -> write(full, "x".repeat(100_000))).isInstanceOf(InputException.class)
                    .hasMessage("/dev/full: cannot write: No space left on device");
            assertThat(Files.isRegularFile(full)).isFalse();
        }
    }

    @Test
    void dashIsStandardOutput() {
        StringWriter sw = new StringWriter();
        OutputFile o = OutputFile.of(Path.of("-"));
        assertThat(o.kind()).isEqualTo(OutputFile.Kind.STDOUT);
        o.write(new PrintWriter(sw), w -> w.print("to stdout"));
        assertThat(sw.toString()).isEqualTo("to stdout");
        assertThat(OutputFile.of(null).kind()).isEqualTo(OutputFile.Kind.STDOUT);
        assertThatThrownBy(() -> OutputFile.of(Path.of("-")).writeFile(p -> { }))
                .hasMessage("standard output: cannot write this format there: it is written to a regular file (give -o FILE)");
    }

    @Test
    void foldersAndMissingFoldersAreErrorsBeforeAnyWork() throws IOException {
        assertThatThrownBy(() -> OutputFile.of(tmp)).isInstanceOf(InputException.class)
                .hasMessage(tmp + ": cannot write: is a folder");
        Path missing = tmp.resolve("no/such/dir/out.txt");
        assertThatThrownBy(() -> OutputFile.of(missing))
                .hasMessage(missing + ": cannot write: the folder " + tmp.resolve("no/such/dir") + " does not exist");
    }

    @Test
    void aFullDiskLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp, 64)) {
            Path f = disk.dir().resolve("report.txt");
            Files.writeString(f, "the old report\n");
            disk.fill();
            assertThatThrownBy(() -> write(f, "a new report that does not fit\n".repeat(10_000)))
                    .isInstanceOf(InputException.class).hasMessage(f + ": cannot write: No space left on device");
            assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("the old report\n");
            assertThat(files(disk.dir())).containsExactly("filler", "filler2", "report.txt");
        }
    }

    @Test
    void anUnwritableFolderIsOneClearError() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp, 64)) {
            Path f = disk.dir().resolve("report.txt");
            Files.writeString(f, "the old report\n");
            disk.readOnly();
            assertThatThrownBy(() -> write(f, "new")).isInstanceOf(InputException.class)
                    .hasMessage(f + ": cannot write: read-only file system");
            assertThat(Files.readString(f)).isEqualTo("the old report\n");
        }
    }
}
