/* PT008 positive: a three-character tag (mirrors a WLAN sample's 'frP'), padding at the wrong end, and a tag
   whose constant name spells it in source order. */
#define POOL_TAG_SAMP 'Samp'                                                     // expect: PT008

VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, 'frP');                    // expect: PT008
    PVOID b = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, 'Io  ');                   // expect: PT008
    PVOID c = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, POOL_TAG_SAMP);
    PVOID d = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, '\x01\x02ab');            // expect: PT008
}
