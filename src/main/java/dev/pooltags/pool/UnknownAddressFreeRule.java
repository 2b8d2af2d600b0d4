package dev.pooltags.pool;

import dev.pooltags.core.Severity;

/**
 * Freeing an address no allocation returned. Checked only when the model has seen every allocation (a simulation, or
 * a trace marked complete); in a trace that starts on a running system such a free is a block allocated before the
 * trace began. Sources: <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc2--bad-pool-caller">Bug
 * Check 0xC2</a> parameter 1 = 0x99, "The current thread attempted to free pool with an invalid address" (address, 0,
 * 0), and under Driver Verifier
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc4--driver-verifier-detected-violation">Bug
 * Check 0xC4</a> parameter 1 = 0x10, "The driver attempted to free an address that was not returned from an allocate
 * call" (bad address, 0, 0). Freeing NULL is always this violation: openvswitch/ovs-issues#91 shows the real
 * 0xC4 (0x10, 0, 0, 0) of a driver freeing a pointer its failed allocation left NULL.
 */
@RuleInfo(id = "free-unknown-address", severity = Severity.ERROR, title = "a free of an address no allocation returned",
        bugCheck = BugCheckCode.BAD_POOL_CALLER)
public final class UnknownAddressFreeRule extends DocumentedRule implements FreeRule {
    @Override
    public Violation check(Facts f) {
        // NULL is never a block, whatever the trace saw before
        if (f.block() != null || f.recentlyFreed() || (!f.complete() && f.event().address() != 0)) {
            return null;
        }
        long a = f.event().address();
        BugCheck bc = f.verified()
                ? new BugCheck(BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION, 0x10, a, 0, 0,
                        "The driver attempted to free an address that was not returned from an allocate call.")
                : new BugCheck(BugCheckCode.BAD_POOL_CALLER, 0x99, a, 0, 0,
                        "The current thread attempted to free pool with an invalid address.");
        return new Violation(this, bc, false, f.event().routine() + String.format(" frees 0x%X, which no allocation returned", a), f.event());
    }
}
