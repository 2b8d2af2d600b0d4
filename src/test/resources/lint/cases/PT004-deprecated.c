/* PT004 positive: the deprecated allocators, called directly and through a wrapper macro
   (the wrapper mirrors the FspAlloc/DokanAlloc macros of file-system drivers: reported once, at the macro). */
#define MyAlloc(Size) ExAllocatePoolWithTag(PagedPool, Size, 'cllA')          // expect: PT004

VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePoolWithTag(NonPagedPoolNx, n, 'Tag1');             // expect: PT004
    PVOID b = ExAllocatePoolWithQuotaTag(PagedPool, n, 'Tag2');             // expect: PT004
    PVOID c = ExAllocatePoolWithTagPriority(PagedPool, n, 'Tag3', HighPoolPriority); // expect: PT004
    PVOID d = MyAlloc(n);
    PVOID e = MyAlloc(n * 2);
}
