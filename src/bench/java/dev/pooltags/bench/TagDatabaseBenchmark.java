package dev.pooltags.bench;

import dev.pooltags.source.TextFiles;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagEntry;
import dev.pooltags.tagdb.TagFileReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Measures loading and indexing a tag file against reading its bytes (the baseline), and exact lookups per
 * second (a mix of known tags and misses).
 */
public final class TagDatabaseBenchmark {
    /** The figures one run produced. */
    public record Result(long bytes, long readNanos, long loadNanos, double lookupsPerSecond, int entries) {
        public double loadToReadRatio() {
            return (double) loadNanos / readNanos;
        }
    }

    private TagDatabaseBenchmark() {}

    public static Result run(Path file, int rounds) {
        long bytes = TextFiles.readAllBytes(file).length;
        long read = Stopwatch.bestNanos(rounds, rounds, () -> TextFiles.readAllBytes(file).length);
        long load = Stopwatch.bestNanos(rounds, rounds,
                () -> TagDatabase.of(List.of(TagFileReader.read(file, 0))).size());
        TagDatabase db = TagDatabase.of(List.of(TagFileReader.read(file, 0)));
        // 4096 queries: every known exact tag in turn, one in four replaced by a random (mostly unknown) value.
        List<TagEntry> exact = db.exactEntries();
        PoolTag[] queries = new PoolTag[4096];
        Random r = new Random(42);
        for (int i = 0; i < queries.length; i++) {
            queries[i] = i % 4 == 3 || exact.isEmpty() ? PoolTag.ofValue(r.nextInt()) : exact.get(i % exact.size()).tag();
        }
        int perRound = 10_000_000;
        long t = Stopwatch.bestNanos(3, 5, () -> {
            long found = 0;
            for (int i = 0; i < perRound; i++) {
                found += db.exact(queries[i & 4095]).length;
            }
            return found;
        });
        return new Result(bytes, read, load, perRound / (t / 1e9), db.size());
    }
}
