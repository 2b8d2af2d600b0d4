#include "engine.h"

VOID CEngine::Scratch()
{
    PVOID m_Buffer = ExAllocatePool2(POOL_FLAG_PAGED, 8, CACHE_TAG);
    ExFreePoolWithTag(m_Buffer, CACHE_TAG);
}

VOID CCache::Fill()
{
    m_Buffer = ExAllocatePool2(POOL_FLAG_PAGED, 64, CACHE_TAG);
}

VOID CCache::Empty()
{
    ExFreePoolWithTag(m_Buffer, CACHE_TAG);
    m_Buffer = NULL;
}
