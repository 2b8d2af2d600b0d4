#include "context.h"

NTSTATUS CreateContext(PMY_CONTEXT Context, ULONG Length)
{
    Context->Buffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, Length, BUFFER_TAG);
    if (Context->Buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Context->Table = ExAllocatePool2(POOL_FLAG_PAGED, 64, CTX_TAG);
    Context->Length = Length;
    return STATUS_SUCCESS;
}
