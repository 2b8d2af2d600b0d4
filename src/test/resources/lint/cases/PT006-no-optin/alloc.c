/* PT006 positive: executable nonpaged pool in a project without NX opt-in (the project file names this file
   Alloc.c: Windows paths are case-insensitive). */
NPAGED_LOOKASIDE_LIST g_Lookaside;

VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePoolUninitialized(NonPagedPool, n, 'ollA');                 // expect: PT006
    PVOID b = ExAllocatePoolZero(NonPagedPoolCacheAligned, n, 'ollA');              // expect: PT006
    PVOID c = ExAllocatePoolZero(NonPagedPoolNx, n, 'ollA');
    ExInitializeNPagedLookasideList(&g_Lookaside, NULL, NULL, 0, 64, 'ollA', 0);    // expect: PT006
}
