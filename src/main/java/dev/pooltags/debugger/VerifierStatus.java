package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one {@code !verifier} command or {@code verifier /query}/{@code /querysettings} says: the flags, the options
 * shown as enabled, the drivers, the global counters and (for {@code !verifier 3}) the outstanding allocations.
 *
 * @param command     the command as typed
 * @param flags       the verifier flags ({@code Verify Flags Level 0x000209bb}, {@code Verifier Flags: 0x...}), when shown
 * @param enabled     the options shown as enabled ({@code [X] (0x00000001) Special pool}, {@code Special pool: Enabled})
 * @param drivers     the drivers listed
 * @param counters    the global counters listed
 * @param allocations the allocations pool tracking holds, as listed
 * @param origin      the command's line
 */
public record VerifierStatus(String command, OptionalLong flags, List<String> enabled, List<VerifiedDriver> drivers,
        List<VerifierCounter> counters, List<TrackedAllocation> allocations, Origin origin) {
    public VerifierStatus {
        Objects.requireNonNull(command);
        Objects.requireNonNull(flags);
        enabled = List.copyOf(enabled);
        drivers = List.copyOf(drivers);
        counters = List.copyOf(counters);
        allocations = List.copyOf(allocations);
        Objects.requireNonNull(origin);
    }
}
