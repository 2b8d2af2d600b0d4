package dev.pooltags.pool;

import dev.pooltags.core.Severity;
import dev.pooltags.tag.PoolTag;

/**
 * The tag "BIG". Source: <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc2--bad-pool-caller">Bug
 * Check 0xC2</a> parameter 1 = 0x9C, "The current thread attempted to allocate a pool with a tag of "BIG". (This
 * would be untrackable and could possibly corrupt the existing tag tables.)", parameters: pool type, number of bytes,
 * caller's address. The kernel uses {@code BIG } itself (Pooltag.txt: "BIG - nt!mm - Large session pool
 * allocations"). The protected bit is ignored when comparing.
 */
@RuleInfo(id = "big-tag", severity = Severity.ERROR, title = "a pool allocation with the kernel's reserved tag BIG",
        bugCheck = BugCheckCode.BAD_POOL_CALLER)
public final class BigTagRule extends DocumentedRule implements AllocationRule {
    static final PoolTag BIG = PoolTag.ofMemoryText("BIG ");

    @Override
    public Violation check(Facts f) {
        if (!f.tag().unprotected().equals(BIG)) {
            return null;
        }
        return new Violation(this, new BugCheck(BugCheckCode.BAD_POOL_CALLER, 0x9C, f.typeCode(), f.event().size(),
                f.callerAddress(), "The current thread attempted to allocate a pool with a tag of \"BIG\"."), false,
                f.event().routine() + " with the reserved tag 'BIG '", f.event());
    }
}
