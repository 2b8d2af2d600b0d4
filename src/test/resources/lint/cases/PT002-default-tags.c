/* PT002 positive: tag 0, the default tags, the big-pool marker, a tag without letters or digits.
   The last one mirrors a WDI sample macro that passed 0x8180 to NdisAllocateMemoryWithTag. */
#define ZERO_TAG 0                               // expect: PT002
#define NO_LETTERS_TAG '!!!!'                    // expect: PT002

#define MY_INIT_STRING(Destination, Source) \
{\
    PNDIS_STRING _D = (Destination);\
    NdisAllocateMemoryWithTag((PVOID*)(&(_D->Buffer)), _D->MaximumLength, 0x8180); /* expect: PT002 */ \
}

VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePool2(POOL_FLAG_PAGED, n, ZERO_TAG);
    PVOID b = ExAllocatePool2(POOL_FLAG_PAGED, n, ' kdD');      // expect: PT002
    PVOID c = ExAllocatePool2(POOL_FLAG_PAGED, n, ' mdW');      // expect: PT002
    PVOID d = ExAllocatePool2(POOL_FLAG_PAGED, n, ' GIB');      // expect: PT002
    PVOID e = ExAllocatePool2(POOL_FLAG_PAGED, n, NO_LETTERS_TAG);
    PVOID f = ExAllocatePool2(POOL_FLAG_PAGED, n, 0);           // expect: PT002
}
