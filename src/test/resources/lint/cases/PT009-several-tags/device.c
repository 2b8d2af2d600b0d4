/* PT009 positive: a global and a structure member are given blocks of two tags by two functions; a third frees
   whatever is there. */
#define SMALL_TAG 'lmsD'
#define LARGE_TAG 'grlD'

typedef struct _DEVICE_CONTEXT { PUCHAR Staging; ULONG Length; } DEVICE_CONTEXT, *PDEVICE_CONTEXT;

PUCHAR g_Scratch;

VOID UseSmall(PDEVICE_CONTEXT ctx)
{
    g_Scratch = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, SMALL_TAG);
    ctx->Staging = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, SMALL_TAG);
}

VOID UseLarge(PDEVICE_CONTEXT ctx)
{
    g_Scratch = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 65536, LARGE_TAG);
    ctx->Staging = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 65536, LARGE_TAG);
}

VOID Release(PDEVICE_CONTEXT ctx)
{
    ExFreePoolWithTag(g_Scratch, SMALL_TAG);       // expect: PT009
    ExFreePoolWithTag(ctx->Staging, LARGE_TAG);    // expect: PT009
}
