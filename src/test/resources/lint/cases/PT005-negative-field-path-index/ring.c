/* PT005 negative: element paths freed with their own tag; an element that another value may reach (a buffer the
   caller lends) is not judged; two arrays of one structure are two places. */
#define SLOT_TAG 'tolS'
#define RING_TAG 'gniR'

typedef struct _SLOT { PUCHAR Data; ULONG Length; } SLOT;
typedef struct _RING { SLOT Slots[8]; SLOT Spare[2]; } RING, *PRING;

NTSTATUS RingFill(PRING Ring)
{
    for (ULONG i = 0; i < 8; i++) {
        Ring->Slots[i].Data = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 512, SLOT_TAG);
    }
    Ring->Spare[0].Data = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 512, RING_TAG);
    return STATUS_SUCCESS;
}

VOID RingLend(PRING Ring, PUCHAR Borrowed)
{
    Ring->Spare[1].Data = Borrowed;
}

VOID RingDrain(PRING Ring)
{
    for (ULONG j = 0; j < 8; j++) {
        ExFreePoolWithTag(Ring->Slots[j].Data, SLOT_TAG);
    }
    ExFreePoolWithTag(Ring->Spare[0].Data, SLOT_TAG);
}
