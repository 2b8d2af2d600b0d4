#pragma once
#define ENTRY_TAG   'tnEW'
#define BUFFER_TAG  'fuBW'
#define TABLE_TAG   'baTW'

typedef struct _ENTRY { LIST_ENTRY Link; PVOID Data; } ENTRY, *PENTRY;

PVOID DrvAllocate(SIZE_T Size, ULONG Tag);
VOID DrvFree(PVOID Memory, ULONG Tag);
PENTRY DrvAllocateEntry(VOID);
VOID DrvFreeBuffer(PVOID Buffer);
