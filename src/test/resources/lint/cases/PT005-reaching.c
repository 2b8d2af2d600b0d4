/* PT005 positive: one local reused for blocks of two kinds. Only the allocation that reaches a free is its
   origin: the first free meets the first block, the last free the second block. */
#define FIRST_TAG  'tsrF'
#define SECOND_TAG 'dnoS'

VOID Reuse(SIZE_T n)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_PAGED, n, FIRST_TAG);
    if (p == NULL) {
        return;
    }
    ExFreePoolWithTag(p, SECOND_TAG);   // expect: PT005
    p = ExAllocatePool2(POOL_FLAG_PAGED, n, SECOND_TAG);
    if (p != NULL) {
        ExFreePoolWithTag(p, SECOND_TAG);
    }
    p = ExAllocatePool2(POOL_FLAG_PAGED, n, SECOND_TAG);
    for (ULONG i = 0; i < 4; i++)
        n += i;
    ExFreePoolWithTag(p, FIRST_TAG);    // expect: PT005
}

VOID OneBranchAllocates(BOOLEAN big)
{
    PVOID p = NULL;
    if (big)
        p = ExAllocatePool2(POOL_FLAG_PAGED, 4096, FIRST_TAG);
    if (p != NULL)
        ExFreePoolWithTag(p, SECOND_TAG);   // expect: PT005
}
