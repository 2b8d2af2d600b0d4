package dev.pooltags.pool;

import dev.pooltags.core.Severity;
import dev.pooltags.event.PoolEvent;

/**
 * An access that leaves a special-pool block's page and touches an inaccessible neighbour. Sources:
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool">Special pool</a> ("If the driver
 * attempts to access memory after the end of the allocation, Driver Verifier will detect this immediately, and will
 * issue Bug Check 0xCD"; with Verify Start "underruns cause an immediate bug check") and
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xcd--page-fault-beyond-end-of-allocation">Bug
 * Check 0xCD</a> (memory address referenced; 0 read, 1 write; address that referenced memory; reserved). The special
 * pool page does not name the code for an underrun into the previous page; the model reports 0xCD for it too.
 */
@RuleInfo(id = "special-pool-guard-page", severity = Severity.ERROR, title = "an access past a special-pool block into the inaccessible page",
        bugCheck = BugCheckCode.PAGE_FAULT_BEYOND_END_OF_ALLOCATION)
public final class SpecialPoolGuardPageRule extends DocumentedRule implements AccessRule.OfBlock {
    @Override
    public Violation check(PoolEvent.Access a, Block b, Facts f) {
        if (!b.isSpecial() || SpecialPoolPage.onPage(b, f.geometry(), a.offset(), a.length())) {
            return null;
        }
        long first = a.offset() < SpecialPoolPage.pageStart(b, f.geometry())
                ? b.address() + a.offset()
                : b.address() + Math.max(a.offset(), SpecialPoolPage.pageEnd(b, f.geometry()));
        return new Violation(this, new BugCheck(BugCheckCode.PAGE_FAULT_BEYOND_END_OF_ALLOCATION, first, a.write() ? 1 : 0,
                callerAddress(a.caller()), 0, "The system accessed memory beyond the end of some driver's pool allocation."), false,
                String.format("%s of %d bytes at offset %d of the %d-byte special-pool block 0x%X (tag %s) reaches the guard page",
                        a.write() ? "a write" : "a read", a.length(), a.offset(), b.size(), b.address(), tagText(b.tag())), a);
    }
}
