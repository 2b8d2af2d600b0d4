#include "log.h"

VOID LogUnload(VOID)
{
    if (g_LogBuffer != NULL) {
        ExFreePoolWithTag(g_LogBuffer, TRACE_TAG);   // expect: PT005
        g_LogBuffer = NULL;
    }
}
