/* PT005 positive: a field path through a pointer and an array element (ctx->Slots[i].Data), allocated in one
   function and freed in another with another tag; every element of the array is one place. */
#define SLOT_TAG 'tolS'
#define RING_TAG 'gniR'

typedef struct _SLOT { PUCHAR Data; ULONG Length; } SLOT;
typedef struct _RING { SLOT Slots[8]; PVOID Lookup[4]; } RING, *PRING;

NTSTATUS RingFill(PRING Ring)
{
    for (ULONG i = 0; i < 8; i++) {
        Ring->Slots[i].Data = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 512, SLOT_TAG);
        if (Ring->Slots[i].Data == NULL) {
            return STATUS_INSUFFICIENT_RESOURCES;
        }
    }
    return STATUS_SUCCESS;
}

VOID RingDrain(PRING Ring)
{
    for (ULONG j = 0; j < 8; j++) {
        if (Ring->Slots[j].Data != NULL) {
            ExFreePoolWithTag(Ring->Slots[j].Data, RING_TAG);   // expect: PT005
        }
    }
}

VOID Locals(VOID)
{
    PVOID table[4];
    for (ULONG i = 0; i < 4; i++) {
        table[i] = ExAllocatePool2(POOL_FLAG_PAGED, 64, SLOT_TAG);
    }
    for (ULONG i = 0; i < 4; i++) {
        ExFreePoolWithTag(table[i], RING_TAG);   // expect: PT005
    }
}
