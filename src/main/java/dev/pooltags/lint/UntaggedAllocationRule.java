package dev.pooltags.lint;

import dev.pooltags.core.Severity;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** PT003: ExAllocatePool and ExAllocatePoolWithQuota, which take no tag. */
public final class UntaggedAllocationRule extends Rule {
    private static final Set<PoolRoutine> UNTAGGED = Set.of(PoolRoutine.EX_ALLOCATE_POOL,
            PoolRoutine.EX_ALLOCATE_POOL_WITH_QUOTA, PoolRoutine.NDIS_ALLOCATE_MEMORY);

    public UntaggedAllocationRule() {
        super("PT003", "UntaggedPoolAllocation", Severity.WARNING,
                "Untagged allocation: ExAllocatePool, ExAllocatePoolWithQuota or NdisAllocateMemory",
                "ExAllocatePool and ExAllocatePoolWithQuota take no tag, so their blocks are counted under a default "
                + "tag shared with every other caller ('None'); a leak in them cannot be traced to the driver. Both "
                + "are deprecated since Windows 10, version 2004. Fix: call ExAllocatePool2 with POOL_FLAGS and a "
                + "tag of the driver's own, e.g. ExAllocatePool2(POOL_FLAG_NON_PAGED, size, 'gaTM') for NonPagedPool, "
                + "POOL_FLAG_PAGED for PagedPool, adding POOL_FLAG_USE_QUOTA for the quota variant. ExAllocatePool2 "
                + "zeroes the block; add POOL_FLAG_UNINITIALIZED only where every byte is written before use. "
                + "NdisAllocateMemory, NDIS's untagged allocator, is deprecated too: use "
                + "NdisAllocateMemoryWithTagPriority.");
    }

    @Override
    public Meta meta() {
        return new Meta("https://learn.microsoft.com/en-us/windows-hardware/drivers/devtest/28751-banned-exallocatepool-usage", "very-high", List.of("pool-tag", "maintainability"), null);
    }

    @Override
    public void check(LintContext ctx, Consumer<Finding> out) {
        for (Call c : ctx.callsToReportOf(UNTAGGED)) {
            Routine r = c.routine();
            out.accept(finding(c.callee(), r.routineName() + " allocates without a tag of the driver's own"
                    + (c.viaMacro() != null ? " (through the macro " + c.viaMacro() + ")" : "")
                    + (r == PoolRoutine.NDIS_ALLOCATE_MEMORY ? "; use NdisAllocateMemoryWithTagPriority with a unique tag"
                            : "; use ExAllocatePool2 with a unique tag")));
        }
    }
}
