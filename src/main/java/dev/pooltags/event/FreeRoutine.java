package dev.pooltags.event;

import dev.pooltags.core.PoolRoutine;

/**
 * The pool free routines the model knows, each an entry of the catalogue ({@link PoolRoutine}).
 *
 * <ul>
 *   <li>{@code ExFreePool}: no tag; with pool tagging the WDK header defines it as
 *       {@code ExFreePoolWithTag(a, 0)}, so no tag is compared, and a block allocated with a PROTECTED_POOL tag
 *       cannot be freed with it.</li>
 *   <li>{@code ExFreePoolWithTag},
 *       <a href="https://learn.microsoft.com/windows-hardware/drivers/ddi/wdm/nf-wdm-exfreepoolwithtag">doc</a>:
 *       "Specifies the tag value passed to ExAllocatePoolWithTag ... when the block of memory was originally
 *       allocated"; a different tag is bug check 0xC2/0x0A.</li>
 *   <li>{@code ExFreePool2},
 *       <a href="https://learn.microsoft.com/windows-hardware/drivers/ddi/wdm/nf-wdm-exfreepool2">doc</a>: takes
 *       the "Pool tag originally supplied when the allocation was made"; "A double free, corrupted header, tag
 *       mismatch ... can also trigger pool integrity bug checks".</li>
 *   <li>{@code NdisFreeMemoryWithTagPriority},
 *       <a href="https://learn.microsoft.com/windows-hardware/drivers/ddi/ndis/nf-ndis-ndisfreememorywithtagpriority">doc</a>:
 *       frees NdisAllocateMemoryWithTagPriority memory, with the same tag.</li>
 *   <li>{@code NdisFreeMemory}: no tag.</li>
 * </ul>
 * {@link #UNKNOWN} stands for frees whose routine was not recorded (ETW PoolFree events): their tag, when present,
 * is what the kernel recorded for the block, not what the caller passed, so it is never checked as a caller's tag.
 */
public enum FreeRoutine implements RecordedRoutine {
    EX_FREE_POOL(PoolRoutine.EX_FREE_POOL),
    EX_FREE_POOL_WITH_TAG(PoolRoutine.EX_FREE_POOL_WITH_TAG),
    EX_FREE_POOL2(PoolRoutine.EX_FREE_POOL2),
    NDIS_FREE_MEMORY_WITH_TAG_PRIORITY(PoolRoutine.NDIS_FREE_MEMORY_WITH_TAG_PRIORITY),
    NDIS_FREE_MEMORY(PoolRoutine.NDIS_FREE_MEMORY),
    UNKNOWN(null);

    private final PoolRoutine routine;

    FreeRoutine(PoolRoutine routine) {
        this.routine = routine;
    }

    /** The catalogue's entry, or null for {@link #UNKNOWN}. */
    @Override
    public PoolRoutine routine() {
        return routine;
    }

    /** True when the caller passes the tag it allocated with (and the kernel compares it). */
    public boolean passesTag() {
        return routine != null && routine.passesTag();
    }

    /** Reads the routine's name (case-insensitive); null when unknown. */
    public static FreeRoutine byName(String name) {
        return RecordedRoutine.byName(FreeRoutine.class, name);
    }

    @Override
    public String toString() {
        return routineName();
    }
}
