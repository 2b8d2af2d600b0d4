package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.RecordingReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 2 through the command line: one flipped bit in a recording is damage, reported with its offset,
 * with everything that can be trusted still read, exit status 3, and never cut off by an append. And issue 20
 * item 1 for {@code record -o}: links are followed, fifos and devices are streamed into, never replaced.
 */
class RecordingDamageCommandTest {
    @TempDir
    static Path dir;
    static Path clean;
    static int samples;

    @BeforeAll
    static void record() {
        CliRun demo = CliRun.of("demo", "leak-fast", "--duration", "4m", "--interval", "1s", "--record", dir.resolve("d").toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        clean = dir.resolve("clean.rec");
        CliRun r = CliRun.of("record", "--source", "replay:" + dir.resolve("d/snapshots.jsonl"), "-o", clean.toString());
        assertThat(r.code()).as(r.err()).isZero();
        samples = RecordingReader.readAll(clean).samples().size();
        assertThat(samples).isGreaterThan(200);
    }

    /** Frame starts, from the length fields. */
    static List<Integer> frames(byte[] b) {
        List<Integer> out = new ArrayList<>();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 8; at < b.length; at += 9 + bb.getInt(at)) {
            out.add(at);
        }
        return out;
    }

    @Test
    void aFlippedLengthByteIsDamageNotATornTailAndAppendRefuses() throws Exception {
        byte[] b = Files.readAllBytes(clean);
        int at = frames(b).get(frames(b).size() / 3);
        b[at + 1] ^= 0x20; // the frame length's second byte, as in the issue
        Path f = dir.resolve("flipped.rec");
        Files.write(f, b);

        CliRun leaks = CliRun.of("leaks", f.toString(), "--no-localtag");
        assertThat(leaks.code()).as(leaks.err()).isEqualTo(ExitCode.INPUT.code());
        assertThat(leaks.err()).contains("pooltags: " + f + ": at byte " + at + ": ")
                .contains("only the length field was damaged").doesNotContain("torn tail");
        assertThat(leaks.out()).contains(samples + " samples from"); // every sample was read

        CliRun append = CliRun.of("record", "--source", "replay:" + dir.resolve("d/snapshots.jsonl"), "-o", f.toString());
        assertThat(append.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(append.err().strip()).startsWith("pooltags: " + f + ": not appending: at byte " + at)
                .contains("'pooltags convert " + f + " --format rec -o NEW.rec'").doesNotContain("\n");
        assertThat(Files.readAllBytes(f)).isEqualTo(b); // never truncated

        Path repaired = dir.resolve("repaired.rec");
        CliRun convert = CliRun.of("convert", f.toString(), "--format", "rec", "-o", repaired.toString());
        assertThat(convert.code()).isEqualTo(ExitCode.INPUT.code()); // the input was damaged ...
        RecordingReader.Contents c = RecordingReader.readAll(repaired); // ... and what it holds is now clean
        assertThat(c.damage()).isEmpty();
        assertThat(c.samples()).isEqualTo(RecordingReader.readAll(clean).samples());
        assertThat(CliRun.of("record", "--source", "replay:" + dir.resolve("d/snapshots.jsonl"), "-o", repaired.toString()).code())
                .isZero();
    }

    @Test
    void aFlippedPayloadBitSkipsToTheNextCheckpointAndSaysHowMany() throws Exception {
        byte[] b = Files.readAllBytes(clean);
        int at = frames(b).get(10);
        b[at + 9] ^= 0x01;
        Path f = dir.resolve("payload.rec");
        Files.write(f, b);
        CliRun snap = CliRun.of("snapshot", "--source", "replay:" + f, "--sample", "last", "--no-localtag", "--format", "csv");
        assertThat(snap.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(snap.err().strip()).startsWith("pooltags: " + f + ": at byte " + at + ": damaged frame (checksum mismatch); skipped ")
                .doesNotContain("\n");
        assertThat(snap.out()).isNotEmpty();
    }

    @Test
    void recordFollowsLinksAndStreamsIntoFifosAndDevices() throws Exception {
        String source = "replay:" + dir.resolve("d/snapshots.jsonl");
        Path real = dir.resolve("real.rec");
        Path link = dir.resolve("link.rec");
        Files.createSymbolicLink(link, real);
        assertThat(CliRun.of("record", "--source", source, "-o", link.toString()).code()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(RecordingReader.readAll(real).samples()).hasSize(samples);

        assertThat(CliRun.of("record", "--source", source, "-o", "/dev/null").code()).isZero();
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();

        Path fifo = dir.resolve("rec.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0).isTrue();
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(CliRun.of("record", "--source", source, "-o", fifo.toString()).code()).isZero();
        byte[] streamed = reader.get(30, TimeUnit.SECONDS);
        Path copy = dir.resolve("from-fifo.rec");
        Files.write(copy, streamed);
        assertThat(RecordingReader.readAll(copy).samples()).hasSize(samples);
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
