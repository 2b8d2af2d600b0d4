package dev.pooltags.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingTest {
    static List<Snapshot> series(int n, int tags, long seed) {
        Random r = new Random(seed);
        List<TagCounters> rows = new ArrayList<>();
        for (int i = 0; i < tags; i++) {
            rows.add(TagCounters.of(PoolTag.ofValue(0x41414141 + i), i % 2 == 0 ? PoolType.PAGED : PoolType.NONPAGED, r.nextInt(1000), 0,
                    r.nextInt(100000)));
        }
        Snapshot first = new Snapshot(Instant.parse("2026-01-01T00:00:00Z"), "host", "test", rows, java.util.Map.of("memory.total", 1L << 30));
        return SnapshotArbitraries.evolve(first, n, r);
    }

    /** Writes the series and returns the file size after each frame-complete sample. */
    static long[] record(Path f, List<Snapshot> s) {
        long[] ends = new long[s.size()];
        try (RecordingWriter w = RecordingWriter.open(f, false)) {
            for (int i = 0; i < s.size(); i++) {
                w.write(s.get(i));
                ends[i] = w.size();
            }
        }
        return ends;
    }

    @Test
    void everyCutKeepsEveryCompleteSampleAndReportsTheTornTail(@TempDir Path dir) throws Exception {
        List<Snapshot> s = series(6, 30, 1);
        Path full = dir.resolve("full.rec");
        long[] ends = record(full, s);
        byte[] bytes = Files.readAllBytes(full);
        assertThat(bytes.length).isEqualTo((int) ends[ends.length - 1]);
        Path cut = dir.resolve("cut.rec");
        for (int len = 1; len < bytes.length; len++) {
            Files.write(cut, Arrays.copyOf(bytes, len));
            int complete = 0;
            while (complete < ends.length && ends[complete] <= len) {
                complete++;
            }
            RecordingReader.Contents c = RecordingReader.readAll(cut);
            assertThat(c.samples()).as("cut at %d", len).isEqualTo(s.subList(0, complete));
            boolean atBoundary = frameEnds(bytes).contains((long) len);
            assertThat(c.tornTail().isPresent()).as("torn at %d", len).isEqualTo(!atBoundary);
        }
    }

    /** Where each frame (session or sample) ends, walking the length fields: the clean places to stop. */
    private static java.util.Set<Long> frameEnds(byte[] b) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        long at = RecordingFrames.MAGIC.length;
        out.add(at);
        while (at < b.length) {
            at += RecordingFrames.OVERHEAD + RecordingFrames.getIntLE(b, (int) at);
            out.add(at);
        }
        return out;
    }

    /** Where each frame starts, walking the length fields. */
    private static List<Long> frameStarts(byte[] b) {
        List<Long> out = new ArrayList<>();
        long at = RecordingFrames.MAGIC.length;
        while (at < b.length) {
            out.add(at);
            at += RecordingFrames.OVERHEAD + RecordingFrames.getIntLE(b, (int) at);
        }
        return out;
    }

    @Test
    void damageInsideTheFileIsReportedNotMisreadAndNotATornTail(@TempDir Path dir) throws Exception {
        List<Snapshot> s = series(5, 20, 2);
        Path f = dir.resolve("d.rec");
        long[] ends = record(f, s);
        byte[] bytes = Files.readAllBytes(f);
        bytes[(int) ends[1] + 7] ^= 0x40; // inside the third sample's frame
        Files.write(f, bytes);
        RecordingReader.Contents c = RecordingReader.readAll(f);
        assertThat(c.tornTail()).isEmpty();
        assertThat(c.samples()).isEqualTo(s.subList(0, 2)); // the rest depends on the damaged frame: skipped
        assertThat(c.damage()).hasSize(1);
        assertThat(c.damage().get(0).describe("d.rec")).isEqualTo("d.rec: at byte " + ends[1]
                + ": damaged frame (checksum mismatch); skipped the 2 samples after it (each stores only what changed since"
                + " the one before): no session frame followed");
        // and a recorder refuses to append to it, and leaves it as it is
        assertThatThrownBy(() -> RecordingWriter.open(f, false)).isInstanceOf(InputException.class)
                .hasMessageContaining("not appending: at byte " + ends[1])
                .hasMessageContaining("the file is left as it is. Copy what can be read into a new recording with 'pooltags convert");
        assertThat(Files.readAllBytes(f)).isEqualTo(bytes);
    }

    /**
     * Issue 20 item 2: a flipped bit in a frame's length byte was read as a torn tail ("the recorder was
     * interrupted"), and the next append cut off every sample after it. The length is the only thing wrong, and the
     * frame's checksum proves it: every sample is read, the damage is named with its offset, and append refuses.
     */
    @Test
    void aFlippedBitInALengthFieldLosesNoSample(@TempDir Path dir) throws Exception {
        List<Snapshot> s = series(200, 40, 5);
        Path f = dir.resolve("l.rec");
        record(f, s);
        byte[] clean = Files.readAllBytes(f);
        List<Long> starts = frameStarts(clean);
        long target = starts.get(starts.size() / 2);
        for (int lengthByte = 0; lengthByte < 4; lengthByte++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] b = clean.clone();
                b[(int) target + lengthByte] ^= (byte) (1 << bit);
                Files.write(f, b);
                RecordingReader.Contents c = RecordingReader.readAll(f);
                String at = "byte " + lengthByte + " bit " + bit;
                assertThat(c.tornTail()).as(at).isEmpty();
                assertThat(c.samples()).as(at).isEqualTo(s);
                assertThat(c.damage()).as(at).hasSize(1);
                assertThat(c.damage().get(0).offset()).as(at).isEqualTo(target);
                assertThat(c.damage().get(0).what()).as(at).contains("only the length field was damaged");
            }
        }
        // the last frame too: its length may now run past the end of the file, which is not a torn tail
        long last = starts.get(starts.size() - 1);
        byte[] b = clean.clone();
        b[(int) last + 1] ^= 0x10;
        Files.write(f, b);
        RecordingReader.Contents c = RecordingReader.readAll(f);
        assertThat(c.tornTail()).isEmpty();
        assertThat(c.samples()).isEqualTo(s);
        assertThat(c.damage()).singleElement().extracting(RecordingReader.Damage::offset).isEqualTo(last);
    }

    /** A flipped bit in a payload costs the samples up to the next checkpoint session, never more, never a misread. */
    @Test
    void aFlippedBitInAPayloadSkipsOnlyToTheNextCheckpoint(@TempDir Path dir) throws Exception {
        int n = RecordingWriter.CHECKPOINT * 2 + 100;
        List<Snapshot> s = series(n, 10, 6).stream() // one host: sessions only at the checkpoints
                .map(x -> new Snapshot(x.time(), "host", x.source(), x.rows(), x.totals())).toList();
        Path f = dir.resolve("p.rec");
        long[] ends = record(f, s);
        byte[] b = Files.readAllBytes(f);
        int damagedSample = 100;
        b[(int) ends[damagedSample - 1] + 12] ^= 0x04; // inside sample 100's payload
        Files.write(f, b);
        RecordingReader.Contents c = RecordingReader.readAll(f);
        List<Snapshot> expected = new ArrayList<>(s.subList(0, damagedSample));
        expected.addAll(s.subList(RecordingWriter.CHECKPOINT, n));
        assertThat(c.samples()).isEqualTo(expected);
        assertThat(c.tornTail()).isEmpty();
        assertThat(c.damage()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(ends[damagedSample - 1]);
            assertThat(d.what()).isEqualTo("damaged frame (checksum mismatch); skipped " + (RecordingWriter.CHECKPOINT - damagedSample - 1)
                    + " samples after it (each stores only what changed since the one before) up to the next session frame at byte "
                    + ends[RecordingWriter.CHECKPOINT - 1]);
        });
    }

    private static boolean isSubsequence(List<Snapshot> part, List<Snapshot> whole) {
        int i = 0;
        for (Snapshot x : whole) {
            if (i < part.size() && part.get(i).equals(x)) {
                i++;
            }
        }
        return i == part.size();
    }

    /** Every single flipped bit after the magic: detected as damage (never a torn tail), nothing misread. */
    @Test
    void everyFlippedBitIsDamageAndNothingIsMisread(@TempDir Path dir) throws Exception {
        List<Snapshot> s = series(6, 4, 7);
        Path f = dir.resolve("e.rec");
        record(f, s);
        byte[] clean = Files.readAllBytes(f);
        for (int at = RecordingFrames.MAGIC.length; at < clean.length; at++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] b = clean.clone();
                b[at] ^= (byte) (1 << bit);
                Files.write(f, b);
                RecordingReader.Contents c = RecordingReader.readAll(f);
                String where = "byte " + at + " bit " + bit;
                assertThat(c.tornTail()).as(where).isEmpty();
                assertThat(c.damage()).as(where).isNotEmpty();
                // what is returned are original samples, in order: damage only ever skips some
                assertThat(isSubsequence(c.samples(), s)).as(where).isTrue();
            }
        }
    }

    @Test
    void appendsAfterATornTail(@TempDir Path dir) throws Exception {
        List<Snapshot> s = series(8, 25, 3);
        Path f = dir.resolve("a.rec");
        long[] ends = record(f, s.subList(0, 4));
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, (int) ends[3] - 5)); // the fourth sample is torn
        try (RecordingWriter w = RecordingWriter.open(f, false)) {
            assertThat(w.openingNote()).contains("appending").contains("3 samples").contains("torn tail");
            for (Snapshot x : s.subList(4, 8)) {
                w.write(x);
            }
        }
        RecordingReader.Contents c = RecordingReader.readAll(f);
        assertThat(c.tornTail()).isEmpty();
        List<Snapshot> expected = new ArrayList<>(s.subList(0, 3));
        expected.addAll(s.subList(4, 8));
        assertThat(c.samples()).isEqualTo(expected);
    }

    @Test
    void oneRecorderPerFileAndForeignFilesAreRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("l.rec");
        try (RecordingWriter w = RecordingWriter.open(f, false)) {
            assertThatThrownBy(() -> RecordingWriter.open(f, false)).hasMessageContaining("another process");
        }
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> RecordingWriter.open(text, false)).hasMessageContaining("not a pooltags recording");
        assertThat(Files.readString(text)).isEqualTo("hello");
    }

    @Test
    void storesOnlyWhatChanged(@TempDir Path dir) {
        List<Snapshot> s = series(2, 3000, 4);
        Snapshot a = s.get(0);
        List<TagCounters> rows = new ArrayList<>(a.rows());
        rows.set(10, new TagCounters(rows.get(10).tag(), null, rows.get(10).type(), rows.get(10).allocs() + 1, 0, rows.get(10).bytes() + 64));
        Snapshot b = new Snapshot(a.time().plusSeconds(1), a.host(), a.source(), rows, a.totals());
        long[] ends = record(dir.resolve("s.rec"), List.of(a, b));
        assertThat(ends[1] - ends[0]).isLessThan(32); // one changed row: a few bytes, not 3,000 rows
    }
}
