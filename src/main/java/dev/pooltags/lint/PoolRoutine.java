package dev.pooltags.lint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routines lint recognises in source: those of the catalogue ({@link dev.pooltags.core.PoolRoutine}, which holds
 * every argument position, module and document) that take a pool tag or a pool type or free a block. The frees
 * without a tag (ExFreePool, NdisFreeMemory, StorPortFreePool, VideoPortFreePool) are listed so a driver's own free
 * functions built on them are recognised. Each is the one view of its catalogue entry, made once below, so routines
 * are compared with {@code ==}.
 *
 * @param routineName       the routine's name as in the headers
 * @param kind              what it does with the pool
 * @param tagArg            index of the tag argument, -1 for the untagged allocators
 * @param poolTypeArg       index of the POOL_TYPE argument, or -1
 * @param poolFlagsArg      index of the POOL_FLAGS argument (ExAllocatePool2/3), or -1
 * @param lookasideFlagsArg index of the lookaside Flags argument that carries POOL_NX_ALLOCATION, or -1
 * @param pointerArg        index of the pointer argument (the block freed, or {@code &p} receiving it), or -1
 * @param isKernelAllocator true for the ExAllocatePool family an NDIS miniport should not call directly
 * @param entry             the catalogue's entry, from which all of the above are read
 */
public record PoolRoutine(String routineName, Kind kind, int tagArg, int poolTypeArg, int poolFlagsArg,
        int lookasideFlagsArg, int pointerArg, boolean isKernelAllocator, dev.pooltags.core.PoolRoutine entry)
        implements Routine {
    /**
     * What the routine does with the pool: the catalogue's kinds ({@link dev.pooltags.core.PoolRoutine.Kind}, which
     * says what each means), by the same names, which lint's own wrappers and configuration also use.
     */
    public enum Kind { ALLOCATE, ALLOCATE_OUT, FRAMEWORK, LOOKASIDE, CONTEXT, FREE }

    /** Every routine, by name, in the order declared below (filled as the constants are made). */
    private static final Map<String, PoolRoutine> BY_NAME = new LinkedHashMap<>();

    public static final PoolRoutine EX_ALLOCATE_POOL = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL);
    public static final PoolRoutine EX_ALLOCATE_POOL_WITH_QUOTA = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_WITH_QUOTA);
    public static final PoolRoutine EX_ALLOCATE_POOL_WITH_TAG = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_WITH_TAG);
    public static final PoolRoutine EX_ALLOCATE_POOL_WITH_QUOTA_TAG = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_WITH_QUOTA_TAG);
    public static final PoolRoutine EX_ALLOCATE_POOL_WITH_TAG_PRIORITY = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_WITH_TAG_PRIORITY);
    public static final PoolRoutine EX_ALLOCATE_POOL2 = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL2);
    public static final PoolRoutine EX_ALLOCATE_POOL3 = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL3);
    public static final PoolRoutine EX_ALLOCATE_POOL_ZERO = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_ZERO);
    public static final PoolRoutine EX_ALLOCATE_POOL_UNINITIALIZED = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_UNINITIALIZED);
    public static final PoolRoutine EX_ALLOCATE_POOL_QUOTA_ZERO = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_QUOTA_ZERO);
    public static final PoolRoutine EX_ALLOCATE_POOL_QUOTA_UNINITIALIZED = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_QUOTA_UNINITIALIZED);
    public static final PoolRoutine EX_ALLOCATE_POOL_PRIORITY_ZERO = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_PRIORITY_ZERO);
    public static final PoolRoutine EX_ALLOCATE_POOL_PRIORITY_UNINITIALIZED = of(dev.pooltags.core.PoolRoutine.EX_ALLOCATE_POOL_PRIORITY_UNINITIALIZED);
    public static final PoolRoutine FS_RTL_ALLOCATE_POOL_WITH_TAG = of(dev.pooltags.core.PoolRoutine.FS_RTL_ALLOCATE_POOL_WITH_TAG);
    public static final PoolRoutine FS_RTL_ALLOCATE_POOL_WITH_QUOTA_TAG = of(dev.pooltags.core.PoolRoutine.FS_RTL_ALLOCATE_POOL_WITH_QUOTA_TAG);
    public static final PoolRoutine FLT_ALLOCATE_POOL_ALIGNED_WITH_TAG = of(dev.pooltags.core.PoolRoutine.FLT_ALLOCATE_POOL_ALIGNED_WITH_TAG);
    public static final PoolRoutine NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY = of(dev.pooltags.core.PoolRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY);
    public static final PoolRoutine NDIS_ALLOCATE_MEMORY_WITH_TAG = of(dev.pooltags.core.PoolRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG);
    public static final PoolRoutine WDF_MEMORY_CREATE = of(dev.pooltags.core.PoolRoutine.WDF_MEMORY_CREATE);
    public static final PoolRoutine WDF_LOOKASIDE_LIST_CREATE = of(dev.pooltags.core.PoolRoutine.WDF_LOOKASIDE_LIST_CREATE);
    public static final PoolRoutine EX_INITIALIZE_NPAGED_LOOKASIDE_LIST = of(dev.pooltags.core.PoolRoutine.EX_INITIALIZE_NPAGED_LOOKASIDE_LIST);
    public static final PoolRoutine EX_INITIALIZE_PAGED_LOOKASIDE_LIST = of(dev.pooltags.core.PoolRoutine.EX_INITIALIZE_PAGED_LOOKASIDE_LIST);
    public static final PoolRoutine EX_INITIALIZE_LOOKASIDE_LIST_EX = of(dev.pooltags.core.PoolRoutine.EX_INITIALIZE_LOOKASIDE_LIST_EX);
    public static final PoolRoutine FLT_ALLOCATE_CONTEXT = of(dev.pooltags.core.PoolRoutine.FLT_ALLOCATE_CONTEXT);
    public static final PoolRoutine NDIS_ALLOCATE_MEMORY = of(dev.pooltags.core.PoolRoutine.NDIS_ALLOCATE_MEMORY);
    public static final PoolRoutine STOR_PORT_ALLOCATE_POOL = of(dev.pooltags.core.PoolRoutine.STOR_PORT_ALLOCATE_POOL);
    public static final PoolRoutine ENG_ALLOC_MEM = of(dev.pooltags.core.PoolRoutine.ENG_ALLOC_MEM);
    public static final PoolRoutine VIDEO_PORT_ALLOCATE_POOL = of(dev.pooltags.core.PoolRoutine.VIDEO_PORT_ALLOCATE_POOL);
    public static final PoolRoutine EX_FREE_POOL_WITH_TAG = of(dev.pooltags.core.PoolRoutine.EX_FREE_POOL_WITH_TAG);
    public static final PoolRoutine EX_FREE_POOL2 = of(dev.pooltags.core.PoolRoutine.EX_FREE_POOL2);
    public static final PoolRoutine NDIS_FREE_MEMORY_WITH_TAG_PRIORITY = of(dev.pooltags.core.PoolRoutine.NDIS_FREE_MEMORY_WITH_TAG_PRIORITY);
    public static final PoolRoutine FLT_FREE_POOL_ALIGNED_WITH_TAG = of(dev.pooltags.core.PoolRoutine.FLT_FREE_POOL_ALIGNED_WITH_TAG);
    public static final PoolRoutine EX_FREE_POOL = of(dev.pooltags.core.PoolRoutine.EX_FREE_POOL);
    public static final PoolRoutine NDIS_FREE_MEMORY = of(dev.pooltags.core.PoolRoutine.NDIS_FREE_MEMORY);
    public static final PoolRoutine STOR_PORT_FREE_POOL = of(dev.pooltags.core.PoolRoutine.STOR_PORT_FREE_POOL);
    public static final PoolRoutine VIDEO_PORT_FREE_POOL = of(dev.pooltags.core.PoolRoutine.VIDEO_PORT_FREE_POOL);
    public static final PoolRoutine ENG_FREE_MEM = of(dev.pooltags.core.PoolRoutine.ENG_FREE_MEM);

    /** The one view of a catalogue entry; only the constants above are made. */
    private static PoolRoutine of(dev.pooltags.core.PoolRoutine e) {
        PoolRoutine r = new PoolRoutine(e.routineName(), Kind.valueOf(e.kind().name()), e.tagArg(), e.poolTypeArg(),
                e.poolFlagsArg(), e.lookasideFlagsArg(), e.pointerArg(), e.isKernelAllocator(), e);
        BY_NAME.put(r.routineName(), r);
        return r;
    }

    /** Every routine lint recognises, in declaration order. */
    public static List<PoolRoutine> values() {
        return List.copyOf(BY_NAME.values());
    }

    /** The routine with this exact (case-sensitive) name, or null. */
    public static PoolRoutine byName(String name) {
        return BY_NAME.get(name);
    }

    @Override
    public PoolRoutine base() {
        return this;
    }
}
