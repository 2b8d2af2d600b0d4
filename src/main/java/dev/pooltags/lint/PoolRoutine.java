package dev.pooltags.lint;

import java.util.HashMap;
import java.util.Map;

/**
 * The kernel, NDIS, Storport, video port, filter-manager and framework routines that take a pool tag or a pool type
 * or free a block, with the position (0-based) of each argument that matters. Positions follow the documented
 * prototypes in wdm.h, ntifs.h, ndis.h, storport.h, video.h, winddi.h, fltKernel.h and wdfmemory.h; -1 means the routine
 * has no such argument. The frees without a tag (ExFreePool, NdisFreeMemory, StorPortFreePool, VideoPortFreePool)
 * are listed so a driver's own free functions built on them are recognised.
 */
public enum PoolRoutine implements Routine {
    // name, kind, tag, pool type, POOL_FLAGS, lookaside flags, pointer, kernel allocator (rule PT007)
    EX_ALLOCATE_POOL("ExAllocatePool", Kind.ALLOCATE, -1, 0, -1, -1, -1, true),
    EX_ALLOCATE_POOL_WITH_QUOTA("ExAllocatePoolWithQuota", Kind.ALLOCATE, -1, 0, -1, -1, -1, true),
    EX_ALLOCATE_POOL_WITH_TAG("ExAllocatePoolWithTag", Kind.ALLOCATE, 2, 0, -1, -1, -1, true),
    EX_ALLOCATE_POOL_WITH_QUOTA_TAG("ExAllocatePoolWithQuotaTag", Kind.ALLOCATE, 2, 0, -1, -1, -1, true),
    EX_ALLOCATE_POOL_WITH_TAG_PRIORITY("ExAllocatePoolWithTagPriority", Kind.ALLOCATE, 2, 0, -1, -1, -1, true),
    EX_ALLOCATE_POOL2("ExAllocatePool2", Kind.ALLOCATE, 2, -1, 0, -1, -1, true),
    EX_ALLOCATE_POOL3("ExAllocatePool3", Kind.ALLOCATE, 2, -1, 0, -1, -1, true),
    EX_ALLOCATE_POOL_ZERO("ExAllocatePoolZero", Kind.ALLOCATE, 2, 0, -1, -1, -1, true),
    EX_ALLOCATE_POOL_UNINITIALIZED("ExAllocatePoolUninitialized", Kind.ALLOCATE, 2, 0, -1, -1, -1, true),
    EX_ALLOCATE_POOL_QUOTA_ZERO("ExAllocatePoolQuotaZero", Kind.ALLOCATE, 2, 0, -1, -1, -1, true),
    EX_ALLOCATE_POOL_QUOTA_UNINITIALIZED("ExAllocatePoolQuotaUninitialized", Kind.ALLOCATE, 2, 0, -1, -1, -1, true),
    EX_ALLOCATE_POOL_PRIORITY_ZERO("ExAllocatePoolPriorityZero", Kind.ALLOCATE, 2, 0, -1, -1, -1, true),
    EX_ALLOCATE_POOL_PRIORITY_UNINITIALIZED("ExAllocatePoolPriorityUninitialized", Kind.ALLOCATE, 2, 0, -1, -1, -1, true),
    FS_RTL_ALLOCATE_POOL_WITH_TAG("FsRtlAllocatePoolWithTag", Kind.ALLOCATE, 2, 0, -1, -1, -1, false),
    FS_RTL_ALLOCATE_POOL_WITH_QUOTA_TAG("FsRtlAllocatePoolWithQuotaTag", Kind.ALLOCATE, 2, 0, -1, -1, -1, false),
    FLT_ALLOCATE_POOL_ALIGNED_WITH_TAG("FltAllocatePoolAlignedWithTag", Kind.ALLOCATE, 3, 1, -1, -1, -1, false),
    NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY("NdisAllocateMemoryWithTagPriority", Kind.ALLOCATE, 2, -1, -1, -1, -1, false),
    /** Returns the block through its first argument ({@code &p}). */
    NDIS_ALLOCATE_MEMORY_WITH_TAG("NdisAllocateMemoryWithTag", Kind.ALLOCATE_OUT, 2, -1, -1, -1, 0, false),
    WDF_MEMORY_CREATE("WdfMemoryCreate", Kind.FRAMEWORK, 2, 1, -1, -1, -1, false),
    WDF_LOOKASIDE_LIST_CREATE("WdfLookasideListCreate", Kind.FRAMEWORK, 4, 2, -1, -1, -1, false),
    EX_INITIALIZE_NPAGED_LOOKASIDE_LIST("ExInitializeNPagedLookasideList", Kind.LOOKASIDE, 5, -1, -1, 3, -1, false),
    EX_INITIALIZE_PAGED_LOOKASIDE_LIST("ExInitializePagedLookasideList", Kind.LOOKASIDE, 5, -1, -1, -1, -1, false),
    EX_INITIALIZE_LOOKASIDE_LIST_EX("ExInitializeLookasideListEx", Kind.LOOKASIDE, 6, 3, -1, -1, -1, false),
    FLT_ALLOCATE_CONTEXT("FltAllocateContext", Kind.CONTEXT, -1, 3, -1, -1, -1, false),
    /** The deprecated untagged NDIS allocator: the block comes back through its first argument. */
    NDIS_ALLOCATE_MEMORY("NdisAllocateMemory", Kind.ALLOCATE_OUT, -1, -1, -1, -1, 0, false),
    /** storport.h: (HwDeviceExtension, NumberOfBytes, Tag, BufferPointer), the block through BufferPointer. */
    STOR_PORT_ALLOCATE_POOL("StorPortAllocatePool", Kind.ALLOCATE_OUT, 2, -1, -1, -1, 3, false),
    /** winddi.h, for display and printer drivers: (Flags, MemSize, Tag). */
    ENG_ALLOC_MEM("EngAllocMem", Kind.ALLOCATE, 2, -1, -1, -1, -1, false),
    /** video.h: (HwDeviceExtension, VP_POOL_TYPE, NumberOfBytes, Tag). */
    VIDEO_PORT_ALLOCATE_POOL("VideoPortAllocatePool", Kind.ALLOCATE, 3, 1, -1, -1, -1, false),
    EX_FREE_POOL_WITH_TAG("ExFreePoolWithTag", Kind.FREE, 1, -1, -1, -1, 0, false),
    EX_FREE_POOL2("ExFreePool2", Kind.FREE, 1, -1, -1, -1, 0, false),
    NDIS_FREE_MEMORY_WITH_TAG_PRIORITY("NdisFreeMemoryWithTagPriority", Kind.FREE, 2, -1, -1, -1, 1, false),
    FLT_FREE_POOL_ALIGNED_WITH_TAG("FltFreePoolAlignedWithTag", Kind.FREE, 2, -1, -1, -1, 1, false),
    /** Frees without checking a tag. */
    EX_FREE_POOL("ExFreePool", Kind.FREE, -1, -1, -1, -1, 0, false),
    NDIS_FREE_MEMORY("NdisFreeMemory", Kind.FREE, -1, -1, -1, -1, 0, false),
    STOR_PORT_FREE_POOL("StorPortFreePool", Kind.FREE, -1, -1, -1, -1, 1, false),
    VIDEO_PORT_FREE_POOL("VideoPortFreePool", Kind.FREE, -1, -1, -1, -1, 1, false),
    ENG_FREE_MEM("EngFreeMem", Kind.FREE, -1, -1, -1, -1, 0, false);

    /** What the routine does with the pool. */
    public enum Kind {
        /** Returns a new block. */
        ALLOCATE,
        /** Stores a new block through a pointer argument. */
        ALLOCATE_OUT,
        /** A framework object (WDF) that allocates pool with the tag; tag 0 means the driver's default tag. */
        FRAMEWORK,
        /** Sets up a lookaside list whose entries carry the tag. */
        LOOKASIDE,
        /** Allocates a filter-manager context from a pool type, with no tag of the caller's. */
        CONTEXT,
        /** Frees a block, checking the tag. */
        FREE
    }

    private static final Map<String, PoolRoutine> BY_NAME = new HashMap<>();

    static {
        for (PoolRoutine r : values()) {
            BY_NAME.put(r.routineName, r);
        }
    }

    private final String routineName;
    private final Kind kind;
    private final int tagArg;
    private final int poolTypeArg;
    private final int poolFlagsArg;
    private final int lookasideFlagsArg;
    private final int pointerArg;
    private final boolean kernelAllocator;

    PoolRoutine(String name, Kind kind, int tagArg, int poolTypeArg, int poolFlagsArg, int lookasideFlagsArg,
            int pointerArg, boolean kernelAllocator) {
        this.routineName = name;
        this.kind = kind;
        this.tagArg = tagArg;
        this.poolTypeArg = poolTypeArg;
        this.poolFlagsArg = poolFlagsArg;
        this.lookasideFlagsArg = lookasideFlagsArg;
        this.pointerArg = pointerArg;
        this.kernelAllocator = kernelAllocator;
    }

    /** The routine with this exact (case-sensitive) name, or null. */
    public static PoolRoutine byName(String name) {
        return BY_NAME.get(name);
    }

    @Override
    public String routineName() {
        return routineName;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** Index of the tag argument, -1 for the untagged allocators. */
    @Override
    public int tagArg() {
        return tagArg;
    }

    /** Index of the POOL_TYPE argument, or -1. */
    @Override
    public int poolTypeArg() {
        return poolTypeArg;
    }

    /** Index of the POOL_FLAGS argument (ExAllocatePool2/3), or -1. */
    @Override
    public int poolFlagsArg() {
        return poolFlagsArg;
    }

    /** Index of the lookaside Flags argument that carries POOL_NX_ALLOCATION, or -1. */
    @Override
    public int lookasideFlagsArg() {
        return lookasideFlagsArg;
    }

    /** Index of the pointer argument (the block freed, or {@code &p} receiving it), or -1. */
    @Override
    public int pointerArg() {
        return pointerArg;
    }

    /** True for the ExAllocatePool family an NDIS miniport should not call directly. */
    @Override
    public boolean isKernelAllocator() {
        return kernelAllocator;
    }

    @Override
    public PoolRoutine base() {
        return this;
    }
}
