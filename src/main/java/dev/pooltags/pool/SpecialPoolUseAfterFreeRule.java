package dev.pooltags.pool;

import dev.pooltags.core.Severity;
import dev.pooltags.event.PoolEvent;

/**
 * An access to a special-pool block after it was freed. Sources:
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool">Special pool</a> ("If the driver
 * reads or writes to the buffer after freeing it, Driver Verifier will issue Bug Check 0xCC") and
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xcc--page-fault-in-freed-special-pool">Bug
 * Check 0xCC</a> (memory address referenced; 0 read, 1 write; address that referenced memory; reserved).
 */
@RuleInfo(id = "special-pool-use-after-free", severity = Severity.ERROR, title = "an access to a special-pool block after it was freed",
        bugCheck = BugCheckCode.PAGE_FAULT_IN_FREED_SPECIAL_POOL)
public final class SpecialPoolUseAfterFreeRule extends DocumentedRule implements AccessRule {
    @Override
    public Violation check(Facts f) {
        if (f.block() != null || !f.freedSpecial()) {
            return null;
        }
        PoolEvent.Access a = f.event();
        return new Violation(this, new BugCheck(BugCheckCode.PAGE_FAULT_IN_FREED_SPECIAL_POOL, a.address() + a.offset(), a.write() ? 1 : 0,
                callerAddress(a.caller()), 0, "The system has referenced memory which was earlier freed."), false,
                String.format("%s at 0x%X, in the special-pool block freed there", a.write() ? "a write" : "a read", a.address() + a.offset()), a);
    }
}
