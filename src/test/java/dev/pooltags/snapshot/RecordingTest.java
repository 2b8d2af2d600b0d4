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

    @Test
    void damageInsideTheFileIsAnErrorNotAMisread(@TempDir Path dir) throws Exception {
        List<Snapshot> s = series(5, 20, 2);
        Path f = dir.resolve("d.rec");
        long[] ends = record(f, s);
        byte[] bytes = Files.readAllBytes(f);
        bytes[(int) ends[1] + 7] ^= 0x40; // inside the third sample's frame
        Files.write(f, bytes);
        assertThatThrownBy(() -> RecordingReader.readAll(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("at byte " + ends[1]).hasMessageContaining("checksum");
        // and a recorder refuses to append to it
        assertThatThrownBy(() -> RecordingWriter.open(f, false)).hasMessageContaining("not appending");
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
