package dev.pooltags.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** write -> read gives back what each format keeps, for every writable format. */
class FormatRoundTripTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<Snapshot> anySnapshot() {
        return SnapshotArbitraries.snapshot(true);
    }

    @Provide
    Arbitrary<Snapshot> tagSnapshot() {
        return SnapshotArbitraries.snapshot(false);
    }

    @Provide
    Arbitrary<List<Snapshot>> series() {
        return SnapshotArbitraries.series();
    }

    static String write(SnapshotFormat f, List<Snapshot> s) {
        StringWriter sw = new StringWriter();
        f.writeText(new PrintWriter(sw), s, null);
        return sw.toString();
    }

    static List<Snapshot> read(SnapshotFormat f, String text) {
        byte[] b = text.getBytes(f == SnapshotFormat.JSON || f == SnapshotFormat.CSV ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        assertThat(SnapshotFormat.detect(Path.of("x"), b)).isEqualTo(f);
        return f.readText("x", b, T);
    }

    @Property(tries = 200)
    void json(@ForAll("series") List<Snapshot> s) {
        assertThat(read(SnapshotFormat.JSON, write(SnapshotFormat.JSON, s))).isEqualTo(s);
    }

    /**
     * Found by the long fuzz run (seed -4377005445327273198): the memory text {@code '\x9B\xFD'} is in quotes at both
     * ends and came back from CSV as the character literal, bytes reversed; {@code 0x41} came back as a number. The
     * readers of pooltags' own formats read the memory text the writers write.
     */
    @Test
    void tagsWhoseMemoryTextLooksLikeALiteralOrANumberComeBackUnchanged() {
        for (String text : List.of("'\\x9B\\xFD'", "'Ab'", "0x41", "0x1F")) {
            PoolTag tag = PoolTag.ofMemoryText(text);
            List<Snapshot> s = List.of(new Snapshot(T, "", "src",
                    List.of(TagCounters.of(tag, PoolType.PAGED, 3, 1, 64))));
            for (SnapshotFormat f : List.of(SnapshotFormat.CSV, SnapshotFormat.JSON)) {
                assertThat(read(f, write(f, s))).as("%s in %s", text, f).isEqualTo(s);
            }
        }
    }

    @Property(tries = 200)
    void csv(@ForAll("series") List<Snapshot> s) {
        assertThat(read(SnapshotFormat.CSV, write(SnapshotFormat.CSV, s))).isEqualTo(s);
    }

    @Property(tries = 200)
    void poolmonxKeepsRows(@ForAll("tagSnapshot") Snapshot s) {
        List<Snapshot> back = read(SnapshotFormat.POOLMONX, write(SnapshotFormat.POOLMONX, List.of(s)));
        assertThat(back).hasSize(1);
        assertThat(back.get(0).rows()).isEqualTo(s.rows());
    }

    @Property(tries = 200)
    void poolmonKeepsRowsAndTotalsInKiB(@ForAll("tagSnapshot") Snapshot s) {
        Map<String, Long> t = new LinkedHashMap<>();
        for (String k : List.of("memory.total", "memory.available", "pagefaults", "kernel.nonpaged.inram", "kernel.paged.inram",
                "commit", "commit.limit", "commit.peak", "pool.nonpaged", "pool.paged")) {
            t.put(k, k.equals("pagefaults") ? 77 : (long) (k.hashCode() & 0xFFFFF) * 1024);
        }
        Snapshot withTotals = new Snapshot(s.time(), s.host(), s.source(), s.rows(), t);
        Snapshot without = new Snapshot(s.time(), s.host(), s.source(), s.rows());
        List<Snapshot> back = read(SnapshotFormat.POOLMON, write(SnapshotFormat.POOLMON, List.of(withTotals, without)));
        assertThat(back).hasSize(2);
        assertThat(back.get(0).rows()).isEqualTo(s.rows());
        assertThat(back.get(0).totals()).isEqualTo(t);
        assertThat(back.get(1).rows()).isEqualTo(s.rows());
        assertThat(back.get(1).totals()).isEmpty();
    }

    @Property(tries = 200)
    void poolusedKeepsOutstandingAndBytes(@ForAll("tagSnapshot") Snapshot s) {
        List<Snapshot> back = read(SnapshotFormat.POOLUSED, write(SnapshotFormat.POOLUSED, List.of(s)));
        List<TagCounters> expected = new ArrayList<>();
        for (TagCounters r : s.rows()) {
            if (r.outstanding() != 0 || r.bytes() != 0) {
                expected.add(TagCounters.of(r.tag(), r.type(), r.outstanding(), 0, r.bytes()));
            }
        }
        assertThat(back).hasSize(1);
        assertThat(back.get(0).rows()).isEqualTo(new Snapshot(T, "", "", expected).rows());
    }

    @Property(tries = 100)
    void recording(@ForAll("series") List<Snapshot> s) throws Exception {
        Path f = Files.createTempFile("rt", ".rec");
        Files.delete(f);
        try {
            try (RecordingWriter w = RecordingWriter.open(f, false)) {
                for (Snapshot x : s) {
                    w.write(x);
                }
            }
            RecordingReader.Contents c = RecordingReader.readAll(f);
            assertThat(c.tornTail()).isEmpty();
            assertThat(c.samples()).isEqualTo(s);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Property(tries = 50)
    void poolmonxRefusesNamedRows(@ForAll("anySnapshot") Snapshot s) {
        boolean named = s.rows().stream().anyMatch(r -> r.name() != null);
        if (named) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> write(SnapshotFormat.POOLMONX, List.of(s)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named row");
        }
    }

    @Property(tries = 50)
    void poolusedRowsAreNonpagedOrPaged(@ForAll("tagSnapshot") Snapshot s) {
        for (Snapshot b : read(SnapshotFormat.POOLUSED, write(SnapshotFormat.POOLUSED, List.of(s)))) {
            assertThat(b.rows()).allMatch(r -> r.type() == PoolType.PAGED || r.type() == PoolType.NONPAGED);
        }
    }
}
