package dev.pooltags.pool;

import dev.pooltags.core.Severity;

/**
 * A tag with no letter or digit. Source:
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc2--bad-pool-caller">Bug Check
 * 0xC2</a> parameter 1 = 0x9D, "The current thread attempted to allocate a pool with a tag that does not contain any
 * letters or digits. Using such tags makes tracking pool issues difficult.", parameters: incorrect pool tag used,
 * pool type, caller's address. Tag 0 is {@link ZeroTagRule}'s.
 */
@RuleInfo(id = "tag-without-letter-or-digit", severity = Severity.ERROR, title = "a pool tag without any letter or digit",
        bugCheck = BugCheckCode.BAD_POOL_CALLER)
public final class TagWithoutLetterOrDigitRule extends DocumentedRule implements AllocationRule {
    @Override
    public Violation check(Facts f) {
        if (f.tag().value() == 0 || f.tag().unprotected().value() == 0 || f.tag().hasLetterOrDigit()) {
            return null;
        }
        return new Violation(this, new BugCheck(BugCheckCode.BAD_POOL_CALLER, 0x9D, f.tagValue(), f.typeCode(),
                f.callerAddress(), "The current thread attempted to allocate a pool with a tag that does not contain any letters or digits."),
                false, f.event().routine() + " with tag " + tagText(f.tag()) + " (" + f.tag().hexText() + "), which has no letter or digit",
                f.event());
    }
}
