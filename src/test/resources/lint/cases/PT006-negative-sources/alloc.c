/* PT006 negative: a WDK sources file opts in with C_DEFINES; lookaside lists asking for NX entries. */
NPAGED_LOOKASIDE_LIST g_Lookaside;

VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePoolZero(NonPagedPool, n, 'ollA');
    ExInitializeNPagedLookasideList(&g_Lookaside, NULL, NULL, POOL_NX_ALLOCATION, 64, 'ollA', 0);
}
