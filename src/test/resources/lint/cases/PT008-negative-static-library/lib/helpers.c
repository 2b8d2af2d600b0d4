/* PT008 negative: a static library linked into the driver defines the driver's tag again (mirrors a WFP
   sample's helper library): the library's code runs inside that driver, so there is no collision. */
#define CALLOUT_TAG (UINT32)'DCSW'
PVOID HelperAllocate(SIZE_T n) { return ExAllocatePool2(POOL_FLAG_NON_PAGED, n, CALLOUT_TAG); }
