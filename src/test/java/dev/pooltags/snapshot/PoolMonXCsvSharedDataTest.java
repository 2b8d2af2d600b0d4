package dev.pooltags.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.cli.Main;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolMonXCsvSharedDataTest {
    static final Path FILE = SharedSamples.DATA.resolve("snapshots/poolmonx-win10-2018.csv");

    /** The first eight columns of every data line, sorted: what the model keeps. */
    static List<String> numbers(String csv) {
        return Arrays.stream(csv.split("\r?\n")).skip(1).filter(l -> !l.isEmpty())
                .map(l -> l.replaceAll("^(\"(?:[^\"]|\"\")*\"|[^,]*)((?:,[^,]*){7}).*$", "$1$2")).sorted().collect(Collectors.toList());
    }

    @Test
    void readsEveryRowOfTheRealFile() {
        List<Snapshot> l = SnapshotInputs.readSeries(List.of(FILE));
        assertThat(l).hasSize(1);
        Snapshot s = l.get(0);
        assertThat(s.rows()).hasSize(3050);
        TagCounters irp = s.byKey().get(new TagCounters.RowKey(PoolTag.parse("Irp "), null, PoolType.NONPAGED));
        assertThat(irp.allocs()).isEqualTo(10930884);
        assertThat(irp.bytes()).isEqualTo(1488912);
        // "nhi": PoolMonX cut the tag at a NUL byte
        assertThat(s.byKey()).containsKey(new TagCounters.RowKey(PoolTag.ofBytes((byte) 'n', (byte) 'h', (byte) 'i', (byte) 0), null, PoolType.PAGED));
        assertThat(s.byKey()).containsKey(new TagCounters.RowKey(PoolTag.parse("Cs@\""), null, PoolType.NONPAGED));
    }

    @Test
    void writesTheSameNumbersBack() throws Exception {
        Snapshot s = SnapshotInputs.readSeries(List.of(FILE)).get(0);
        StringWriter sw = new StringWriter();
        PoolMonXCsv.write(new PrintWriter(sw), s, null);
        assertThat(numbers(sw.toString())).isEqualTo(numbers(Files.readString(FILE, StandardCharsets.ISO_8859_1)));
    }

    @Test
    void convertToJsonAndBackRoundTrips(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("s.jsonl");
        Path back = dir.resolve("back.csv");
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"convert", FILE.toString(), "--format", "json", "-o", json.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
        assertThat(Files.readAllLines(json)).hasSize(1);
        assertThat(Main.run(new String[] {"convert", json.toString(), "--format", "poolmonx", "-o", back.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
        assertThat(numbers(Files.readString(back, StandardCharsets.ISO_8859_1)))
                .isEqualTo(numbers(Files.readString(FILE, StandardCharsets.ISO_8859_1)));
        assertThat(SnapshotInputs.readSeries(List.of(json)).get(0).rows())
                .isEqualTo(SnapshotInputs.readSeries(List.of(FILE)).get(0).rows());
    }
}
