/* PT008 positive: two drivers of one tree define the same tag each in their own source. */
#define ALPHA_TAG 'nmoC'                                                         // expect: PT008

VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, ALPHA_TAG);
}
