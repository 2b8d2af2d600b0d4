/* PT008 positive: tags already listed in the tag file for other owners. */
#define MY_TAG 'xftN'                                                            // expect: PT008

VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, MY_TAG);
    PVOID b = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, ' prI');                   // expect: PT008
    PVOID c = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, 'nwoM');
}
