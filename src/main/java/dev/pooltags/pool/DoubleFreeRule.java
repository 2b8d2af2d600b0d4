package dev.pooltags.pool;

import dev.pooltags.core.Severity;

/**
 * Freeing an address that was freed and not allocated again. Sources:
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc2--bad-pool-caller">Bug Check
 * 0xC2</a> parameter 1 = 0x07, "The current thread attempted to free the pool, which was already freed" (reserved,
 * pool header contents, address of the block being freed), and, under Driver Verifier,
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc4--driver-verifier-detected-violation">Bug
 * Check 0xC4</a> parameter 1 = 0x13, "The driver attempted to free memory pool which was already freed" (reserved,
 * pointer to pool header, pool header contents). The model keeps no pool headers and reports the header pointer and contents as 0. The
 * model remembers a bounded number of freed addresses (see {@link PoolModel}), so memory stays proportional to what
 * is allocated.
 */
@RuleInfo(id = "double-free", severity = Severity.ERROR, title = "a block freed twice",
        bugCheck = BugCheckCode.BAD_POOL_CALLER)
public final class DoubleFreeRule extends DocumentedRule implements FreeRule {
    @Override
    public Violation check(Facts f) {
        if (f.block() != null || !f.recentlyFreed()) {
            return null;
        }
        long a = f.event().address();
        BugCheck bc = f.verified()
                ? new BugCheck(BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION, 0x13, 0, 0, 0,
                        "The driver attempted to free memory pool which was already freed.")
                : new BugCheck(BugCheckCode.BAD_POOL_CALLER, 0x07, 0, 0, a,
                        "The current thread attempted to free the pool, which was already freed.");
        return new Violation(this, bc, false, f.event().routine() + String.format(" frees 0x%X, which was already freed", a), f.event());
    }
}
