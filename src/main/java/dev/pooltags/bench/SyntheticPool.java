package dev.pooltags.bench;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic series of pool snapshots for load tests and server tests: {@code tags} rows of invented tags
 * with sizes spread over six orders of magnitude (as on a real machine, where a few tags hold most bytes), counters
 * that start near 2^32 for some tags so they wrap, a steady leak ({@code Leak}, nonpaged, +64 KiB a sample) and a
 * cache that fills for ten samples and then stays ({@code Cach}). Everything else wanders a little.
 */
public final class SyntheticPool {
    private SyntheticPool() {}

    public static List<Snapshot> series(int tags, int samples, Duration step, long seed) {
        Random rnd = new Random(seed);
        Set<PoolTag> names = new LinkedHashSet<>();
        names.add(PoolTag.parse("Leak"));
        names.add(PoolTag.parse("Cach"));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        while (names.size() < tags) {
            char[] c = new char[4];
            for (int i = 0; i < 4; i++) {
                c[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
            }
            names.add(PoolTag.parse(new String(c)));
        }
        int n = names.size();
        PoolTag[] tag = names.toArray(new PoolTag[0]);
        PoolType[] type = new PoolType[n];
        long[] bytes = new long[n];
        long[] allocs = new long[n];
        long[] frees = new long[n];
        int[] size = new int[n];
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
        List<Snapshot> out = new ArrayList<>(samples);
        Instant t0 = Instant.parse("2026-11-26T12:00:00Z");
        for (int s = 0; s < samples; s++) {
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
            out.add(new Snapshot(t0.plus(step.multipliedBy(s)), "synthetic", "synthetic:" + n + "-tags", rows,
                    new java.util.TreeMap<>(java.util.Map.of("pool.nonpaged", nonpaged, "pool.paged", paged,
                            "memory.total", 16L << 30))));
        }
        return out;
    }
}
