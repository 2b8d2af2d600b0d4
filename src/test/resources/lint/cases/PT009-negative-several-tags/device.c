/* PT009 negative: one tag per place; a member name two structures share is not one place; a free that follows
   its own allocation in the same function is judged by PT005, not here. */
#define SMALL_TAG 'lmsD'
#define LARGE_TAG 'grlD'

typedef struct _REQUEST { PUCHAR Buffer; } REQUEST, *PREQUEST;
typedef struct _REPLY { PUCHAR Buffer; } REPLY, *PREPLY;

PUCHAR g_Scratch;

VOID Fill(PREQUEST req, PREPLY rep)
{
    g_Scratch = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, SMALL_TAG);
    req->Buffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, SMALL_TAG);
    rep->Buffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, LARGE_TAG);
}

VOID Refill(VOID)
{
    g_Scratch = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 128, SMALL_TAG);
}

VOID Release(PREQUEST req, PREPLY rep)
{
    ExFreePoolWithTag(g_Scratch, SMALL_TAG);
    ExFreePoolWithTag(req->Buffer, SMALL_TAG);
    ExFreePoolWithTag(rep->Buffer, LARGE_TAG);
}
