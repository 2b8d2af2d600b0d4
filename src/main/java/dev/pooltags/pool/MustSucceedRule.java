package dev.pooltags.pool;

import dev.pooltags.core.Severity;

/**
 * Must-succeed pool. Source:
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc2--bad-pool-caller">Bug Check
 * 0xC2</a> parameter 1 = 0x9A, "The current thread marked an allocation request MUST_SUCCEED. (This pool type is no
 * longer supported.)", parameters: pool type, number of bytes requested, pool tag; and
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/ddi/wdm/ne-wdm-_pool_type">POOL_TYPE</a>:
 * NonPagedPoolMustSucceed is "for internal use only, and is allowed only during system startup".
 */
@RuleInfo(id = "must-succeed-pool", severity = Severity.ERROR, title = "an allocation from must-succeed pool",
        bugCheck = BugCheckCode.BAD_POOL_CALLER)
public final class MustSucceedRule extends DocumentedRule implements AllocationRule {
    @Override
    public Violation check(Facts f) {
        if (f.type() == null || !f.type().isMustSucceed()) {
            return null;
        }
        return new Violation(this, new BugCheck(BugCheckCode.BAD_POOL_CALLER, 0x9A, f.typeCode(), f.event().size(),
                f.tagValue(), "The current thread marked an allocation request MUST_SUCCEED."), false,
                f.event().routine() + " from " + f.type().windowsName() + " with tag " + tagText(f.tag()), f.event());
    }
}
