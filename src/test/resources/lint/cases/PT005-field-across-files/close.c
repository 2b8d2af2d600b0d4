#include "context.h"

VOID CloseContext(PMY_CONTEXT ctx)
{
    if (ctx->Buffer != NULL) {
        ExFreePoolWithTag(ctx->Buffer, CTX_TAG);   // expect: PT005
        ctx->Buffer = NULL;
    }
    ExFreePoolWithTag(ctx->Table, CTX_TAG);
}
