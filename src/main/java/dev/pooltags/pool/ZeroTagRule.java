package dev.pooltags.pool;

import dev.pooltags.core.Severity;

/**
 * Tag 0. Source: <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc2--bad-pool-caller">Bug
 * Check 0xC2</a> parameter 1 = 0x9B, "The current thread attempted to allocate a pool with a tag of 0 (This would be
 * untrackable, and possibly corrupt the existing tag tables.)", parameters: pool type, number of bytes, caller's
 * address. <a href="https://learn.microsoft.com/windows-hardware/drivers/ddi/wdm/nf-wdm-exallocatepool2">ExAllocatePool2</a>
 * instead returns NULL: "Tag is set to 0 or invalid POOL_FLAGS are specified"; "Tags with a value of 0 are invalid".
 */
@RuleInfo(id = "zero-tag", severity = Severity.ERROR, title = "a pool allocation with tag 0",
        bugCheck = BugCheckCode.BAD_POOL_CALLER)
public final class ZeroTagRule extends DocumentedRule implements AllocationRule {
    @Override
    public Violation check(Facts f) {
        if (!f.event().routine().isTagged() || f.tag().value() != 0) {
            return null;
        }
        if (f.event().routine().failsInsteadOfBugCheck()) {
            return new Violation(this, null, true, f.event().routine() + " with tag 0 returns NULL", f.event());
        }
        return new Violation(this, new BugCheck(BugCheckCode.BAD_POOL_CALLER, 0x9B, f.typeCode(), f.event().size(),
                f.callerAddress(), "The current thread attempted to allocate a pool with a tag of 0."), false,
                f.event().routine() + " with tag 0 (" + f.event().size() + " bytes)", f.event());
    }
}
