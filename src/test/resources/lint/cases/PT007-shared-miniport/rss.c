VOID AllocateIndirectionTable(SIZE_T n)
{
    PVOID t = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, 'TssR');                    // expect: PT007
}
