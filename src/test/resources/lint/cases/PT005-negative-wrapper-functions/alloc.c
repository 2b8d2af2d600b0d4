/* PT005 negative through wrapper functions: the same tag given to the allocating and the freeing wrapper is quiet;
   a function whose tag is computed at run time is no wrapper (nothing is guessed); a function that keeps the block
   for itself is no allocator. */
#define ITEM_TAG    'metI'
#define OTHER_TAG   'rhtO'

PVOID ItemAllocate(SIZE_T Size, ULONG Tag)
{
    return ExAllocatePool2(POOL_FLAG_PAGED, Size, Tag);
}

VOID ItemFree(PVOID Item, ULONG Tag)
{
    ExFreePoolWithTag(Item, Tag);
}

PVOID RandomAllocate(SIZE_T Size, ULONG Seed)
{
    ULONG tag = 'xxxR' ^ Seed;
    return ExAllocatePool2(POOL_FLAG_PAGED, Size, tag);
}

PVOID g_Cache;

VOID KeepForMe(SIZE_T Size)
{
    g_Cache = ExAllocatePool2(POOL_FLAG_PAGED, Size, ITEM_TAG);
}

VOID Use(VOID)
{
    PVOID a = ItemAllocate(32, ITEM_TAG);
    ItemFree(a, ITEM_TAG);
    PVOID b = RandomAllocate(32, 7);
    ExFreePoolWithTag(b, OTHER_TAG);
    PVOID c = KeepForMe(8);
    ExFreePoolWithTag(c, OTHER_TAG);
}
