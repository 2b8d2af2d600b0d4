VOID AllocateQueues(NDIS_HANDLE Adapter, SIZE_T n)
{
    PVOID q = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, 'QssR');                    // expect: PT007
    PVOID r = NdisAllocateMemoryWithTagPriority(Adapter, (UINT)n, 'QssR', NormalPoolPriority);
}
