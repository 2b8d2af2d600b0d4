/* PT001 positive: strings and addresses passed as the tag. */
#define STRING_TAG "Str1"

static ULONG g_Tag = 'gaTg';

VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, "abcd");   // expect: PT001
    PVOID b = ExAllocatePool2(POOL_FLAG_PAGED, n, STRING_TAG);   // expect: PT001
    PVOID c = ExAllocatePool2(POOL_FLAG_PAGED, n, L"wide");      // expect: PT001
    PVOID d = ExAllocatePool2(POOL_FLAG_PAGED, n, &g_Tag);       // expect: PT001
    ExFreePoolWithTag(a, "abcd");                                // expect: PT001
}
