package dev.pooltags.pool;

import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.tag.PoolTag;

/** A rule checked when memory is allocated. */
public interface AllocationRule extends PoolRule {
    /** The violation, or null when the allocation keeps the rule. */
    Violation check(Facts f);

    /**
     * What an allocation rule sees.
     *
     * @param event        the allocation
     * @param tag          the tag in effect (the default tag for untagged routines)
     * @param type         the POOL_TYPE in effect, or null when invalid flags or the source leave it open
     * @param flagsProblem why the POOL_FLAGS are invalid, or null
     * @param verified     true when Driver Verifier verifies the allocating driver
     */
    record Facts(PoolEvent.Alloc event, PoolTag tag, WindowsPoolType type, String flagsProblem, boolean verified) {
        /** The POOL_TYPE as the bug check parameter reports it (0 when unknown). */
        long typeCode() {
            if (type != null) {
                return type.code();
            }
            return event.poolType() == null ? 0 : event.poolType().code();
        }

        long callerAddress() {
            return DocumentedRule.callerAddress(event.caller());
        }

        /** The tag the bug check parameter carries: the 32-bit value, protected bit included. */
        long tagValue() {
            return tag.value() & 0xFFFFFFFFL;
        }
    }
}
