package dev.pooltags.pool;

import dev.pooltags.core.Severity;
import dev.pooltags.event.PoolFlags;

/**
 * Invalid POOL_FLAGS. Source: <a href="https://learn.microsoft.com/windows-hardware/drivers/kernel/pool_flags">POOL_FLAGS</a>
 * ("If the allocator does not recognize the flag or cannot make an allocation satisfying all required flags the
 * allocation fails") and <a href="https://learn.microsoft.com/windows-hardware/drivers/ddi/wdm/nf-wdm-exallocatepool2">ExAllocatePool2</a>
 * (returns NULL when "invalid POOL_FLAGS are specified"; with POOL_FLAG_RAISE_ON_FAILURE it raises an exception).
 */
@RuleInfo(id = "invalid-pool-flags", severity = Severity.WARNING, title = "ExAllocatePool2/3 with invalid POOL_FLAGS",
        source = "https://learn.microsoft.com/windows-hardware/drivers/kernel/pool_flags")
public final class InvalidPoolFlagsRule extends DocumentedRule implements AllocationRule {
    @Override
    public Violation check(Facts f) {
        if (!f.event().routine().takesPoolFlags() || f.flagsProblem() == null) {
            return null;
        }
        boolean raises = (f.event().poolFlags() & PoolFlags.RAISE_ON_FAILURE) != 0;
        return new Violation(this, null, true, f.event().routine() + "(" + PoolFlags.describe(f.event().poolFlags()) + ") "
                + (raises ? "raises an exception" : "returns NULL") + ": " + f.flagsProblem(), f.event());
    }
}
