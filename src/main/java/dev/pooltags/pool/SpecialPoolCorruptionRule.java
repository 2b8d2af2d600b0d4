package dev.pooltags.pool;

import dev.pooltags.core.Severity;
import dev.pooltags.event.PoolEvent;

/**
 * Special pool finding, when a block is freed, that bytes on its page outside the block were written. Sources:
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool">Special pool</a> ("If the driver
 * writes in the memory prior to the beginning of the buffer, this will (presumably) alter the patterns. When the
 * buffer is freed, Driver Verifier will detect the alteration and issue Bug Check 0xC1"; with Verify Start "overruns
 * cause a bug check when the memory is freed") and
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc1--special-pool-detected-memory-corruption">Bug
 * Check 0xC1</a>: parameter 4 = 0x24, "bytes occurring after the end of the allocation have been overwritten";
 * 0x23, "nearby bytes within the same page have been corrupted" (parameters 1 and 2: the address freed and the address
 * where bits are corrupted).
 */
@RuleInfo(id = "special-pool-corruption", severity = Severity.ERROR, title = "special pool found its page written outside the block",
        bugCheck = BugCheckCode.SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION)
public final class SpecialPoolCorruptionRule extends DocumentedRule implements FreeRule.OfCorruption {
    @Override
    public Violation check(PoolEvent.Free e, Block b, Corruption c) {
        if (!b.isSpecial()) {
            return null;
        }
        long sub = c.overrun() ? 0x24 : 0x23;
        String meaning = c.overrun()
                ? "A driver freed an address, but bytes occurring after the end of the allocation have been overwritten."
                : "A driver freed an address, but nearby bytes within the same page have been corrupted.";
        return new Violation(this, new BugCheck(BugCheckCode.SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION, b.address(), c.address(), 0, sub, meaning),
                false, String.format("freeing the special-pool block 0x%X (tag %s, %d bytes) finds 0x%X written %s it", b.address(),
                        tagText(b.tag()), b.size(), c.address(), c.overrun() ? "after" : "before"), e);
    }
}
