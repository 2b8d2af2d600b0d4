package dev.pooltags.bench;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deterministic series of pool snapshots for load tests and server tests: {@code tags} rows of invented tags
 * with sizes spread over six orders of magnitude (as on a real machine, where a few tags hold most bytes), counters
 * that start near 2^32 for some tags so they wrap, a steady leak ({@code Leak}, nonpaged, +64 KiB a sample) and a
 * cache that fills for ten samples and then stays ({@code Cach}). Everything else wanders a little.
 */
public final class SyntheticLeakSeries {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Random rnd;
    private final Duration step;
    private final int n;
    private final PoolTag[] tag;
    private final PoolType[] type;
    private final long[] bytes;
    private final long[] allocs;
    private final long[] frees;
    private final int[] size;
    private int sample;

    private SyntheticLeakSeries(int tags, Duration step, long seed) {
        this.rnd = new Random(seed);
        this.step = step;
        Set<PoolTag> names = new LinkedHashSet<>();
        names.add(PoolTag.parse("Leak"));
        names.add(PoolTag.parse("Cach"));
        while (names.size() < tags) {
            char[] c = new char[4];
            for (int i = 0; i < 4; i++) {
                c[i] = ALPHABET.charAt(rnd.nextInt(ALPHABET.length()));
            }
            names.add(PoolTag.parse(new String(c)));
        }
        n = names.size();
        tag = names.toArray(new PoolTag[0]);
        type = new PoolType[n];
        bytes = new long[n];
        allocs = new long[n];
        frees = new long[n];
        size = new int[n];
        for (int i = 0; i < n; i++) {
            type[i] = i < 2 || rnd.nextBoolean() ? PoolType.NONPAGED : PoolType.PAGED;
            size[i] = 16 << rnd.nextInt(9);
            long count = (long) Math.pow(10, rnd.nextDouble() * 6);
            bytes[i] = i < 2 ? 1 << 20 : count * size[i];
            long outstanding = bytes[i] / size[i];
            // a tenth of the tags have counters close to the 32-bit limit, so they wrap during the series
            frees[i] = rnd.nextInt(10) == 0 ? TagCounters.COUNTER_MODULUS - 1 - rnd.nextInt(100_000)
                    : rnd.nextInt(1 << 30);
            allocs[i] = (frees[i] + outstanding) % TagCounters.COUNTER_MODULUS;
        }
    }

    /** The first {@code samples} snapshots. */
    public static List<Snapshot> series(int tags, int samples, Duration step, long seed) {
        SyntheticLeakSeries p = new SyntheticLeakSeries(tags, step, seed);
        List<Snapshot> out = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            out.add(p.next());
        }
        return out;
    }

    /** An endless source of these snapshots, generated as asked (constant memory, for long load tests). */
    public static SnapshotSource source(int tags, Duration step, long seed) {
        SyntheticLeakSeries p = new SyntheticLeakSeries(tags, step, seed);
        return new SnapshotSource() {
            @Override
            public Optional<Snapshot> next() {
                return Optional.of(p.next());
            }

            @Override
            public String name() {
                return "synthetic:" + p.n + "-tags";
            }

            @Override
            public boolean isSimulated() {
                return true;
            }
        };
    }

    private Snapshot next() {
        int s = sample++;
        List<TagCounters> rows = new ArrayList<>(n);
        long nonpaged = 0;
        long paged = 0;
        for (int i = 0; i < n; i++) {
            long churn = rnd.nextInt(2000);
            long change;
            if (i == 0) {
                change = (64 << 10) / size[i]; // the leak: 64 KiB a sample, never freed
            } else if (i == 1) {
                change = s < 10 ? (4 << 20) / size[i] : 0; // the cache: fills 40 MiB, then stays
            } else {
                long out0 = bytes[i] / size[i];
                change = Math.max(-out0, rnd.nextInt(21) - 10);
            }
            allocs[i] = (allocs[i] + churn + Math.max(0, change)) % TagCounters.COUNTER_MODULUS;
            frees[i] = (frees[i] + churn + Math.max(0, -change)) % TagCounters.COUNTER_MODULUS;
            bytes[i] += change * size[i];
            rows.add(TagCounters.of(tag[i], type[i], allocs[i], frees[i], bytes[i]));
            if (type[i] == PoolType.NONPAGED) {
                nonpaged += bytes[i];
            } else {
                paged += bytes[i];
            }
        }
        return new Snapshot(T0.plus(step.multipliedBy(s)), "synthetic", "synthetic:" + n + "-tags", rows,
                new TreeMap<>(Map.of("pool.nonpaged", nonpaged, "pool.paged", paged, "memory.total", 16L << 30)));
    }

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
}
