package dev.pooltags.pool;

import dev.pooltags.core.Severity;

/**
 * A driver unloading with allocations outstanding and no Driver Verifier watching: the memory is lost until reboot.
 * Source: <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/pool-tracking">Pool Tracking</a>
 * ("Unfreed memory allocations (also called memory leaks) are a common cause of lowered operating system performance.
 * These can fragment the system pools and eventually cause system crashes"); with pool tracking the same unload is
 * {@link UnloadWithOutstandingRule}'s bug check 0xC4/0x62.
 */
@RuleInfo(id = "unload-leak", severity = Severity.WARNING, title = "a driver unloading without freeing its pool",
        source = "https://learn.microsoft.com/windows-hardware/drivers/devtest/pool-tracking")
public final class UnloadLeakRule extends DocumentedRule implements UnloadRule {
    @Override
    public Violation check(Facts f) {
        if (f.poolTracking() || f.outstanding() == 0) {
            return null;
        }
        return new Violation(this, null, false, f.event().driver() + " unloads and leaks " + f.outstanding() + " allocation"
                + (f.outstanding() == 1 ? "" : "s") + " (" + f.nonpagedBytes() + " bytes nonpaged, " + f.pagedBytes() + " bytes paged)", f.event());
    }
}
