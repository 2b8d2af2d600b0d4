package dev.pooltags.pool;

import dev.pooltags.core.Severity;

/**
 * A driver unloading with allocations outstanding while Driver Verifier's pool tracking watches it. Sources:
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/pool-tracking">Pool Tracking</a> ("Driver
 * Verifier will issue bug check 0xC4 (with Parameter 1 equal to 0x62) if a driver unloads without freeing all its
 * allocations") and <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc4--driver-verifier-detected-violation">Bug
 * Check 0xC4</a> parameter 1 = 0x62 (name of the driver, reserved, total number of allocations that were not freed,
 * including both paged and nonpaged pool). Parameter 2 is a pointer to the name; the model puts 0 there and the name
 * in the message. The leaked allocations are what {@code !verifier 3} lists.
 */
@RuleInfo(id = "unload-with-outstanding", severity = Severity.ERROR, title = "a verified driver unloading without freeing its pool",
        bugCheck = BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION)
public final class UnloadWithOutstandingRule extends DocumentedRule implements UnloadRule {
    @Override
    public Violation check(Facts f) {
        if (!f.poolTracking() || f.outstanding() == 0) {
            return null;
        }
        return new Violation(this, new BugCheck(BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION, 0x62, 0, 0, f.outstanding(),
                "The driver is unloading without first freeing its pool allocations."), false,
                f.event().driver() + " unloads with " + f.outstanding() + " allocation" + (f.outstanding() == 1 ? "" : "s")
                        + " not freed (" + f.nonpagedBytes() + " bytes nonpaged, " + f.pagedBytes() + " bytes paged)", f.event());
    }
}
