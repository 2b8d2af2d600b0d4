/* PT008 negative: one header shared by the kernel driver and a user-mode DLL built from the same sources (the
   file-system driver pattern): the same code built twice is no collision, and user-mode code has no pool. */
#define SHARED_TAG 'drhS'
#define SharedAlloc(Size) ExAllocatePool2(POOL_FLAG_PAGED, Size, SHARED_TAG)
