package dev.pooltags.lint;

import java.util.HashMap;
import java.util.Map;

/**
 * The routines lint recognises in source: those of the catalogue ({@link dev.pooltags.core.PoolRoutine}, which holds
 * every argument position, module and document) that take a pool tag or a pool type or free a block. The frees
 * without a tag (ExFreePool, NdisFreeMemory, StorPortFreePool, VideoPortFreePool) are listed so a driver's own free
 * functions built on them are recognised.
 */
public enum PoolRoutine implements Routine {
    EX_ALLOCATE_POOL(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL),
    EX_ALLOCATE_POOL_WITH_QUOTA(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_WITH_QUOTA),
    EX_ALLOCATE_POOL_WITH_TAG(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_WITH_TAG),
    EX_ALLOCATE_POOL_WITH_QUOTA_TAG(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_WITH_QUOTA_TAG),
    EX_ALLOCATE_POOL_WITH_TAG_PRIORITY(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_WITH_TAG_PRIORITY),
    EX_ALLOCATE_POOL2(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL2),
    EX_ALLOCATE_POOL3(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL3),
    EX_ALLOCATE_POOL_ZERO(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_ZERO),
    EX_ALLOCATE_POOL_UNINITIALIZED(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_UNINITIALIZED),
    EX_ALLOCATE_POOL_QUOTA_ZERO(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_QUOTA_ZERO),
    EX_ALLOCATE_POOL_QUOTA_UNINITIALIZED(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_QUOTA_UNINITIALIZED),
    EX_ALLOCATE_POOL_PRIORITY_ZERO(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_PRIORITY_ZERO),
    EX_ALLOCATE_POOL_PRIORITY_UNINITIALIZED(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_PRIORITY_UNINITIALIZED),
    FS_RTL_ALLOCATE_POOL_WITH_TAG(dev.pooltags.core.PoolRoutine.FS_RTL_ALLOCATE_POOL_WITH_TAG),
    FS_RTL_ALLOCATE_POOL_WITH_QUOTA_TAG(dev.pooltags.core.PoolRoutine.FS_RTL_ALLOCATE_POOL_WITH_QUOTA_TAG),
    FLT_ALLOCATE_POOL_ALIGNED_WITH_TAG(dev.pooltags.core.PoolRoutine.FLT_ALLOCATE_POOL_ALIGNED_WITH_TAG),
    NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY(dev.pooltags.core.PoolRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY),
    NDIS_ALLOCATE_MEMORY_WITH_TAG(dev.pooltags.core.PoolRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG),
    WDF_MEMORY_CREATE(dev.pooltags.core.PoolRoutine.WDF_MEMORY_CREATE),
    WDF_LOOKASIDE_LIST_CREATE(dev.pooltags.core.PoolRoutine.WDF_LOOKASIDE_LIST_CREATE),
    EX_INITIALIZE_NPAGED_LOOKASIDE_LIST(dev.pooltags.core.PoolRoutine.EX_INITIALIZE_NPAGED_LOOKASIDE_LIST),
    EX_INITIALIZE_PAGED_LOOKASIDE_LIST(dev.pooltags.core.PoolRoutine.EX_INITIALIZE_PAGED_LOOKASIDE_LIST),
    EX_INITIALIZE_LOOKASIDE_LIST_EX(dev.pooltags.core.PoolRoutine.EX_INITIALIZE_LOOKASIDE_LIST_EX),
    FLT_ALLOCATE_CONTEXT(dev.pooltags.core.PoolRoutine.FLT_ALLOCATE_CONTEXT),
    NDIS_ALLOCATE_MEMORY(dev.pooltags.core.PoolRoutine.NDIS_ALLOCATE_MEMORY),
    STOR_PORT_ALLOCATE_POOL(dev.pooltags.core.PoolRoutine.STOR_PORT_ALLOCATE_POOL),
    ENG_ALLOC_MEM(dev.pooltags.core.PoolRoutine.ENG_ALLOC_MEM),
    VIDEO_PORT_ALLOCATE_POOL(dev.pooltags.core.PoolRoutine.VIDEO_PORT_ALLOCATE_POOL),
    EX_FREE_POOL_WITH_TAG(dev.pooltags.core.PoolRoutine.EX_FREE_POOL_WITH_TAG),
    EX_FREE_POOL2(dev.pooltags.core.PoolRoutine.EX_FREE_POOL2),
    NDIS_FREE_MEMORY_WITH_TAG_PRIORITY(dev.pooltags.core.PoolRoutine.NDIS_FREE_MEMORY_WITH_TAG_PRIORITY),
    FLT_FREE_POOL_ALIGNED_WITH_TAG(dev.pooltags.core.PoolRoutine.FLT_FREE_POOL_ALIGNED_WITH_TAG),
    EX_FREE_POOL(dev.pooltags.core.PoolRoutine.EX_FREE_POOL),
    NDIS_FREE_MEMORY(dev.pooltags.core.PoolRoutine.NDIS_FREE_MEMORY),
    STOR_PORT_FREE_POOL(dev.pooltags.core.PoolRoutine.STOR_PORT_FREE_POOL),
    VIDEO_PORT_FREE_POOL(dev.pooltags.core.PoolRoutine.VIDEO_PORT_FREE_POOL),
    ENG_FREE_MEM(dev.pooltags.core.PoolRoutine.ENG_FREE_MEM);

    /**
     * What the routine does with the pool: the catalogue's kinds ({@link dev.pooltags.core.PoolRoutine.Kind}, which
     * says what each means), by the same names, which lint's own wrappers and configuration also use.
     */
    public enum Kind { ALLOCATE, ALLOCATE_OUT, FRAMEWORK, LOOKASIDE, CONTEXT, FREE }

    private static final Map<String, PoolRoutine> BY_NAME = new HashMap<>();

    static {
        for (PoolRoutine r : values()) {
            BY_NAME.put(r.routineName(), r);
        }
    }

    private final dev.pooltags.core.PoolRoutine entry;
    private final Kind kind;

    PoolRoutine(dev.pooltags.core.PoolRoutine entry) {
        this.entry = entry;
        this.kind = Kind.valueOf(entry.kind().name());
    }

    /** The routine with this exact (case-sensitive) name, or null. */
    public static PoolRoutine byName(String name) {
        return BY_NAME.get(name);
    }

    /** The catalogue's entry for this routine. */
    public dev.pooltags.core.PoolRoutine entry() {
        return entry;
    }

    @Override
    public String routineName() {
        return entry.routineName();
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** Index of the tag argument, -1 for the untagged allocators. */
    @Override
    public int tagArg() {
        return entry.tagArg();
    }

    /** Index of the POOL_TYPE argument, or -1. */
    @Override
    public int poolTypeArg() {
        return entry.poolTypeArg();
    }

    /** Index of the POOL_FLAGS argument (ExAllocatePool2/3), or -1. */
    @Override
    public int poolFlagsArg() {
        return entry.poolFlagsArg();
    }

    /** Index of the lookaside Flags argument that carries POOL_NX_ALLOCATION, or -1. */
    @Override
    public int lookasideFlagsArg() {
        return entry.lookasideFlagsArg();
    }

    /** Index of the pointer argument (the block freed, or {@code &p} receiving it), or -1. */
    @Override
    public int pointerArg() {
        return entry.pointerArg();
    }

    /** True for the ExAllocatePool family an NDIS miniport should not call directly. */
    @Override
    public boolean isKernelAllocator() {
        return entry.isKernelAllocator();
    }

    @Override
    public PoolRoutine base() {
        return this;
    }
}
