/* PT005 positive: a global buffer allocated at start and freed at unload with another tag. */
#define LOG_TAG  'goLM'
#define MISC_TAG 'csiM'

PVOID g_LogBuffer = NULL;

NTSTATUS StartLog(VOID)
{
    g_LogBuffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, 4096, LOG_TAG);
    return g_LogBuffer ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}

VOID StopLog(VOID)
{
    if (g_LogBuffer) {
        ExFreePoolWithTag(g_LogBuffer, MISC_TAG);   // expect: PT005
        g_LogBuffer = NULL;
    }
}
