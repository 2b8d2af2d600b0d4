package dev.pooltags.event;

import dev.pooltags.core.PoolRoutine;
import dev.pooltags.tag.PoolTag;

/**
 * The pool allocation routines the model knows (each an entry of the catalogue, {@link PoolRoutine}, which holds its
 * arguments and documentation), with what the model does with their arguments.
 *
 * <ul>
 *   <li>{@code ExAllocatePool}: no tag argument; the WDK header turns it into a tagged call with a default tag,
 *       {@code ' kdD'} (memory order {@code Ddk }) for drivers built with ntddk.h. Code analysis warning
 *       <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/28147-improper-use-of-default-pool-tag">C28147</a>
 *       names the default tags {@code ' kdD'} and {@code ' mdW'}; Pooltag.txt lists {@code Ddk } as "Default for
 *       driver allocated memory (user's of ntddk.h)".</li>
 *   <li>{@code ExAllocatePoolWithTag},
 *       <a href="https://learn.microsoft.com/windows-hardware/drivers/ddi/wdm/nf-wdm-exallocatepoolwithtag">doc</a>:
 *       POOL_TYPE, bytes, tag; a bad tag is a bug check (0xC2/0x9B, 0x9C, 0x9D).</li>
 *   <li>{@code ExAllocatePoolWithTagPriority}: the same plus a priority, which can also choose the special-pool
 *       alignment (XxxSpecialPoolOverrun / XxxSpecialPoolUnderrun), per
 *       <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool">Special pool</a>.</li>
 *   <li>{@code ExAllocatePoolWithQuotaTag}: charges the current process's quota.</li>
 *   <li>{@code ExAllocatePool2} / {@code ExAllocatePool3},
 *       <a href="https://learn.microsoft.com/windows-hardware/drivers/ddi/wdm/nf-wdm-exallocatepool2">doc</a>:
 *       {@link PoolFlags} instead of a POOL_TYPE; "Tag is set to 0 or invalid POOL_FLAGS are specified" makes the
 *       call return NULL rather than bug check.</li>
 *   <li>{@code NdisAllocateMemoryWithTagPriority},
 *       <a href="https://learn.microsoft.com/windows-hardware/drivers/ddi/ndis/nf-ndis-ndisallocatememorywithtagpriority">doc</a>:
 *       always nonpaged pool; default tag {@code 'maDN'} (memory order {@code NDam}).</li>
 * </ul>
 * {@link #UNKNOWN} stands for events whose routine was not recorded (ETW pool events, {@code !verifier} output).
 */
public enum AllocRoutine implements RecordedRoutine {
    EX_ALLOCATE_POOL(PoolRoutine.EX_ALLOCATE_POOL),
    EX_ALLOCATE_POOL_WITH_TAG(PoolRoutine.EX_ALLOCATE_POOL_WITH_TAG),
    EX_ALLOCATE_POOL_WITH_TAG_PRIORITY(PoolRoutine.EX_ALLOCATE_POOL_WITH_TAG_PRIORITY),
    EX_ALLOCATE_POOL_WITH_QUOTA_TAG(PoolRoutine.EX_ALLOCATE_POOL_WITH_QUOTA_TAG),
    EX_ALLOCATE_POOL2(PoolRoutine.EX_ALLOCATE_POOL2),
    EX_ALLOCATE_POOL3(PoolRoutine.EX_ALLOCATE_POOL3),
    NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY(PoolRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY),
    UNKNOWN(null);

    /** ' kdD': ntddk.h's default tag for ExAllocatePool. */
    public static final PoolTag DEFAULT_DDK_TAG = PoolTag.ofMemoryText("Ddk ");
    /** 'maDN': NDIS's default tag. */
    public static final PoolTag DEFAULT_NDIS_TAG = PoolTag.ofCharLiteral("maDN");

    private final PoolRoutine routine;

    AllocRoutine(PoolRoutine routine) {
        this.routine = routine;
    }

    /** The catalogue's entry, or null for {@link #UNKNOWN}. */
    @Override
    public PoolRoutine routine() {
        return routine;
    }

    /** ExAllocatePool2/3: the pool comes from {@link PoolFlags}. */
    public boolean takesPoolFlags() {
        return routine != null && routine.takesPoolFlags();
    }

    /** False only for ExAllocatePool, which takes no tag. */
    public boolean isTagged() {
        return routine == null || routine.tagged();
    }

    /** ExAllocatePool2/3 return NULL for a zero tag or bad flags where the older routines bug check. */
    public boolean failsInsteadOfBugCheck() {
        return takesPoolFlags();
    }

    /** Reads the routine's name (case-insensitive); null when unknown. */
    public static AllocRoutine byName(String name) {
        return RecordedRoutine.byName(AllocRoutine.class, name);
    }

    @Override
    public String toString() {
        return routineName();
    }
}
