/* PT006 negative: POOL_NX_OPTIN_AUTO makes NonPagedPool mean NonPagedPoolNx. */
VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePoolZero(NonPagedPool, n, 'ollA');
}
