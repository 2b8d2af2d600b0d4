package dev.pooltags.pool;

import dev.pooltags.event.PoolEvent;

/** A rule checked when a driver unloads. */
public interface UnloadRule extends PoolRule {
    Violation check(Facts f);

    /**
     * What an unload rule sees.
     *
     * @param event          the unload
     * @param poolTracking   Driver Verifier's pool tracking is on for the driver
     * @param outstanding    the driver's allocations not freed
     * @param pagedBytes     their bytes in paged pool
     * @param nonpagedBytes  their bytes in nonpaged pool
     */
    record Facts(PoolEvent.Unload event, boolean poolTracking, int outstanding, long pagedBytes, long nonpagedBytes) {
    }
}
