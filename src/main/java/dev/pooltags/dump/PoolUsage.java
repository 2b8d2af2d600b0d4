package dev.pooltags.dump;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The confirmed, allocated blocks of a scan counted per tag and pool, as {@code !poolused} counts them: blocks and
 * bytes (header included). For a small dump this is a count of what the crash captured, not of the pool.
 *
 * @param tag    the tag
 * @param type   paged or nonpaged
 * @param blocks how many blocks
 * @param bytes  their bytes
 */
public record PoolUsage(PoolTag tag, PoolType type, long blocks, long bytes) {
    /** Per tag and pool, most bytes first, then by tag. */
    public static List<PoolUsage> of(List<PoolHeader> blocks) {
        Counter c = new Counter();
        for (PoolHeader b : blocks) {
            if (b.confirmed()) {
                c.add(b);
            }
        }
        return c.usage();
    }

    /** Counts confirmed allocated blocks as they are found: one entry per tag and pool, whatever the number of blocks. */
    public static final class Counter {
        private final Map<Long, long[]> counts = new HashMap<>();

        /** Counts an allocated block (free ones are not counted). */
        public void add(PoolHeader b) {
            if (!b.allocated()) {
                return;
            }
            long key = (b.tag().value() & 0xFFFFFFFFL) << 1 | (b.type() == PoolType.PAGED ? 1 : 0);
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[0]++;
            c[1] += b.size();
        }

        /** Adds another counter's counts. */
        public void addAll(Counter other) {
            other.counts.forEach((k, v) -> {
                long[] c = counts.computeIfAbsent(k, x -> new long[2]);
                c[0] += v[0];
                c[1] += v[1];
            });
        }

        /** The rows, most bytes first, then by tag and pool. */
        public List<PoolUsage> usage() {
            List<PoolUsage> out = new ArrayList<>(counts.size());
            for (Map.Entry<Long, long[]> e : counts.entrySet()) {
                long k = e.getKey();
                out.add(new PoolUsage(PoolTag.ofValue((int) (k >>> 1)), (k & 1) != 0 ? PoolType.PAGED : PoolType.NONPAGED,
                        e.getValue()[0], e.getValue()[1]));
            }
            out.sort(Comparator.comparingLong(PoolUsage::bytes).reversed().thenComparing(PoolUsage::tag).thenComparing(PoolUsage::type));
            return out;
        }
    }
}
