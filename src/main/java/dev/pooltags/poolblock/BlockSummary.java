package dev.pooltags.poolblock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What many blocks add up to: how many are allocated or free, their bytes, how often each size occurs, and the blocks
 * grouped by the 4 KiB page they start in. A pure function of the blocks; reports print it.
 *
 * @param blocks         number of blocks
 * @param allocated      blocks shown as allocated
 * @param free           blocks shown as free
 * @param allocatedBytes bytes of the blocks not shown as free (allocated or state unknown)
 * @param sizes          size in bytes to number of blocks of that size, smallest first
 * @param pages          page address (unsigned order) to the blocks starting in it, in the order given
 * @param regions        blocks per pool region
 */
public record BlockSummary(int blocks, int allocated, int free, long allocatedBytes, SortedMap<Long, Integer> sizes,
        SortedMap<Long, List<PoolBlock>> pages, Map<PoolRegion, Integer> regions) {
    public BlockSummary {
        sizes = Collections.unmodifiableSortedMap(new TreeMap<>(sizes));
        TreeMap<Long, List<PoolBlock>> p = new TreeMap<>(Long::compareUnsigned);
        pages.forEach((k, v) -> p.put(k, List.copyOf(v)));
        pages = Collections.unmodifiableSortedMap(p);
        EnumMap<PoolRegion, Integer> r = new EnumMap<>(PoolRegion.class);
        r.putAll(regions);
        regions = Collections.unmodifiableMap(r);
    }

    /** Summarizes the blocks. */
    public static BlockSummary of(Collection<PoolBlock> blocks) {
        int allocated = 0;
        int free = 0;
        long bytes = 0;
        TreeMap<Long, Integer> sizes = new TreeMap<>();
        TreeMap<Long, List<PoolBlock>> pages = new TreeMap<>(Long::compareUnsigned);
        EnumMap<PoolRegion, Integer> regions = new EnumMap<>(PoolRegion.class);
        for (PoolBlock b : blocks) {
            switch (b.state()) {
                case ALLOCATED -> allocated++;
                case FREE -> free++;
                case UNKNOWN -> { }
            }
            if (b.state() != BlockState.FREE) {
                bytes += b.size();
            }
            sizes.merge(b.size(), 1, Integer::sum);
            pages.computeIfAbsent(b.page(), k -> new ArrayList<>()).add(b);
            regions.merge(b.pool(), 1, Integer::sum);
        }
        return new BlockSummary(blocks.size(), allocated, free, bytes, sizes, pages, regions);
    }
}
