package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.PoolRegion;
import dev.pooltags.tag.PoolTag;
import java.util.Objects;

/**
 * An allocation Driver Verifier's pool tracking still holds for a verified driver, as {@code !verifier 3} lists it.
 *
 * @param tag     the tag
 * @param address the address the driver was given
 * @param size    the size it asked for, in bytes
 * @param driver  the verified driver it is charged to
 * @param caller  the caller as listed: a symbol ({@code MyDriver!DeviceControlDispatch}) when the debugger resolved it, else the address
 * @param pool    the pool, when the driver's counters say (one pool with no allocations means every row is in the other)
 * @param origin  the row's line
 */
public record TrackedAllocation(PoolTag tag, long address, long size, String driver, String caller, PoolRegion pool, Origin origin) {
    public TrackedAllocation {
        Objects.requireNonNull(tag);
        Objects.requireNonNull(driver);
        Objects.requireNonNull(caller);
        Objects.requireNonNull(pool);
        Objects.requireNonNull(origin);
    }

    /** The module of the caller ({@code MyDriver} of {@code MyDriver!DeviceControlDispatch}), empty when it is an address. */
    public String callerModule() {
        int bang = caller.indexOf('!');
        return bang > 0 ? caller.substring(0, bang) : "";
    }
}
