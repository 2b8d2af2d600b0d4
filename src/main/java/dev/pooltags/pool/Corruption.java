package dev.pooltags.pool;

import dev.pooltags.event.PoolEvent;

/**
 * Bytes written outside a block while it was allocated, remembered until the block is freed (when special pool and
 * pool tracking look at them).
 *
 * @param address the first byte written outside the block
 * @param overrun true when after the end, false when before the start
 * @param by      the access that wrote them
 */
public record Corruption(long address, boolean overrun, PoolEvent.Access by) {
}
