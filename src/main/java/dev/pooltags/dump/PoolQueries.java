package dev.pooltags.dump;

import dev.pooltags.poolblock.BlockState;
import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.PoolBlock;
import dev.pooltags.poolblock.PoolFindResult;
import dev.pooltags.poolblock.PoolPage;
import dev.pooltags.poolblock.PoolRegion;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The debugger's questions answered from a dump's scan, in the shared {@link dev.pooltags.poolblock} model:
 * {@code !pool ADDRESS} (the blocks of that page, the one holding the address marked) and {@code !poolfind TAG}
 * (every block carrying the tag). Only confirmed headers are answers; every block carries its file offset. Pure.
 */
public final class PoolQueries {
    private PoolQueries() {}

    /** A header found in the dump as the shared model's block. */
    public static PoolBlock block(PoolHeader h, String file, boolean segmentHeap) {
        return PoolBlock.small(h.address(), h.size(), h.previousSize(), h.tag(), false,
                h.allocated() ? BlockState.ALLOCATED : BlockState.FREE, region(h, segmentHeap), Origin.offset(file, h.fileOffset()));
    }

    /** Paged or nonpaged from the PoolType field; session pool (bit 0x20 of the requested type) in the segment heap. */
    static PoolRegion region(PoolHeader h, boolean segmentHeap) {
        if (!h.allocated()) {
            return PoolRegion.UNKNOWN;
        }
        boolean session = segmentHeap && (h.poolTypeBits() & 0x20) != 0;
        if (h.type() == PoolType.PAGED) {
            return session ? PoolRegion.SESSION_PAGED : PoolRegion.PAGED;
        }
        return session ? PoolRegion.SESSION_NONPAGED : PoolRegion.NONPAGED;
    }

    /** {@code !pool ADDRESS}: the confirmed blocks of the page holding {@code address}. */
    public static PoolPage page(DumpInspection in, long address) {
        long page = address & ~(PoolBlock.PAGE_SIZE - 1);
        List<PoolBlock> blocks = new ArrayList<>();
        int marked = -1;
        for (PoolHeader h : in.pool().confirmedBlocks()) {
            if ((h.address() & ~(PoolBlock.PAGE_SIZE - 1)) == page) {
                PoolBlock b = block(h, in.dump().file(), in.segmentHeap());
                if (b.contains(address)) {
                    marked = blocks.size();
                }
                blocks.add(b);
            }
        }
        // the page's blocks are partly captured in a small dump: the listing is cut when they do not tile the page
        boolean cut = !tiles(blocks, in.segmentHeap());
        return new PoolPage(address, PoolRegion.UNKNOWN, blocks, marked, Optional.empty(), cut,
                Origin.offset(in.dump().file(), blocks.isEmpty() ? 0 : blocks.get(0).origin() instanceof Origin.Offset o ? o.offset() : 0));
    }

    private static boolean tiles(List<PoolBlock> blocks, boolean segmentHeap) {
        if (blocks.isEmpty()) {
            return true;
        }
        long at = blocks.get(0).page();
        for (PoolBlock b : blocks) {
            if (b.address() != at && !(segmentHeap && b.address() == at + 16)) {
                return false;
            }
            at = b.end();
        }
        return (at & (PoolBlock.PAGE_SIZE - 1)) == 0;
    }

    /** {@code !poolfind TAG}: every confirmed block carrying the tag (the protected bit ignored). */
    public static PoolFindResult find(DumpInspection in, PoolTag tag) {
        List<PoolBlock> hits = new ArrayList<>();
        for (PoolHeader h : in.pool().confirmedBlocks()) {
            if (h.tag().unprotected().equals(tag.unprotected())) {
                hits.add(block(h, in.dump().file(), in.segmentHeap()));
            }
        }
        String where = in.dump().kind().physical() ? "physical pages of the dump" : "memory the small dump captured";
        return new PoolFindResult(tag.memoryText() + " in the " + where, Optional.of(tag), List.of(), hits, false, OptionalLong.empty(),
                Origin.offset(in.dump().file(), 0));
    }
}
