/* PT003 negative: the driver redefines ExAllocatePool to a tagged call, so its uses carry a tag.
   The redefinition itself uses the deprecated allocator: one PT004 at the macro. */
#define ExAllocatePool(type, size) ExAllocatePoolWithTag(type, size, 'gaTM')   // expect: PT004

VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePool(PagedPool, n);
    PVOID b = ExAllocatePool(PagedPool, n * 2);
}
