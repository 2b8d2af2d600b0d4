package dev.pooltags.pool;

import dev.pooltags.core.Severity;
import dev.pooltags.event.AllocRoutine;

/**
 * ExAllocatePool, which takes no tag. Source:
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/28147-improper-use-of-default-pool-tag">Code
 * analysis warning C28147</a>: "The use of a default pool tag (' kdD' or ' mdW') for calls to this function defeats
 * the purpose of pool tagging"; "ExAllocatePool and ExAllocatePoolWithQuota are obsolete". Driver Verifier counts
 * these as "Pool Allocations With NO TAG" in {@code !verifier}.
 */
@RuleInfo(id = "untagged-allocation", severity = Severity.NOTE, title = "an allocation with ExAllocatePool (the default tag)",
        source = "https://learn.microsoft.com/windows-hardware/drivers/devtest/28147-improper-use-of-default-pool-tag")
public final class UntaggedAllocationRule extends DocumentedRule implements AllocationRule {
    @Override
    public Violation check(Facts f) {
        if (f.event().routine() != AllocRoutine.EX_ALLOCATE_POOL) {
            return null;
        }
        return new Violation(this, null, false, "ExAllocatePool: " + f.event().size() + " bytes under the default tag "
                + tagText(f.tag()) + ", indistinguishable from every other untagged allocation", f.event());
    }
}
