package dev.pooltags.pool;

import dev.pooltags.event.PoolEvent;

/** A rule checked when memory near a block is read or written. */
public interface AccessRule extends PoolRule {
    /** The violation, or null. */
    Violation check(Facts f);

    /**
     * What an access rule sees.
     *
     * @param event         the access
     * @param block         the outstanding block at the address, or null
     * @param freedSpecial  true when the address is a recently freed special-pool block
     * @param poolTracking  Driver Verifier's pool tracking is on for the block's driver
     * @param geometry      the pool's block layout
     */
    record Facts(PoolEvent.Access event, Block block, boolean freedSpecial, boolean poolTracking, PoolGeometry geometry) {
    }

    /** A rule about an access near an outstanding block: it has nothing to say when the address holds none. */
    interface OfBlock extends AccessRule {
        @Override
        default Violation check(Facts f) {
            return f.block() == null ? null : check(f.event(), f.block(), f);
        }

        /**
         * The violation, or null, when {@code a} reaches memory near the outstanding block {@code b}; {@code f} tells the
         * rest.
         */
        Violation check(PoolEvent.Access a, Block b, Facts f);
    }
}
