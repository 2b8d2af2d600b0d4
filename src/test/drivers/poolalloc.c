/*
 * Test driver for `pooltags scan`: every ntoskrnl pool routine, and every way a tag reaches its argument.
 *
 * Each call line carries the truth the tests check, in a comment:
 *   @expect routine=R tag=T [via=W] [why=K]   the scan must report this call with tag T (memory order, as
 *                                              PoolMon prints it; hex for a protected tag), '?' when the tag
 *                                              cannot be known (why= says the reason class), '-' when R is
 *                                              untagged; via= names the wrapper the call goes through
 *   @allow  routine=R tag=T                    may be reported with T (compilers may split or merge the call)
 * The comment names the function the call is in with fn=.
 */
#include "km.h"

/* Read-only constants defined in tags.c ('20aP' and '31aP'): the compiler loads them from .rdata. */
extern const ULONG RoTag;
extern const ULONG RoWrapTag;
/* Writable: the value at run time is not the one in the file. */
volatile ULONG RwTag = '30aP';
/* A global override: zero in the file, set at run time to replace every tag (drivers do this to hide). */
volatile ULONG OverrideTag;
volatile ULONG Sink;
volatile PVOID PtrSink;

static NPAGED_LOOKASIDE_LIST NpList;
static PAGED_LOOKASIDE_LIST PList;
static LOOKASIDE_LIST_EX ExList;

/* A message that merely contains tag-like bytes: only the byte search finds it. */
const char Banner[] = "poolalloc: built with tag Zz99 in a string";

NOINLINE PVOID AllocImmediate(SIZE_T n) {
    return ExAllocatePoolWithTag(NonPagedPoolNx, n, '10aP'); /* @expect fn=AllocImmediate routine=ExAllocatePoolWithTag tag=Pa01 */
}

NOINLINE PVOID AllocQuota(SIZE_T n) {
    return ExAllocatePoolWithQuotaTag(PagedPool, n, '30aQ'); /* @expect fn=AllocQuota routine=ExAllocatePoolWithQuotaTag tag=Qa03 */
}

NOINLINE PVOID AllocPriority(SIZE_T n) {
    return ExAllocatePoolWithTagPriority(NonPagedPoolNx, n, '40aP', HighPoolPriority); /* @expect fn=AllocPriority routine=ExAllocatePoolWithTagPriority tag=Pa04 */
}

NOINLINE PVOID Alloc2(SIZE_T n) {
    return ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_CACHE_ALIGNED, n, '50aP'); /* @expect fn=Alloc2 routine=ExAllocatePool2 tag=Pa05 */
}

NOINLINE PVOID Alloc3(SIZE_T n) {
    return ExAllocatePool3(POOL_FLAG_PAGED, n, '60aP', NULL, 0); /* @expect fn=Alloc3 routine=ExAllocatePool3 tag=Pa06 */
}

/* A leaf: x64 compilers turn the call into a tail jump through the import slot. */
NOINLINE void FreeImmediate(PVOID p) {
    ExFreePoolWithTag(p, '10aP'); /* @expect fn=FreeImmediate routine=ExFreePoolWithTag tag=Pa01 */
}

NOINLINE void Free2(PVOID p) {
    ExFreePool2(p, '50aP', NULL, 0); /* @expect fn=Free2 routine=ExFreePool2 tag=Pa05 */
}

NOINLINE void Lookasides(void) {
    ExInitializeNPagedLookasideList(&NpList, NULL, NULL, 0, 64, '70aP', 0); /* @expect fn=Lookasides routine=ExInitializeNPagedLookasideList tag=Pa07 */
    ExInitializePagedLookasideList(&PList, NULL, NULL, 0, 128, '80aP', 0); /* @expect fn=Lookasides routine=ExInitializePagedLookasideList tag=Pa08 */
    Sink = (ULONG)ExInitializeLookasideListEx(&ExList, NULL, NULL, NonPagedPoolNx, 0, 256, '90aP', 4); /* @expect fn=Lookasides routine=ExInitializeLookasideListEx tag=Pa09 */
}

NOINLINE PVOID AllocReadOnly(SIZE_T n) {
    return ExAllocatePoolWithTag(NonPagedPoolNx, n, RoTag); /* @expect fn=AllocReadOnly routine=ExAllocatePoolWithTag tag=Pa02 */
}

NOINLINE PVOID AllocWritable(SIZE_T n) {
    return ExAllocatePoolWithTag(PagedPool, n, RwTag); /* @expect fn=AllocWritable routine=ExAllocatePoolWithTag tag=? why=writable */
}

NOINLINE PVOID AllocComputed(SIZE_T n) {
    return ExAllocatePoolWithTag(PagedPool, n, '00aP' + ((ULONG)(n & 3) << 24)); /* @expect fn=AllocComputed routine=ExAllocatePoolWithTag tag=? why=computed */
}

NOINLINE void Untagged(SIZE_T n) {
    PVOID a = ExAllocatePool(NonPagedPool, n); /* @expect fn=Untagged routine=ExAllocatePool tag=- */
    PVOID b = ExAllocatePoolWithQuota(PagedPool, n); /* @expect fn=Untagged routine=ExAllocatePoolWithQuota tag=- */
    PtrSink = b;
    ExFreePool(a); /* @expect fn=Untagged routine=ExFreePool tag=- */
}

NOINLINE void Protected(SIZE_T n) {
    PVOID p = ExAllocatePoolWithTag(NonPagedPoolNx, n, '01aP' | PROTECTED_POOL); /* @expect fn=Protected routine=ExAllocatePoolWithTag tag=0xB0316150 */
    PtrSink = p;
    ExFreePoolWithTag(p, '01aP' | PROTECTED_POOL); /* @expect fn=Protected routine=ExFreePoolWithTag tag=0xB0316150 */
}

/* A tag whose bytes repeat: ARM64 compilers load it with one logical-immediate mov. */
NOINLINE PVOID AllocRepeated(SIZE_T n) {
    return ExAllocatePoolWithTag(NonPagedPoolNx, n, 'QQQQ'); /* @expect fn=AllocRepeated routine=ExAllocatePoolWithTag tag=QQQQ */
}

/* The same import called in a loop: x86 compilers keep the routine's address in a register. */
NOINLINE void AllocLoop(PVOID *out, ULONG count) {
    for (ULONG i = 0; i < count; i++) {
        out[i] = ExAllocatePoolWithTag(NonPagedPoolNx, 64, '61aP'); /* @expect fn=AllocLoop routine=ExAllocatePoolWithTag tag=Pa16 */
    }
    for (ULONG i = 0; i < count; i++) {
        ExFreePoolWithTag(out[i], '61aP'); /* @expect fn=AllocLoop routine=ExFreePoolWithTag tag=Pa16 */
    }
}

/* The tag goes through a stack variable the compiler must keep in memory. */
NOINLINE PVOID AllocViaStack(SIZE_T n) {
    volatile ULONG t = '71aP';
    return ExAllocatePoolWithTag(NonPagedPoolNx, n, t); /* @expect fn=AllocViaStack routine=ExAllocatePoolWithTag tag=Pa17 */
}

/* The tag depends on a branch: reported as unknown, or as the right tag where the compiler splits the call. */
NOINLINE PVOID AllocEither(SIZE_T n, int large) {
    return ExAllocatePoolWithTag(NonPagedPoolNx, n, large ? '41aP' : '51aP'); /* @allow fn=AllocEither routine=ExAllocatePoolWithTag tag=Pa14 tag=Pa15 */
}

/* Wrappers: the driver's own functions that pass their parameter on as the tag. */
NOINLINE PVOID PaAlloc(SIZE_T n, ULONG tag) {
    return ExAllocatePoolWithTag(NonPagedPoolNx, n, tag); /* @expect fn=PaAlloc routine=ExAllocatePoolWithTag tag=? why=parameter */
}

NOINLINE void PaFree(PVOID p, ULONG tag) {
    Sink = KeQueryTimeIncrement();
    ExFreePoolWithTag(p, tag); /* @expect fn=PaFree routine=ExFreePoolWithTag tag=? why=parameter */
}

/* The tag is the third parameter, after a 64-bit flags value (two stack slots on x86). */
NOINLINE PVOID PaAllocFlags(POOL_FLAGS flags, SIZE_T n, ULONG tag) {
    if (n == 0) {
        return NULL;
    }
    return ExAllocatePool2(flags, n, tag); /* @expect fn=PaAllocFlags routine=ExAllocatePool2 tag=? why=parameter */
}

/* A wrapper whose tag a global setting can replace: the callers' tags hold unless it is set. */
NOINLINE PVOID PaAllocOverridable(SIZE_T n, ULONG tag) {
    if (OverrideTag != 0) {
        tag = OverrideTag;
    }
    return ExAllocatePoolWithTag(PagedPool, n, tag); /* @expect fn=PaAllocOverridable routine=ExAllocatePoolWithTag tag=? why=parameter */
}

NOINLINE void UseWrappers(SIZE_T n) {
    PVOID a = PaAlloc(n, '11aP'); /* @expect fn=UseWrappers routine=ExAllocatePoolWithTag tag=Pa11 via=PaAlloc */
    PVOID b = PaAlloc(n * 2, '21aP'); /* @expect fn=UseWrappers routine=ExAllocatePoolWithTag tag=Pa12 via=PaAlloc */
    PVOID c = PaAlloc(n, RoWrapTag); /* @expect fn=UseWrappers routine=ExAllocatePoolWithTag tag=Pa13 via=PaAlloc */
    PVOID d = PaAlloc(n, RwTag); /* @expect fn=UseWrappers routine=ExAllocatePoolWithTag tag=? via=PaAlloc why=writable */
    PVOID e = PaAllocFlags(POOL_FLAG_PAGED, n, '81aP'); /* @expect fn=UseWrappers routine=ExAllocatePool2 tag=Pa18 via=PaAllocFlags */
    PVOID f = PaAllocOverridable(n, '91aP'); /* @expect fn=UseWrappers routine=ExAllocatePoolWithTag tag=Pa19 via=PaAllocOverridable */
    PtrSink = b;
    PtrSink = c;
    PtrSink = d;
    PtrSink = e;
    PtrSink = f;
    PaFree(a, '11aP'); /* @expect fn=UseWrappers routine=ExFreePoolWithTag tag=Pa11 via=PaFree */
}

NOINLINE void Shared(SIZE_T n) {
    PVOID p = ExAllocatePoolWithTag(PagedPool, n, 'drhS'); /* @expect fn=Shared routine=ExAllocatePoolWithTag tag=Shrd */
    DbgPrint("poolalloc: %p\n", p);
    ExFreePoolWithTag(p, 'drhS'); /* @expect fn=Shared routine=ExFreePoolWithTag tag=Shrd */
}

NTSTATUS NTAPI DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
    SIZE_T n = DriverObject->DriverSize + RegistryPath->Length;
    PVOID slots[4];
    PVOID p = AllocImmediate(n);
    FreeImmediate(p);
    PtrSink = AllocQuota(n);
    PtrSink = AllocPriority(n);
    p = Alloc2(n);
    Free2(p);
    PtrSink = Alloc3(n);
    Lookasides();
    PtrSink = AllocReadOnly(n);
    PtrSink = AllocWritable(n);
    PtrSink = AllocComputed(n);
    Untagged(n);
    Protected(n);
    PtrSink = AllocRepeated(n);
    AllocLoop(slots, (ULONG)(n & 3));
    PtrSink = AllocViaStack(n);
    PtrSink = AllocEither(n, (int)(n & 1));
    UseWrappers(n);
    Shared(n);
    Sink = MmIsAddressValid(p);
    PtrSink = (PVOID)Banner;
    return 0;
}
