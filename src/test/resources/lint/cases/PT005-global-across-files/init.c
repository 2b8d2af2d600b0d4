#include "log.h"

PUCHAR g_LogBuffer = NULL;

NTSTATUS LogInit(VOID)
{
    g_LogBuffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 4096, LOG_TAG);
    return g_LogBuffer ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}
