package dev.pooltags.scan;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pool routines a driver imports, where each takes its tag and what it does with it. Signatures are the
 * documented ones (wdm.h, ndis.h, fltkernel.h, video.h, storport.h): argument positions count from 0; {@code x86Slots}
 * gives each argument's size in 4-byte stack slots on x86, where a 64-bit POOL_FLAGS takes two, so the tag of
 * ExAllocatePool2 is the fourth slot there but the third argument register on x64 and ARM64.
 */
public enum PoolRoutine {
    EX_ALLOCATE_POOL_WITH_TAG("ExAllocatePoolWithTag", Module.NTOSKRNL, Action.ALLOCATE, 2, 1, 1, 1),
    EX_ALLOCATE_POOL_WITH_QUOTA_TAG("ExAllocatePoolWithQuotaTag", Module.NTOSKRNL, Action.ALLOCATE, 2, 1, 1, 1),
    EX_ALLOCATE_POOL_WITH_TAG_PRIORITY("ExAllocatePoolWithTagPriority", Module.NTOSKRNL, Action.ALLOCATE, 2, 1, 1, 1, 1),
    EX_ALLOCATE_POOL2("ExAllocatePool2", Module.NTOSKRNL, Action.ALLOCATE, 2, 2, 1, 1),
    EX_ALLOCATE_POOL3("ExAllocatePool3", Module.NTOSKRNL, Action.ALLOCATE, 2, 2, 1, 1, 1, 1),
    EX_ALLOCATE_CACHE_AWARE_RUNDOWN_PROTECTION("ExAllocateCacheAwareRundownProtection", Module.NTOSKRNL, Action.ALLOCATE,
            1, 1, 1),
    EX_ALLOCATE_POOL("ExAllocatePool", Module.NTOSKRNL, Action.ALLOCATE, -1, 1, 1),
    EX_ALLOCATE_POOL_WITH_QUOTA("ExAllocatePoolWithQuota", Module.NTOSKRNL, Action.ALLOCATE, -1, 1, 1),
    EX_FREE_POOL_WITH_TAG("ExFreePoolWithTag", Module.NTOSKRNL, Action.FREE, 1, 1, 1),
    EX_FREE_POOL2("ExFreePool2", Module.NTOSKRNL, Action.FREE, 1, 1, 1, 1, 1),
    EX_FREE_POOL("ExFreePool", Module.NTOSKRNL, Action.FREE, -1, 1),
    EX_INITIALIZE_NPAGED_LOOKASIDE_LIST("ExInitializeNPagedLookasideList", Module.NTOSKRNL, Action.LOOKASIDE, 5,
            1, 1, 1, 1, 1, 1, 1),
    EX_INITIALIZE_PAGED_LOOKASIDE_LIST("ExInitializePagedLookasideList", Module.NTOSKRNL, Action.LOOKASIDE, 5,
            1, 1, 1, 1, 1, 1, 1),
    EX_INITIALIZE_LOOKASIDE_LIST_EX("ExInitializeLookasideListEx", Module.NTOSKRNL, Action.LOOKASIDE, 6,
            1, 1, 1, 1, 1, 1, 1, 1),
    NDIS_ALLOCATE_MEMORY_WITH_TAG("NdisAllocateMemoryWithTag", Module.NDIS, Action.ALLOCATE, 2, 1, 1, 1),
    NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY("NdisAllocateMemoryWithTagPriority", Module.NDIS, Action.ALLOCATE, 2, 1, 1, 1, 1),
    NDIS_FREE_MEMORY_WITH_TAG_PRIORITY("NdisFreeMemoryWithTagPriority", Module.NDIS, Action.FREE, 2, 1, 1, 1),
    NDIS_FREE_MEMORY("NdisFreeMemory", Module.NDIS, Action.FREE, -1, 1, 1, 1),
    FLT_ALLOCATE_POOL_ALIGNED_WITH_TAG("FltAllocatePoolAlignedWithTag", Module.FLTMGR, Action.ALLOCATE, 3, 1, 1, 1, 1),
    FLT_FREE_POOL_ALIGNED_WITH_TAG("FltFreePoolAlignedWithTag", Module.FLTMGR, Action.FREE, 2, 1, 1, 1),
    VIDEO_PORT_ALLOCATE_POOL("VideoPortAllocatePool", Module.VIDEOPRT, Action.ALLOCATE, 3, 1, 1, 1, 1),
    VIDEO_PORT_FREE_POOL("VideoPortFreePool", Module.VIDEOPRT, Action.FREE, -1, 1, 1),
    /**
     * StorPortAllocatePool is an inline function of storport.h: the binary calls the variadic (cdecl)
     * StorPortExtendedFunction with ExtFunctionAllocatePool (0) first and the tag fourth.
     */
    STOR_PORT_ALLOCATE_POOL("StorPortAllocatePool", "StorPortExtendedFunction", Module.STORPORT, Action.ALLOCATE, 3, 0, 0,
            true, 1, 1, 1, 1, 1);

    /** What the routine does with the tag. */
    public enum Action {
        ALLOCATE("alloc"),
        FREE("free"),
        /** Sets up a lookaside list whose allocations carry the tag. */
        LOOKASIDE("lookaside");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The kernel module exporting a routine; the kernel itself goes by several file names. */
    public enum Module {
        NTOSKRNL("ntoskrnl.exe", "ntkrnlpa.exe", "ntkrnlmp.exe", "ntkrpamp.exe"),
        NDIS("ndis.sys"),
        FLTMGR("fltmgr.sys"),
        VIDEOPRT("videoprt.sys"),
        STORPORT("storport.sys");

        private final String[] files;

        Module(String... files) {
            this.files = files;
        }

        public String fileName() {
            return files[0];
        }

        boolean matches(String module) {
            for (String f : files) {
                if (f.equalsIgnoreCase(module)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Map<String, PoolRoutine> BY_NAME = new HashMap<>();

    static {
        for (PoolRoutine r : values()) {
            BY_NAME.put(r.importName, r);
        }
    }

    private final String routineName;
    private final String importName;
    private final Module module;
    private final Action action;
    private final int tagArg;
    private final int selectorArg;
    private final long selectorValue;
    private final boolean cdecl;
    private final int[] x86Slots;

    PoolRoutine(String routineName, Module module, Action action, int tagArg, int... x86Slots) {
        this(routineName, routineName, module, action, tagArg, -1, 0, false, x86Slots);
    }

    /**
     * A routine reached through an export of another name, whose argument {@code selectorArg} must hold
     * {@code selectorValue} for the call to be this routine; {@code cdecl} routines pop nothing on x86.
     */
    PoolRoutine(String routineName, String importName, Module module, Action action, int tagArg, int selectorArg,
            long selectorValue, boolean cdecl, int... x86Slots) {
        this.routineName = routineName;
        this.importName = importName;
        this.module = module;
        this.action = action;
        this.tagArg = tagArg;
        this.selectorArg = selectorArg;
        this.selectorValue = selectorValue;
        this.cdecl = cdecl;
        this.x86Slots = x86Slots;
    }

    /** The routine an import names, or null: the name must match exactly and the module must export it. */
    public static PoolRoutine forImport(String module, String name) {
        if (name == null) {
            return null;
        }
        PoolRoutine r = BY_NAME.get(name);
        return r != null && r.module.matches(module.toLowerCase(Locale.ROOT)) ? r : null;
    }

    /** The routine with this exported name, or null. */
    public static PoolRoutine named(String name) {
        return BY_NAME.get(name);
    }

    /** The export the binary calls (the routine's own name, or the function an inline routine calls). */
    public String importName() {
        return importName;
    }

    /** The argument that says which routine a shared export is, or -1 when the export is this routine alone. */
    public int selectorArgument() {
        return selectorArg;
    }

    /** The value {@link #selectorArgument()} holds for this routine. */
    public long selectorValue() {
        return selectorValue;
    }

    /** Index of the 4-byte x86 stack slot holding the selector, -1 when there is none. */
    public int x86SelectorSlot() {
        if (selectorArg < 0) {
            return -1;
        }
        int s = 0;
        for (int i = 0; i < selectorArg; i++) {
            s += x86Slots[i];
        }
        return s;
    }

    public String routineName() {
        return routineName;
    }

    public Module module() {
        return module;
    }

    public Action action() {
        return action;
    }

    /** False for ExAllocatePool and the other routines that take no tag. */
    public boolean tagged() {
        return tagArg >= 0;
    }

    /** Position of the tag among the arguments (x64 and ARM64 registers and stack), -1 when untagged. */
    public int tagArgument() {
        return tagArg;
    }

    /** Index of the 4-byte x86 stack slot holding the tag, -1 when untagged. */
    public int x86TagSlot() {
        if (tagArg < 0) {
            return -1;
        }
        int s = 0;
        for (int i = 0; i < tagArg; i++) {
            s += x86Slots[i];
        }
        return s;
    }

    /** Bytes of arguments an x86 (__stdcall) call pushes and the routine pops (none for __cdecl). */
    public int x86ArgumentBytes() {
        if (cdecl) {
            return 0;
        }
        int s = 0;
        for (int v : x86Slots) {
            s += v;
        }
        return 4 * s;
    }
}
