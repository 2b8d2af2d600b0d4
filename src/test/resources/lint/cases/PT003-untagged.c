/* PT003 positive: the untagged allocators. */
VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePool(NonPagedPoolNx, n);               // expect: PT003
    PVOID b = ExAllocatePoolWithQuota(PagedPool, n);           // expect: PT003
}
