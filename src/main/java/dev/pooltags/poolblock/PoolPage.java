package dev.pooltags.poolblock;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The blocks of one pool page, as {@code !pool ADDRESS} lists them: the page's region, its blocks in address order,
 * which one holds the address asked about (WinDbg marks it with {@code *}), and the owner line printed under it.
 * A big-pool or special-pool allocation is a page with that one block.
 *
 * @param queried the address asked about
 * @param region  the page's region ({@code Pool page ... region is Nonpaged pool}), UNKNOWN when not shown
 * @param blocks  the blocks in the order listed
 * @param marked  index in {@code blocks} of the block holding {@code queried}, or -1 when none is marked
 * @param owner   the owner line printed for the marked block, when there was one
 * @param cut     true when the listing was shortened ({@code .....}, or the output ended early): blocks are missing
 * @param origin  where the listing starts (the command's line)
 */
public record PoolPage(long queried, PoolRegion region, List<PoolBlock> blocks, int marked, Optional<OwnerNote> owner, boolean cut,
        Origin origin) {
    public PoolPage {
        Objects.requireNonNull(region);
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(origin);
        if (marked < -1 || marked >= blocks.size()) {
            throw new IllegalArgumentException("marked block " + marked + " is not one of the " + blocks.size() + " blocks");
        }
    }

    /** The block holding the queried address, when one was marked. */
    public Optional<PoolBlock> markedBlock() {
        return marked < 0 ? Optional.empty() : Optional.of(blocks.get(marked));
    }

    /** The 4 KiB page the queried address lies in. */
    public long page() {
        return queried & ~(PoolBlock.PAGE_SIZE - 1);
    }
}
