/* PT005 negative: every case where the origin of the freed pointer is not certain, or the tags agree. */
#define TAG_A 'AgaT'
#define TAG_B 'BgaT'
#define TAG_A_ALIAS TAG_A

typedef struct _ITEM { PVOID Data; PVOID Other; PVOID Shared; } ITEM, *PITEM;

VOID SameTagThroughAnotherName(SIZE_T n)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_PAGED, n, TAG_A);
    ExFreePoolWithTag(p, TAG_A_ALIAS);
}

VOID ReassignedFromElsewhere(SIZE_T n, PVOID q)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_PAGED, n, TAG_A);
    if (q != NULL) {
        p = q;
    }
    ExFreePoolWithTag(p, TAG_B);
}

VOID Parameter(PVOID p, SIZE_T n)
{
    if (p == NULL) {
        p = ExAllocatePool2(POOL_FLAG_PAGED, n, TAG_A);
    }
    ExFreePoolWithTag(p, TAG_B);
}

VOID TwoTags(SIZE_T n, BOOLEAN big)
{
    PVOID p;
    if (big) {
        p = ExAllocatePool2(POOL_FLAG_PAGED, n, TAG_A);
    } else {
        p = ExAllocatePool2(POOL_FLAG_PAGED, n, TAG_B);
    }
    ExFreePoolWithTag(p, TAG_B);
}

VOID FreeBeforeAllocate(SIZE_T n)
{
    PVOID p = NULL;
    ExFreePoolWithTag(p, TAG_B);
    p = ExAllocatePool2(POOL_FLAG_PAGED, n, TAG_A);
}

VOID OutParameter(SIZE_T n)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_PAGED, n, TAG_A);
    GetBuffer(&p);
    ExFreePoolWithTag(p, TAG_B);
}

VOID ZeroTagDoesNotCheck(SIZE_T n)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_PAGED, n, TAG_A);
    ExFreePoolWithTag(p, 0);
}

VOID FieldAlsoSetElsewhere(PITEM item, PITEM other, SIZE_T n)
{
    item->Data = ExAllocatePool2(POOL_FLAG_PAGED, n, TAG_A);
    other->Data = item->Other;
    ExFreePoolWithTag(other->Data, TAG_B);
}

VOID UnknownTag(SIZE_T n, ULONG tag)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_PAGED, n, TAG_A);
    ExFreePoolWithTag(p, tag);
}

VOID ShadowedByBlocks(SIZE_T n)
{
    {
        PVOID buf = ExAllocatePool2(POOL_FLAG_PAGED, n, TAG_A);
        ExFreePoolWithTag(buf, TAG_A);
    }
    {
        PVOID buf = ExAllocatePool2(POOL_FLAG_PAGED, n, TAG_B);
        ExFreePoolWithTag(buf, TAG_B);
    }
}
