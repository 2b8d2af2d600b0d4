/* PT005 positive through declared wrappers (.pooltags.yml beside this file). */
#define BLOCK_TAG 'kcLB'
#define NAME_TAG  'emaN'

typedef PVOID (*POOL_ALLOC)(SIZE_T Size, ULONG Tag);
POOL_ALLOC g_PoolAlloc;

VOID Use(VOID)
{
    PVOID name = g_PoolAlloc(32, NAME_TAG);
    ExFreePoolWithTag(name, BLOCK_TAG);     // expect: PT005
    PVOID block = g_PoolAlloc(64, NAME_TAG);
    LibReleaseBlock(block);                  // expect: PT005
    PVOID fine = g_PoolAlloc(64, BLOCK_TAG);
    LibReleaseBlock(fine);
}
