package dev.pooltags.pool;

import dev.pooltags.event.PoolEvent;

/** A rule checked when memory is freed. */
public interface FreeRule extends PoolRule {
    /** The violation, or null when the free keeps the rule. */
    Violation check(Facts f);

    /**
     * What a free rule sees.
     *
     * @param event          the free
     * @param block          the outstanding block at that address, or null when there is none
     * @param recentlyFreed  true when the address was freed recently and not allocated since
     * @param complete       true when every allocation since boot is known (a simulated or complete trace), so an
     *                       address nobody allocated is the caller's error rather than a gap in the trace
     * @param verified       Driver Verifier verifies the freeing driver (or the block's owner)
     * @param corruption     bytes written outside the block while it was allocated, or null
     */
    record Facts(PoolEvent.Free event, Block block, boolean recentlyFreed, boolean complete, boolean verified,
            Corruption corruption) {
    }

    /** A rule about the outstanding block being freed: it has nothing to say when the address holds none. */
    interface OfBlock extends FreeRule {
        @Override
        default Violation check(Facts f) {
            return f.block() == null ? null : check(f.event(), f.block(), f);
        }

        /** The violation, or null, when {@code e} frees the outstanding block {@code b}; {@code f} tells the rest. */
        Violation check(PoolEvent.Free e, Block b, Facts f);
    }

    /**
     * A rule about bytes written outside the block being freed while it was allocated (special pool and pool tracking
     * look at them when it is freed): it has nothing to say when the address holds no block or the block no such bytes.
     */
    interface OfCorruption extends FreeRule {
        @Override
        default Violation check(Facts f) {
            return f.block() == null || f.corruption() == null ? null : check(f.event(), f.block(), f.corruption());
        }

        /** The violation, or null, when {@code e} frees the block {@code b} and {@code c} was written outside it. */
        Violation check(PoolEvent.Free e, Block b, Corruption c);
    }
}
