package dev.pooltags.core;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one catalogue of the routines that allocate or free kernel pool (or set up something that does): who exports
 * each, what it does, the 0-based position of each argument that matters in the documented prototype (wdm.h,
 * ntifs.h, ndis.h, storport.h, video.h, winddi.h, fltKernel.h, wdfmemory.h; -1 when the routine has no such
 * argument), how a compiled call passes them ({@link Call}: the export called and the x86 stack slots, for the
 * routines {@code scan} finds in binaries), what the pool model does with them (pool flags instead of a pool type, a
 * tag compared on free) and the Microsoft page that defines it. Lint, scan and the event model each use the part they
 * need; none keeps a table of its own.
 */
public enum PoolRoutine {
    // name, module, header, kind, arguments (tag, pool type, POOL_FLAGS, lookaside flags, pointer), kernel allocator, call
    EX_ALLOCATE_POOL("ExAllocatePool", Module.NTOSKRNL, "wdm", Kind.ALLOCATE, args(-1, 0, -1, -1, -1), true, call(1, 1)),
    EX_ALLOCATE_POOL_WITH_QUOTA("ExAllocatePoolWithQuota", Module.NTOSKRNL, "wdm", Kind.ALLOCATE, args(-1, 0, -1, -1, -1),
            true, call(1, 1)),
    EX_ALLOCATE_POOL_WITH_TAG("ExAllocatePoolWithTag", Module.NTOSKRNL, "wdm", Kind.ALLOCATE, args(2, 0, -1, -1, -1), true,
            call(1, 1, 1)),
    EX_ALLOCATE_POOL_WITH_QUOTA_TAG("ExAllocatePoolWithQuotaTag", Module.NTOSKRNL, "wdm", Kind.ALLOCATE,
            args(2, 0, -1, -1, -1), true, call(1, 1, 1)),
    EX_ALLOCATE_POOL_WITH_TAG_PRIORITY("ExAllocatePoolWithTagPriority", Module.NTOSKRNL, "wdm", Kind.ALLOCATE,
            args(2, 0, -1, -1, -1), true, call(1, 1, 1, 1)),
    /** A 64-bit POOL_FLAGS takes two x86 stack slots, so the tag is the fourth slot there, the third argument elsewhere. */
    EX_ALLOCATE_POOL2("ExAllocatePool2", Module.NTOSKRNL, "wdm", Kind.ALLOCATE, args(2, -1, 0, -1, -1), true, call(2, 1, 1)),
    EX_ALLOCATE_POOL3("ExAllocatePool3", Module.NTOSKRNL, "wdm", Kind.ALLOCATE, args(2, -1, 0, -1, -1), true,
            call(2, 1, 1, 1, 1)),
    // the inline wrappers of wdm.h: seen in source, compiled into calls of the routines above
    EX_ALLOCATE_POOL_ZERO("ExAllocatePoolZero", Module.NTOSKRNL, "wdm", Kind.ALLOCATE, args(2, 0, -1, -1, -1), true, null),
    EX_ALLOCATE_POOL_UNINITIALIZED("ExAllocatePoolUninitialized", Module.NTOSKRNL, "wdm", Kind.ALLOCATE,
            args(2, 0, -1, -1, -1), true, null),
    EX_ALLOCATE_POOL_QUOTA_ZERO("ExAllocatePoolQuotaZero", Module.NTOSKRNL, "wdm", Kind.ALLOCATE, args(2, 0, -1, -1, -1),
            true, null),
    EX_ALLOCATE_POOL_QUOTA_UNINITIALIZED("ExAllocatePoolQuotaUninitialized", Module.NTOSKRNL, "wdm", Kind.ALLOCATE,
            args(2, 0, -1, -1, -1), true, null),
    EX_ALLOCATE_POOL_PRIORITY_ZERO("ExAllocatePoolPriorityZero", Module.NTOSKRNL, "wdm", Kind.ALLOCATE,
            args(2, 0, -1, -1, -1), true, null),
    EX_ALLOCATE_POOL_PRIORITY_UNINITIALIZED("ExAllocatePoolPriorityUninitialized", Module.NTOSKRNL, "wdm", Kind.ALLOCATE,
            args(2, 0, -1, -1, -1), true, null),
    /** (PoolType, PoolTag): a cache-aware rundown protection object in pool, carrying the tag. */
    EX_ALLOCATE_CACHE_AWARE_RUNDOWN_PROTECTION("ExAllocateCacheAwareRundownProtection", Module.NTOSKRNL, "wdm",
            Kind.ALLOCATE, args(1, 0, -1, -1, -1), false, call(1, 1, 1)),
    FS_RTL_ALLOCATE_POOL_WITH_TAG("FsRtlAllocatePoolWithTag", Module.NTOSKRNL, "ntifs", Kind.ALLOCATE,
            args(2, 0, -1, -1, -1), false, null),
    FS_RTL_ALLOCATE_POOL_WITH_QUOTA_TAG("FsRtlAllocatePoolWithQuotaTag", Module.NTOSKRNL, "ntifs", Kind.ALLOCATE,
            args(2, 0, -1, -1, -1), false, null),
    FLT_ALLOCATE_POOL_ALIGNED_WITH_TAG("FltAllocatePoolAlignedWithTag", Module.FLTMGR, "fltkernel", Kind.ALLOCATE,
            args(3, 1, -1, -1, -1), false, call(1, 1, 1, 1)),
    /** Always nonpaged pool; NDIS's default tag is {@code 'maDN'}. */
    NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY("NdisAllocateMemoryWithTagPriority", Module.NDIS, "ndis", Kind.ALLOCATE,
            args(2, -1, -1, -1, -1), false, call(1, 1, 1, 1)),
    /** Returns the block through its first argument ({@code &p}); an NDIS 5 routine. */
    NDIS_ALLOCATE_MEMORY_WITH_TAG("NdisAllocateMemoryWithTag", Module.NDIS,
            "https://learn.microsoft.com/previous-versions/windows/hardware/network/ff550767(v=vs.85)", Kind.ALLOCATE_OUT,
            args(2, -1, -1, -1, 0), false, call(1, 1, 1)),
    WDF_MEMORY_CREATE("WdfMemoryCreate", Module.WDF, "wdfmemory", Kind.FRAMEWORK, args(2, 1, -1, -1, -1), false, null),
    WDF_LOOKASIDE_LIST_CREATE("WdfLookasideListCreate", Module.WDF, "wdfmemory", Kind.FRAMEWORK, args(4, 2, -1, -1, -1),
            false, null),
    EX_INITIALIZE_NPAGED_LOOKASIDE_LIST("ExInitializeNPagedLookasideList", Module.NTOSKRNL, "wdm", Kind.LOOKASIDE,
            args(5, -1, -1, 3, -1), false, call(1, 1, 1, 1, 1, 1, 1)),
    EX_INITIALIZE_PAGED_LOOKASIDE_LIST("ExInitializePagedLookasideList", Module.NTOSKRNL, "wdm", Kind.LOOKASIDE,
            args(5, -1, -1, -1, -1), false, call(1, 1, 1, 1, 1, 1, 1)),
    EX_INITIALIZE_LOOKASIDE_LIST_EX("ExInitializeLookasideListEx", Module.NTOSKRNL, "wdm", Kind.LOOKASIDE,
            args(6, 3, -1, -1, -1), false, call(1, 1, 1, 1, 1, 1, 1, 1)),
    FLT_ALLOCATE_CONTEXT("FltAllocateContext", Module.FLTMGR, "fltkernel", Kind.CONTEXT, args(-1, 3, -1, -1, -1), false,
            null),
    /** The deprecated untagged NDIS 5 allocator: the block comes back through its first argument. */
    NDIS_ALLOCATE_MEMORY("NdisAllocateMemory", Module.NDIS,
            "https://learn.microsoft.com/previous-versions/windows/hardware/network/ff550762(v=vs.85)", Kind.ALLOCATE_OUT,
            args(-1, -1, -1, -1, 0), false, null),
    /**
     * (HwDeviceExtension, NumberOfBytes, Tag, BufferPointer), the block through BufferPointer. An inline function of
     * storport.h: the binary calls the variadic (cdecl) StorPortExtendedFunction with ExtFunctionAllocatePool (0)
     * first and the tag fourth.
     */
    STOR_PORT_ALLOCATE_POOL("StorPortAllocatePool", Module.STORPORT, "storport", Kind.ALLOCATE_OUT,
            args(2, -1, -1, -1, 3), false, new Call("StorPortExtendedFunction", 3, 0, 0, true, new int[] {1, 1, 1, 1, 1})),
    /** winddi.h, for display and printer drivers: (Flags, MemSize, Tag). */
    ENG_ALLOC_MEM("EngAllocMem", Module.WIN32K, "winddi", Kind.ALLOCATE, args(2, -1, -1, -1, -1), false, null),
    /** video.h: (HwDeviceExtension, VP_POOL_TYPE, NumberOfBytes, Tag). */
    VIDEO_PORT_ALLOCATE_POOL("VideoPortAllocatePool", Module.VIDEOPRT, "video", Kind.ALLOCATE, args(3, 1, -1, -1, -1),
            false, call(1, 1, 1, 1)),
    /** The tag must be the one the block was allocated with: a different one is bug check 0xC2/0x0A. */
    EX_FREE_POOL_WITH_TAG("ExFreePoolWithTag", Module.NTOSKRNL, "wdm", Kind.FREE, args(1, -1, -1, -1, 0), false,
            call(1, 1)),
    EX_FREE_POOL2("ExFreePool2", Module.NTOSKRNL, "wdm", Kind.FREE, args(1, -1, -1, -1, 0), false, call(1, 1, 1, 1)),
    NDIS_FREE_MEMORY_WITH_TAG_PRIORITY("NdisFreeMemoryWithTagPriority", Module.NDIS, "ndis", Kind.FREE,
            args(2, -1, -1, -1, 1), false, call(1, 1, 1)),
    FLT_FREE_POOL_ALIGNED_WITH_TAG("FltFreePoolAlignedWithTag", Module.FLTMGR, "fltkernel", Kind.FREE,
            args(2, -1, -1, -1, 1), false, call(1, 1, 1)),
    /** Frees without checking a tag; a block with a PROTECTED_POOL tag cannot be freed with it. */
    EX_FREE_POOL("ExFreePool", Module.NTOSKRNL, "wdm", Kind.FREE, args(-1, -1, -1, -1, 0), false, call(1)),
    NDIS_FREE_MEMORY("NdisFreeMemory", Module.NDIS, "ndis", Kind.FREE, args(-1, -1, -1, -1, 0), false, call(1, 1, 1)),
    STOR_PORT_FREE_POOL("StorPortFreePool", Module.STORPORT, "storport", Kind.FREE, args(-1, -1, -1, -1, 1), false, null),
    VIDEO_PORT_FREE_POOL("VideoPortFreePool", Module.VIDEOPRT, "video", Kind.FREE, args(-1, -1, -1, -1, 1), false,
            call(1, 1)),
    ENG_FREE_MEM("EngFreeMem", Module.WIN32K, "winddi", Kind.FREE, args(-1, -1, -1, -1, 0), false, null);

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
        /** Frees a block, checking the tag when it takes one. */
        FREE
    }

    /** What a call site found in a binary does with its tag, as scan reports it. */
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
        STORPORT("storport.sys"),
        /** Display and printer drivers' engine routines. */
        WIN32K("win32k.sys"),
        /** The framework, reached through its function table rather than an import. */
        WDF("wdf01000.sys");

        private final String[] files;

        Module(String... files) {
            this.files = files;
        }

        public String fileName() {
            return files[0];
        }

        /** True when {@code module} (a file name, any case) is this module. */
        public boolean matches(String module) {
            for (String f : files) {
                if (f.equalsIgnoreCase(module)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Positions of the arguments that matter, -1 for none. */
    private record Args(int tag, int poolType, int poolFlags, int lookasideFlags, int pointer) {}

    /**
     * How a compiled call passes the arguments: the export called ({@code importName}, the routine itself or the
     * function an inline routine calls), the tag's position among that export's arguments, the argument that says
     * which routine a shared export is and the value it holds (-1 and 0 when the export is this routine alone),
     * whether the caller pops the arguments (cdecl) and each argument's size in 4-byte x86 stack slots.
     */
    public record Call(String importName, int tagArg, int selectorArg, long selectorValue, boolean cdecl, int[] x86Slots) {}

    private static Args args(int tag, int poolType, int poolFlags, int lookasideFlags, int pointer) {
        return new Args(tag, poolType, poolFlags, lookasideFlags, pointer);
    }

    /** The routine's own export, stdcall, with these x86 slot sizes; the tag where the prototype has it. */
    private static Call call(int... x86Slots) {
        return new Call(null, Integer.MIN_VALUE, -1, 0, false, x86Slots);
    }

    private static final Map<String, PoolRoutine> BY_NAME = new HashMap<>();
    private static final Map<String, PoolRoutine> BY_IMPORT = new HashMap<>();

    static {
        for (PoolRoutine r : values()) {
            BY_NAME.put(r.routineName, r);
            if (r.call != null) {
                BY_IMPORT.put(r.call.importName(), r);
            }
        }
    }

    private final String routineName;
    private final Module module;
    private final String documentation;
    private final Kind kind;
    private final Args args;
    private final boolean kernelAllocator;
    private final Call call;

    PoolRoutine(String name, Module module, String header, Kind kind, Args args, boolean kernelAllocator, Call call) {
        this.routineName = name;
        this.module = module;
        this.documentation = header.startsWith("https:") ? header : "https://learn.microsoft.com/windows-hardware/drivers/ddi/"
                + header + "/nf-" + header + "-" + name.toLowerCase(Locale.ROOT);
        this.kind = kind;
        this.args = args;
        this.kernelAllocator = kernelAllocator;
        this.call = call == null ? null : new Call(call.importName() == null ? name : call.importName(),
                call.tagArg() == Integer.MIN_VALUE ? args.tag() : call.tagArg(), call.selectorArg(), call.selectorValue(),
                call.cdecl(), call.x86Slots());
    }

    /** The routine with this exact (case-sensitive) name, or null. */
    public static PoolRoutine byName(String name) {
        return BY_NAME.get(name);
    }

    /** The routine with this name in any case, ignoring spaces around it (a name a trace wrote), or null. */
    public static PoolRoutine byNameIgnoringCase(String name) {
        String n = name.trim();
        for (PoolRoutine r : values()) {
            if (r.routineName.equalsIgnoreCase(n)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The routine a binary's import names, or null: the name must match exactly, the module must export it, and the
     * routine must be one whose compiled calls are described ({@link #call()}).
     */
    public static PoolRoutine forImport(String module, String name) {
        if (name == null) {
            return null;
        }
        PoolRoutine r = BY_IMPORT.get(name);
        return r != null && r.module.matches(module.toLowerCase(Locale.ROOT)) ? r : null;
    }

    /** The routine's name as in the headers. */
    public String routineName() {
        return routineName;
    }

    public Module module() {
        return module;
    }

    /** The Microsoft page that defines the routine's arguments. */
    public String documentation() {
        return documentation;
    }

    public Kind kind() {
        return kind;
    }

    /** Alloc, free or lookaside, as a call site in a binary is reported. */
    public Action action() {
        return switch (kind) {
            case FREE -> Action.FREE;
            case LOOKASIDE -> Action.LOOKASIDE;
            default -> Action.ALLOCATE;
        };
    }

    /** Index of the tag argument in the prototype, -1 for the untagged routines. */
    public int tagArg() {
        return args.tag();
    }

    /** False for ExAllocatePool and the other routines that take no tag. */
    public boolean tagged() {
        return args.tag() >= 0;
    }

    /** Index of the POOL_TYPE argument, or -1. */
    public int poolTypeArg() {
        return args.poolType();
    }

    /** Index of the POOL_FLAGS argument (ExAllocatePool2/3), or -1. */
    public int poolFlagsArg() {
        return args.poolFlags();
    }

    /** Index of the lookaside Flags argument that carries POOL_NX_ALLOCATION, or -1. */
    public int lookasideFlagsArg() {
        return args.lookasideFlags();
    }

    /** Index of the pointer argument (the block freed, or {@code &p} receiving it), or -1. */
    public int pointerArg() {
        return args.pointer();
    }

    /** True for the ExAllocatePool family an NDIS miniport should not call directly. */
    public boolean isKernelAllocator() {
        return kernelAllocator;
    }

    /** How compiled calls pass the arguments, or null for a routine scan does not look for in binaries. */
    public Call call() {
        return call;
    }

    /** The pool comes from POOL_FLAGS (ExAllocatePool2/3), which return NULL for a zero tag or bad flags. */
    public boolean takesPoolFlags() {
        return args.poolFlags() >= 0;
    }

    /** A free whose caller passes the tag it allocated with, which the kernel compares. */
    public boolean passesTag() {
        return kind == Kind.FREE && args.tag() >= 0;
    }

    /** The export the binary calls (the routine's own name, or the function an inline routine calls). */
    public String importName() {
        return call == null ? routineName : call.importName();
    }

    /** The argument that says which routine a shared export is, or -1 when the export is this routine alone. */
    public int selectorArgument() {
        return call == null ? -1 : call.selectorArg();
    }

    /** The value {@link #selectorArgument()} holds for this routine. */
    public long selectorValue() {
        return call == null ? 0 : call.selectorValue();
    }

    /** Position of the tag among the arguments of the compiled call (x64 and ARM64 registers and stack), -1 when untagged. */
    public int tagArgument() {
        return call == null ? args.tag() : call.tagArg();
    }

    /** Index of the 4-byte x86 stack slot holding the selector, -1 when there is none. */
    public int x86SelectorSlot() {
        return selectorArgument() < 0 ? -1 : x86Slot(selectorArgument());
    }

    /** Index of the 4-byte x86 stack slot holding the tag, -1 when untagged. */
    public int x86TagSlot() {
        return tagArgument() < 0 ? -1 : x86Slot(tagArgument());
    }

    private int x86Slot(int arg) {
        int s = 0;
        for (int i = 0; i < arg; i++) {
            s += call.x86Slots()[i];
        }
        return s;
    }

    /** Bytes of arguments an x86 (__stdcall) call pushes and the routine pops (none for __cdecl). */
    public int x86ArgumentBytes() {
        if (call == null || call.cdecl()) {
            return 0;
        }
        int s = 0;
        for (int v : call.x86Slots()) {
            s += v;
        }
        return 4 * s;
    }
}
