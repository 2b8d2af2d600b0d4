package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A driver Driver Verifier verifies (or is set to verify), with the pool counters the listing shows.
 *
 * @param name                the driver ({@code MyDriver.sys})
 * @param state               as listed: {@code Loaded}, {@code Loaded and Unloaded}, {@code load: 1 / unload: 0}, or
 *                            {@code set to be verified} for the settings' driver list
 * @param nonpagedAllocations current nonpaged allocations, when shown
 * @param pagedAllocations    current paged allocations, when shown
 * @param nonpagedBytes       current nonpaged bytes, when shown
 * @param pagedBytes          current paged bytes, when shown
 * @param origin              the line naming the driver
 * @param allocationsOrigin   the line of the allocation counters, when shown
 * @param bytesOrigin         the line of the byte counters, when shown
 */
public record VerifiedDriver(String name, String state, OptionalLong nonpagedAllocations, OptionalLong pagedAllocations,
        OptionalLong nonpagedBytes, OptionalLong pagedBytes, Origin origin, java.util.Optional<Origin> allocationsOrigin,
        java.util.Optional<Origin> bytesOrigin) {
    public VerifiedDriver {
        Objects.requireNonNull(name);
        Objects.requireNonNull(state);
        Objects.requireNonNull(nonpagedAllocations);
        Objects.requireNonNull(pagedAllocations);
        Objects.requireNonNull(nonpagedBytes);
        Objects.requireNonNull(pagedBytes);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(allocationsOrigin);
        Objects.requireNonNull(bytesOrigin);
    }

    /** True when the listing says the driver was unloaded. */
    public boolean unloaded() {
        return state.toLowerCase(java.util.Locale.ROOT).contains("unloaded");
    }
}
