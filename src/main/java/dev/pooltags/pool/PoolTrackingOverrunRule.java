package dev.pooltags.pool;

import dev.pooltags.core.Severity;
import dev.pooltags.event.PoolEvent;

/**
 * Pool tracking finding, when a block is freed, that it was written past its end. Source:
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc4--driver-verifier-detected-violation">Bug
 * Check 0xC4</a> parameter 1 = 0x51, "The driver attempted to free memory after having written past the end of the
 * allocation. A bug check with this parameter occurs only when the Pool Tracking option of Driver Verifier is active"
 * (base address of allocation, address of the reference beyond the allocation, number of charged bytes), and
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/pool-tracking">Pool Tracking</a>.
 */
@RuleInfo(id = "pool-tracking-overrun", severity = Severity.ERROR, title = "pool tracking found a block written past its end",
        bugCheck = BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION)
public final class PoolTrackingOverrunRule extends DocumentedRule implements FreeRule.OfCorruption {
    @Override
    public Violation check(PoolEvent.Free e, Block b, Corruption c) {
        if (b.isSpecial() || !c.overrun()) {
            return null;
        }
        return new Violation(this, new BugCheck(BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION, 0x51, b.address(), c.address(), b.charged(),
                "The driver attempted to free memory after having written past the end of the allocation."), false,
                String.format("freeing 0x%X (tag %s, %d bytes) after a write at 0x%X past its end", b.address(), tagText(b.tag()),
                        b.size(), c.address()), e);
    }
}
