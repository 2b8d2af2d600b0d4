#include "reader.h"

PWORKER CSaver::m_pWorkItems = NULL;

NTSTATUS CSaver::Start()
{
    m_pWorkItems = (PWORKER)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(WORKER) * 4, SAVE_TAG);
    return m_pWorkItems ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}

VOID CSaver::Stop()
{
    if (m_pWorkItems)
    {
        ExFreePoolWithTag(m_pWorkItems, SAVE_TAG);
        m_pWorkItems = NULL;
    }
}
