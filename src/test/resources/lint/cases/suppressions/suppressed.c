/* Suppressions: the pooltags comment on the line or alone on the line before, and the Code Analysis pragmas. */
VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePool(NonPagedPoolNx, n);          // pooltags: ignore PT003
    // pooltags: ignore
    PVOID b = ExAllocatePool2(POOL_FLAG_PAGED, n, "abcd");
#pragma warning(suppress: 28134)
    PVOID c = ExAllocatePool2(POOL_FLAG_PAGED, n, "abcd");
#pragma prefast(suppress: 28147, "the default tag is wanted here")
    PVOID d = ExAllocatePool2(POOL_FLAG_PAGED, n, ' kdD');
    PVOID e = ExAllocatePool(NonPagedPoolNx, n);          // pooltags: ignore PT005  expect: PT003
}
