#include "log.h"

VOID LogUnload(VOID)
{
    ExFreePoolWithTag(g_LogBuffer, LOG_TAG);
    ExFreePoolWithTag(g_TraceBuffer, TRACE_TAG);
}
