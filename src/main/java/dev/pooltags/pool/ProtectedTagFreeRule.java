package dev.pooltags.pool;

import dev.pooltags.core.Severity;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;

/**
 * Freeing a block whose tag has the PROTECTED_POOL bit without that exact tag. Sources: the WDK's wdm.h defines
 * {@code PROTECTED_POOL 0x80000000} ("If high order bit in Pool tag is set, then must use ExFreePoolWithTag to
 * free") and {@code ExFreePool(a)} as {@code ExFreePoolWithTag(a, 0)}; the mismatch is
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc2--bad-pool-caller">Bug Check
 * 0xC2</a> parameter 1 = 0x0A (address, allocator's tag, tag used in the free). WinDbg's {@code !pool} and
 * {@code !poolfind} print such tags with " (Protected)".
 */
@RuleInfo(id = "protected-tag-free", severity = Severity.ERROR, title = "a protected-tag block freed without its full tag",
        bugCheck = BugCheckCode.BAD_POOL_CALLER)
public final class ProtectedTagFreeRule extends DocumentedRule implements FreeRule.OfBlock {
    @Override
    public Violation check(PoolEvent.Free e, Block b, Facts f) {
        if (!b.tag().isProtected() || e.routine() == FreeRoutine.UNKNOWN) {
            return null;
        }
        boolean ok = e.routine().passesTag() && e.tag() != null && e.tag().equals(b.tag());
        boolean otherTag = e.routine().passesTag() && e.tag() != null && e.tag().value() != 0
                && !e.tag().unprotected().equals(b.tag().unprotected());
        if (ok || otherTag) {
            return null; // a different tag altogether is FreeTagMismatchRule's
        }
        long used = e.tag() == null ? 0 : e.tag().value() & 0xFFFFFFFFL;
        return new Violation(this, new BugCheck(BugCheckCode.BAD_POOL_CALLER, 0x0A, e.address(), b.tag().value() & 0xFFFFFFFFL,
                used, "The current thread attempted to free pool memory by using the wrong tag."), false,
                e.routine() + (e.tag() == null || used == 0 ? " without a tag" : " with tag " + tagText(e.tag()))
                        + " frees a block allocated with the protected tag " + tagText(b.tag()) + String.format(" at 0x%X", e.address()), e);
    }
}
