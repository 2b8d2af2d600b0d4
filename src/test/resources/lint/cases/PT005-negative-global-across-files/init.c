#include "log.h"

PUCHAR g_LogBuffer = NULL;
PUCHAR g_TraceBuffer = NULL;

NTSTATUS LogInit(PUCHAR Preallocated)
{
    g_LogBuffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 4096, LOG_TAG);
    g_TraceBuffer = Preallocated != NULL ? Preallocated : (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, LOG_TAG);
    return g_LogBuffer ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}
