package dev.pooltags.pool;

import dev.pooltags.core.Severity;
import dev.pooltags.event.PoolEvent;

/**
 * A write outside a block in normal pool of a driver Driver Verifier does not track: the neighbouring block or pool
 * header is overwritten and nothing notices until something else crashes. Source:
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool">Special pool</a> ("Driver errors
 * can result in crashes long after the errors are made. The most common of these errors is ... allocating n bytes and
 * then accessing n+1 bytes") and ExAllocatePool2's remark "Accessing memory outside of this range may corrupt the pool
 * and cause the system to crash".
 */
@RuleInfo(id = "undetected-overrun", severity = Severity.WARNING, title = "a write outside a block that nothing detects",
        source = "https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool")
public final class UndetectedOverrunRule extends DocumentedRule implements AccessRule.OfBlock {
    @Override
    public Violation check(PoolEvent.Access a, Block b, Facts f) {
        if (b.isSpecial() || !a.write() || (a.offset() >= 0 && a.offset() + a.length() <= b.size())) {
            return null;
        }
        if (f.poolTracking() && a.offset() >= 0) {
            return null; // pool tracking finds an overrun at the free
        }
        return new Violation(this, null, false, String.format("a write of %d bytes at offset %d of the %d-byte block 0x%X (tag %s) corrupts its neighbour",
                a.length(), a.offset(), b.size(), b.address(), tagText(b.tag())), a);
    }
}
