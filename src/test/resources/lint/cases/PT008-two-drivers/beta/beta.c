#define BETA_TAG 'nmoC'                                                          // expect: PT008

VOID Allocate(SIZE_T n)
{
    PVOID b = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, BETA_TAG);
}
