#include "reader.h"

PWORKER CReader::m_pWorkItems = NULL;

NTSTATUS CReader::Start(PDEVICE_OBJECT Device)
{
    if (m_pWorkItems != NULL)
    {
        return STATUS_SUCCESS;
    }
    m_pWorkItems = (PWORKER)
        ExAllocatePool2
        (
            POOL_FLAG_NON_PAGED,
            sizeof(WORKER) * 4,
            'TPDR'
        );
    this->m_Buffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, WORK_ITEM_TAG);
    return m_pWorkItems ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}

VOID CReader::Stop()
{
    if (m_pWorkItems)
    {
        ExFreePoolWithTag(m_pWorkItems, WORK_ITEM_TAG);   // expect: PT005
        m_pWorkItems = NULL;
    }
}
