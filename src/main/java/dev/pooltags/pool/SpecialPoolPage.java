package dev.pooltags.pool;

import dev.pooltags.event.SpecialAlignment;

/**
 * Where a special-pool block sits on its page, per
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool">Special pool</a>: "each memory
 * allocation requested by the driver is placed on a separate page. The highest possible address that allows the
 * allocation to fit on the page is returned ... The previous page and the next page are marked inaccessible." The
 * model keeps the pool's alignment, so with Verify End a block whose size is not a multiple of the granularity leaves
 * a few bytes between its end and the page's end: writes there are found only when the block is freed.
 */
final class SpecialPoolPage {
    private SpecialPoolPage() {}

    /** Offset of the page's first byte, relative to the block's start (0 or negative). */
    static long pageStart(Block b, PoolGeometry g) {
        return b.special() == SpecialAlignment.VERIFY_START ? 0 : -(g.pageSize() - PoolGeometry.roundUp(b.size(), g.granularity()));
    }

    /** Offset one past the page's last byte, relative to the block's start. */
    static long pageEnd(Block b, PoolGeometry g) {
        return pageStart(b, g) + g.pageSize();
    }

    /** True when the bytes [offset, offset+length) stay on the block's page (no guard page is touched). */
    static boolean onPage(Block b, PoolGeometry g, long offset, long length) {
        return offset >= pageStart(b, g) && offset + length <= pageEnd(b, g);
    }
}
