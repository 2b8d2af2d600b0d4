package dev.pooltags.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.source.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Damaged and random input: every reader either reads it or says what and where, with an InputException only. */
class ReaderFuzzTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    /** Lines made of the pieces real outputs are made of, shuffled and cut. */
    @Provide
    Arbitrary<String> toolText() {
        Arbitrary<String> piece = Arbitraries.of(" Tag  Type     Allocs            Frees            Diff   Bytes       Per Alloc",
                " Tag    Allocs     Used    Allocs     Used", " Wait Nonp    3971107 (   0)   3971077 (   0)       30    8456 (     0)    281",
                " amda   5768754   1938325232         32         9360\tUNKNOWN pooltag 'amda'", " 1394        1      520         0        0UNKNOWN",
                "Tag,PoolType,Allocs,Frees,Diff,Bytes,KB,PerAlloc,SourceName,SourceDescription", "PdcC,Paged,900,853,47,3760,4 KB,80,pdc.sys,X",
                "time,host,source,kind,key,type,allocs,frees,diff,bytes,per_alloc", "2026-01-01T00:00:00Z,h,s,sample,,,,,,,",
                "2026-01-01T00:00:00Z,h,s,tag,MyBf,Paged,1,0,1,5,5", "slabinfo - version: 2.1",
                "dentry  25349  25662    192   21    1 : tunables    0    0    0 : slabdata   1222   1222      0",
                " Memory:  260620K Avail:   96364K", "Commit:1535208K Limit:4193392K Peak:2779016K Pool N:43452K P:187796K",
                "{\"time\":\"2026-01-01T00:00:00Z\",\"rows\":[{\"tag\":\"MyBf\",\"type\":\"Nonp\",\"allocs\":1,\"frees\":0,\"bytes\":5}]}",
                "...", "", "NonPaged            Paged", "\"Cs@\"\"\",Non Paged,7,0,7,896,1 KB,128,,", "( -184)", "99999999999999999999999");
        Arbitrary<String> mutated = piece.flatMap(p -> Arbitraries.integers().between(0, Math.max(0, p.length()))
                .map(cut -> p.substring(0, cut) + (cut % 3 == 0 ? "\u00ff" : "")));
        return Arbitraries.oneOf(piece, mutated).list().ofMaxSize(12).map(l -> String.join("\n", l));
    }

    @Property(tries = 1500)
    void textReadersFailOnlyWithInputException(@ForAll("toolText") String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        SnapshotFormat f;
        try {
            f = SnapshotFormat.detect(Path.of("fuzz.txt"), b);
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("fuzz.txt");
            return;
        }
        try {
            List<Snapshot> s = f.readText("fuzz.txt", b, T);
            assertThat(s).isNotNull();
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("fuzz.txt");
        }
    }

    @Provide
    Arbitrary<byte[]> recordingBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Property(tries = 500)
    void recordingReaderFailsOnlyWithInputException(@ForAll("recordingBytes") byte[] tail) throws Exception {
        // a valid start (magic, session, one sample), then random bytes
        Path f = Files.createTempFile("fuzz", ".rec");
        Files.delete(f);
        try {
            try (RecordingWriter w = RecordingWriter.open(f, false)) {
                w.write(RecordingTest.series(1, 5, 9).get(0));
            }
            Files.write(f, tail, java.nio.file.StandardOpenOption.APPEND);
            try {
                RecordingReader.Contents c = RecordingReader.readAll(f);
                assertThat(c.samples()).isNotEmpty();
            } catch (InputException e) {
                assertThat(e.getMessage()).startsWith(f.toString());
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
