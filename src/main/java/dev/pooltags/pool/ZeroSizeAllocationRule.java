package dev.pooltags.pool;

import dev.pooltags.core.Severity;

/**
 * A zero-byte allocation. Source:
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc2--bad-pool-caller">Bug Check
 * 0xC2</a> parameter 1 = 0x00 ("The current thread requested a zero-byte pool allocation"; parameters: 0, pool
 * type, pool tag), and, when Driver Verifier verifies the driver,
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc4--driver-verifier-detected-violation">Bug
 * Check 0xC4</a> parameter 1 = 0x00 (current IRQL, pool type, 0). ExAllocatePoolWithTag's remarks: "Do not set
 * NumberOfBytes = 0 ... Driver Verifier flags such allocations as possible errors". The model does not track IRQL and
 * reports it as 0.
 */
@RuleInfo(id = "zero-size-allocation", severity = Severity.ERROR, title = "a pool allocation of zero bytes",
        bugCheck = BugCheckCode.BAD_POOL_CALLER)
public final class ZeroSizeAllocationRule extends DocumentedRule implements AllocationRule {
    @Override
    public Violation check(Facts f) {
        if (f.event().size() != 0) {
            return null;
        }
        BugCheck bc = f.verified()
                ? new BugCheck(BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION, 0x00, 0, f.typeCode(), 0,
                        "The driver requested a zero-byte pool allocation.")
                : new BugCheck(BugCheckCode.BAD_POOL_CALLER, 0x00, 0, f.typeCode(), f.tagValue(),
                        "The current thread requested a zero-byte pool allocation.");
        return new Violation(this, bc, false, f.event().routine() + " asked for 0 bytes with tag " + tagText(f.tag()), f.event());
    }
}
