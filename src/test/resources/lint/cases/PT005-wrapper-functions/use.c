#include "alloc.h"

VOID UseTable(VOID)
{
    PVOID table = DrvAllocate(256, TABLE_TAG);
    DrvFree(table, BUFFER_TAG);                 // expect: PT005
}

VOID UseEntry(VOID)
{
    PENTRY e = DrvAllocateEntry();
    ExFreePoolWithTag(e, TABLE_TAG);            // expect: PT005
}

VOID UseBuffer(VOID)
{
    PUCHAR b = (PUCHAR)DrvAllocate(64, TABLE_TAG);
    DrvFreeBuffer(b);                           // expect: PT005
}

VOID UseString(VOID)
{
    PVOID s = DrvAllocate(16, "WStr");          // expect: PT001
    DrvFree(s, 'rtSW');
}
