package dev.pooltags.pool;

import dev.pooltags.core.Severity;
import dev.pooltags.event.PoolEvent;

/**
 * Freeing with a tag other than the one allocated with. Sources:
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc2--bad-pool-caller">Bug Check
 * 0xC2</a> parameter 1 = 0x0A, "The current thread attempted to free pool memory by using the wrong tag. (The memory
 * might belong to another component.)", parameters: address of pool, allocator's tag, tag being used in the attempted
 * free; <a href="https://learn.microsoft.com/windows-hardware/drivers/ddi/wdm/nf-wdm-exfreepoolwithtag">ExFreePoolWithTag</a>:
 * the Tag "Specifies the tag value passed to ExAllocatePoolWithTag ... when the block of memory was originally
 * allocated". A tag of 0 (what ExFreePool passes) is not compared; the protected bit is {@link ProtectedTagFreeRule}'s.
 */
@RuleInfo(id = "free-tag-mismatch", severity = Severity.ERROR, title = "a free with a tag other than the allocation's",
        bugCheck = BugCheckCode.BAD_POOL_CALLER)
public final class FreeTagMismatchRule extends DocumentedRule implements FreeRule.OfBlock {
    @Override
    public Violation check(PoolEvent.Free e, Block b, Facts f) {
        if (!e.routine().passesTag() || e.tag() == null || e.tag().value() == 0
                || e.tag().unprotected().equals(b.tag().unprotected())) {
            return null;
        }
        return new Violation(this, new BugCheck(BugCheckCode.BAD_POOL_CALLER, 0x0A, e.address(), b.tag().value() & 0xFFFFFFFFL,
                e.tag().value() & 0xFFFFFFFFL, "The current thread attempted to free pool memory by using the wrong tag."),
                false, e.routine() + " with tag " + tagText(e.tag()) + " frees a block allocated with tag " + tagText(b.tag())
                        + (b.driver().isEmpty() ? "" : " by " + b.driver()) + String.format(" at 0x%X", e.address()), e);
    }
}
