/* PT005 negative: every allocation that reaches a free decides it. Branches that allocate with different tags
   leave the free's origin open (no finding); a brace-less branch does not replace what came before it; a store of
   another value reaches the free. */
#define FIRST_TAG  'tsrF'
#define SECOND_TAG 'dnoS'

VOID Branches(BOOLEAN big, SIZE_T n)
{
    PVOID p;
    if (big)
        p = ExAllocatePool2(POOL_FLAG_PAGED, n, FIRST_TAG);
    else
        p = ExAllocatePool2(POOL_FLAG_PAGED, n, SECOND_TAG);
    ExFreePoolWithTag(p, SECOND_TAG);
}

VOID BracelessIf(BOOLEAN big, SIZE_T n)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_PAGED, n, FIRST_TAG);
    if (big)
        p = ExAllocatePool2(POOL_FLAG_PAGED, n * 2, SECOND_TAG);
    ExFreePoolWithTag(p, FIRST_TAG);
}

VOID Switch(ULONG kind, SIZE_T n)
{
    PVOID p = NULL;
    switch (kind) {
    case 1:
        p = ExAllocatePool2(POOL_FLAG_PAGED, n, FIRST_TAG);
        break;
    default:
        p = ExAllocatePool2(POOL_FLAG_PAGED, n, SECOND_TAG);
        break;
    }
    ExFreePoolWithTag(p, FIRST_TAG);
}

VOID Borrowed(PVOID other, SIZE_T n)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_PAGED, n, FIRST_TAG);
    if (n > 64) {
        p = other;
    }
    ExFreePoolWithTag(p, SECOND_TAG);
}
