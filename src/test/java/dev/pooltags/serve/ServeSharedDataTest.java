package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotSources;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagEntry;
import dev.pooltags.tagdb.TagFileReader;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Windows 10 pool snapshot (PoolMonX's CSV of 3,050 rows, ../shared/data) with Microsoft's Pooltag.txt for
 * owners, every row exported: the exposition of real tag names and owner strings passes promtool.
 */
class ServeSharedDataTest {
    private static final Path DATA = Path.of("../shared/data");

    static Snapshot realSnapshot() throws Exception {
        List<TagCounters> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder()
                .ofNamedCsvRecord(DATA.resolve("snapshots/poolmonx-win10-2018.csv"))) {
            for (NamedCsvRecord r : csv) {
                PoolType type = r.getField("PoolType").startsWith("Non") ? PoolType.NONPAGED : PoolType.PAGED;
                rows.add(TagCounters.of(PoolTag.parse(r.getField("Tag")), type, Long.parseLong(r.getField("Allocs")),
                        Long.parseLong(r.getField("Frees")), Long.parseLong(r.getField("Bytes"))));
            }
        }
        return new Snapshot(Instant.parse("2018-05-19T00:00:00Z"), "win10", "poolmonx-win10-2018.csv", rows);
    }

    @Test
    void realSnapshotExportsEveryTagAndPromtoolAcceptsIt(@TempDir Path tmp) throws Exception {
        Snapshot s = realSnapshot();
        assertThat(s.rows()).hasSize(3050);
        TagDatabase owners = TagDatabase.of(List.of(TagFileReader.read(DATA.resolve("pooltag/pooltag-2023.txt"), 0)));
        PrometheusRegistry registry = new PrometheusRegistry();
        PoolSampler sampler = new PoolSampler(SnapshotSources.replay("replay:real", List.of(s)), tag -> {
            TagEntry e = owners.owner(tag);
            return e == null ? null : e.binary();
        }, CardinalityLimit.all(), VerdictProvider.NONE, new History(10), registry, () -> 0L, Clock.systemUTC(),
                line -> {});
        assertThat(sampler.sample()).isTrue();
        int rows = sampler.view().rows().size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExpositionFormats.init(PrometheusProperties.builder().build()).getPrometheusTextFormatWriter()
                .write(out, registry.scrape());
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().filter(l -> l.startsWith("pooltags_tag_bytes{"))).hasSize(rows);
        assertThat(text).contains("pooltags_tag_bytes{owner=\"nt!etw\",pool=\"Nonp\",tag=\"EtwB\"} 2.55062048E8");
        // the pool total is the sum of every real row
        long nonpaged = s.totalBytes(PoolType.NONPAGED);
        assertThat(text).contains("pooltags_pool_bytes{pool=\"Nonp\"} " + (double) nonpaged);

        Path promtool = Tools.require("promtool");
        Tools.Result r = Tools.run(tmp, text.getBytes(StandardCharsets.UTF_8), List.of(promtool.toString(), "check",
                "metrics"));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).isEmpty();
    }
}
