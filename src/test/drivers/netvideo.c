/*
 * Test driver for `pooltags scan`: the NDIS, filter manager and video port pool routines, called through the
 * jump thunks a linker adds when the routines are declared without dllimport. Annotations as in poolalloc.c.
 */
#define KM_USE_THUNKS
#include "km.h"

volatile PVOID PtrSink;
volatile ULONG Sink;

NOINLINE PVOID NdisAlloc(UINT n) {
    PVOID p = NULL;
    Sink = (ULONG)NdisAllocateMemoryWithTag(&p, n, '10vN'); /* @expect fn=NdisAlloc routine=NdisAllocateMemoryWithTag tag=Nv01 */
    return p;
}

NOINLINE PVOID NdisAllocPriority(NDIS_HANDLE h, UINT n) {
    return NdisAllocateMemoryWithTagPriority(h, n, '20vN', NormalPoolPriority); /* @expect fn=NdisAllocPriority routine=NdisAllocateMemoryWithTagPriority tag=Nv02 */
}

NOINLINE void NdisRelease(NDIS_HANDLE h, PVOID p, PVOID q, UINT n) {
    NdisFreeMemoryWithTagPriority(h, p, '20vN'); /* @expect fn=NdisRelease routine=NdisFreeMemoryWithTagPriority tag=Nv02 */
    NdisFreeMemory(q, n, 0); /* @expect fn=NdisRelease routine=NdisFreeMemory tag=- */
}

NOINLINE PVOID FltAlloc(PFLT_INSTANCE instance, SIZE_T n) {
    return FltAllocatePoolAlignedWithTag(instance, NonPagedPoolNx, n, '30vN'); /* @expect fn=FltAlloc routine=FltAllocatePoolAlignedWithTag tag=Nv03 */
}

NOINLINE void FltRelease(PFLT_INSTANCE instance, PVOID p) {
    FltFreePoolAlignedWithTag(instance, p, '30vN'); /* @expect fn=FltRelease routine=FltFreePoolAlignedWithTag tag=Nv03 */
}

NOINLINE PVOID VideoAlloc(PVOID hw, SIZE_T n) {
    PVOID p = VideoPortAllocatePool(hw, VpPagedPool, n, '40vN'); /* @expect fn=VideoAlloc routine=VideoPortAllocatePool tag=Nv04 */
    if (p == NULL) {
        return NULL;
    }
    VideoPortFreePool(hw, p); /* @expect fn=VideoAlloc routine=VideoPortFreePool tag=- */
    return VideoPortAllocatePool(hw, VpNonPagedPool, n * 2, '40vN'); /* @expect fn=VideoAlloc routine=VideoPortAllocatePool tag=Nv04 */
}

/* Storport: the inline StorPortAllocatePool calls StorPortExtendedFunction(ExtFunctionAllocatePool, ...); the free
   calls the same export with ExtFunctionFreePool and is no allocation. */
NOINLINE PVOID StorAlloc(PVOID hw, ULONG n) {
    PVOID p = NULL;
    if (StorPortAllocatePool(hw, n, '60vN', &p) != 0) { /* @expect fn=StorAlloc routine=StorPortAllocatePool tag=Nv06 */
        return NULL;
    }
    StorPortFreePool(hw, p);
    return p;
}

/* A wrapper around the NDIS routine: the tag is its third parameter. */
NOINLINE PVOID NvAllocTagged(NDIS_HANDLE h, UINT n, ULONG tag) {
    if (n > 0x10000) {
        return NULL;
    }
    return NdisAllocateMemoryWithTagPriority(h, n, tag, LowPoolPriority); /* @expect fn=NvAllocTagged routine=NdisAllocateMemoryWithTagPriority tag=? why=parameter */
}

NOINLINE void UseWrapper(NDIS_HANDLE h, UINT n) {
    PtrSink = NvAllocTagged(h, n, '50vN'); /* @expect fn=UseWrapper routine=NdisAllocateMemoryWithTagPriority tag=Nv05 via=NvAllocTagged */
    PtrSink = NvAllocTagged(h, n + 8, '60vN'); /* @expect fn=UseWrapper routine=NdisAllocateMemoryWithTagPriority tag=Nv06 via=NvAllocTagged */
}

NOINLINE void Shared(SIZE_T n) {
    PVOID p = ExAllocatePoolWithTag(NonPagedPoolNx, n, 'drhS'); /* @expect fn=Shared routine=ExAllocatePoolWithTag tag=Shrd */
    PtrSink = p;
    ExFreePoolWithTag(p, 'drhS'); /* @expect fn=Shared routine=ExFreePoolWithTag tag=Shrd */
}

NTSTATUS NTAPI DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
    UINT n = DriverObject->DriverSize + RegistryPath->Length;
    NDIS_HANDLE h = DriverObject->DriverExtension;
    PFLT_INSTANCE instance = (PFLT_INSTANCE)DriverObject->DriverSection;
    PVOID a = NdisAlloc(n);
    PVOID b = NdisAllocPriority(h, n);
    NdisRelease(h, b, a, n);
    PVOID c = FltAlloc(instance, n);
    FltRelease(instance, c);
    PtrSink = VideoAlloc(DriverObject->DeviceObject, n);
    UseWrapper(h, n);
    Shared(n);
    return 0;
}
