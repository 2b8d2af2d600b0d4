package dev.pooltags.lint;

import java.util.Set;
import java.util.function.Consumer;

/** PT003: ExAllocatePool and ExAllocatePoolWithQuota, which take no tag. */
public final class UntaggedAllocationRule extends CallRule {
    private static final Set<PoolRoutine> UNTAGGED = Set.of(PoolRoutine.EX_ALLOCATE_POOL,
            PoolRoutine.EX_ALLOCATE_POOL_WITH_QUOTA, PoolRoutine.NDIS_ALLOCATE_MEMORY);

    public UntaggedAllocationRule() {
        super("PT003", UNTAGGED);
    }

    @Override
    protected void judge(LintContext ctx, Call c, Consumer<Finding> out) {
        Routine r = c.routine();
        out.accept(finding(c.callee(), r.routineName() + " allocates without a tag of the driver's own"
                + (c.viaMacro() != null ? " (through the macro " + c.viaMacro() + ")" : "")
                + (r == PoolRoutine.NDIS_ALLOCATE_MEMORY ? "; use NdisAllocateMemoryWithTagPriority with a unique tag"
                        : "; use ExAllocatePool2 with a unique tag")));
    }
}
