package dev.pooltags.serve;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotJsonLines;
import dev.pooltags.snapshot.SnapshotSources;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagEntry;
import dev.pooltags.tagdb.TagFileReader;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Series and samplers the serve tests share. */
final class ServeFixtures {
    private ServeFixtures() {}

    static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    /** Owners as a local tag file would give them. */
    static final TagDatabase OWNERS = TagDatabase.of(List.of(TagFileReader.parse("localtag.txt", String.join("\n",
            "MyBf - mydriver.sys - My driver's buffers",
            "Leak - leakydrv.sys - the leaking driver",
            "Ntfx - ntfs.sys     - General Allocation",
            "Io   - nt!io        - general IO allocations",
            "Cach - cachedrv.sys - a cache that fills and stays"), 0)));

    /**
     * A small series that exercises every corner of the exposition: a counter that wraps, a tag with spaces, a
     * protected tag, a slab cache name, an unknown owner, system totals.
     */
    static List<Snapshot> cornerSeries() {
        long mod = TagCounters.COUNTER_MODULUS;
        List<Snapshot> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<TagCounters> rows = List.of(
                    TagCounters.of(PoolTag.parse("MyBf"), PoolType.NONPAGED, (mod - 20 + 16L * i) % mod, mod - 40, 4096 + 1024L * i),
                    TagCounters.of(PoolTag.parse("Ntfx"), PoolType.PAGED, 1_000_000 + i, 999_000 + i, 8_388_608),
                    TagCounters.of(PoolTag.parse("Io"), PoolType.NONPAGED, 50, 40, 10 * 512),
                    TagCounters.of(PoolTag.parse("Ab\\x01c (Protected)"), PoolType.NONPAGED, 3, 1, 96),
                    TagCounters.of(PoolTag.parse("Zzzz"), PoolType.PAGED, 2, 1, 16),
                    TagCounters.named("kmalloc-64", PoolType.NONPAGED, 700, 600, 6400));
            Map<String, Long> totals = new TreeMap<>(Map.of("memory.total", 8L << 30, "pool.nonpaged", 123_456_789L));
            out.add(new Snapshot(T0.plusSeconds(5L * i), "host1", "replay:corner.jsonl", rows, totals));
        }
        return out;
    }

    /** A sampler over a series, with owners from {@link #OWNERS}, a fixed clock and a zero sampling time. */
    static PoolSampler sampler(List<Snapshot> series, CardinalityLimit limit, VerdictProvider verdicts,
            PrometheusRegistry registry) {
        return new PoolSampler(SnapshotSources.replay("replay:test", series), tag -> {
            TagEntry e = OWNERS.owner(tag);
            return e == null ? null : e.binary();
        }, limit, verdicts, new History(60), registry, () -> 0L, Clock.fixed(T0, ZoneOffset.UTC), line -> {});
    }

    static Path writeReplay(Path file, List<Snapshot> series) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Snapshot s : series) {
                SnapshotJsonLines.write(w, s);
            }
        }
        return file;
    }
}
