package dev.pooltags.pool;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.SpecialAlignment;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;

/**
 * An outstanding allocation.
 *
 * @param address   the address the caller got
 * @param tag       the tag it is tracked under
 * @param size      bytes requested
 * @param charged   bytes the per-tag counters charge ({@link PoolGeometry#charged})
 * @param poolType  the POOL_TYPE, or null when the source did not say
 * @param tracked   the per-tag row (paged or nonpaged), or null when unknown
 * @param routine   the allocating routine
 * @param driver    the allocating driver, or empty
 * @param caller    the caller, or empty
 * @param time      when it was allocated ({@link PoolEvent#NO_TIME} when unknown)
 * @param line      where the allocation was read
 * @param special   its special-pool placement, or null when it is in normal pool
 * @param big       true when it came from the big-page allocator (a page or more)
 */
public record Block(long address, PoolTag tag, long size, long charged, WindowsPoolType poolType, PoolType tracked,
        AllocRoutine routine, String driver, String caller, long time, long line, SpecialAlignment special, boolean big) {
    public boolean isSpecial() {
        return special != null;
    }
}
