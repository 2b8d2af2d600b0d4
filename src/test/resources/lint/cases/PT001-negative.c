/* PT001 negative: character literals, constants, a variable holding a tag value. */
#define GOOD_TAG 'dooG'
static const ULONG ConstTag = 'tsnC';

VOID Allocate(SIZE_T n, ULONG TagFromCaller)
{
    PVOID a = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, 'abcd');
    PVOID b = ExAllocatePool2(POOL_FLAG_PAGED, n, GOOD_TAG);
    PVOID c = ExAllocatePool2(POOL_FLAG_PAGED, n, ConstTag);
    PVOID d = ExAllocatePool2(POOL_FLAG_PAGED, n, TagFromCaller);
    DbgPrint("ExAllocatePool2(POOL_FLAG_PAGED, n, \"abcd\")");   /* a string, not a call */
    // ExAllocatePool2(POOL_FLAG_PAGED, n, "abcd") in a comment is no call either
    ExFreePoolWithTag(a, 'abcd');
}
