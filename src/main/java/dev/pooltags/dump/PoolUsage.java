package dev.pooltags.dump;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
        Map<String, long[]> m = new LinkedHashMap<>();
        Map<String, PoolHeader> first = new LinkedHashMap<>();
        for (PoolHeader b : blocks) {
            if (!b.confirmed() || !b.allocated()) {
                continue;
            }
            String k = b.tag().value() + "/" + b.type();
            long[] c = m.computeIfAbsent(k, x -> new long[2]);
            c[0]++;
            c[1] += b.size();
            first.putIfAbsent(k, b);
        }
        List<PoolUsage> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : m.entrySet()) {
            PoolHeader b = first.get(e.getKey());
            out.add(new PoolUsage(b.tag(), b.type(), e.getValue()[0], e.getValue()[1]));
        }
        out.sort(Comparator.comparingLong(PoolUsage::bytes).reversed().thenComparing(PoolUsage::tag).thenComparing(PoolUsage::type));
        return out;
    }
}
