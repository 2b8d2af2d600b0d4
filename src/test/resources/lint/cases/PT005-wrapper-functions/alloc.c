/* PT005 positive, through the driver's own allocation functions (as System Informer's KphAllocatePaged/KphFree
   and tap-windows6's MemAlloc do): a wrapper with a tag parameter, a wrapper of that wrapper with its tag fixed,
   a free function with its tag fixed inside. PT001 sees through them too. */
#include "alloc.h"

PVOID DrvAllocate(SIZE_T Size, ULONG Tag)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, Tag);
    return p;
}

VOID DrvFree(PVOID Memory, ULONG Tag)
{
    ExFreePoolWithTag(Memory, Tag);
}

PENTRY DrvAllocateEntry(VOID)
{
    return (PENTRY)DrvAllocate(sizeof(ENTRY), ENTRY_TAG);
}

VOID DrvFreeBuffer(PVOID Buffer)
{
    if (Buffer != NULL) {
        ExFreePoolWithTag(Buffer, BUFFER_TAG);
    }
}
