#include "compat.h"

VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePoolWithTag(NonPagedPoolNx, n, 'vDsC');
#pragma warning(suppress: 28751)
    PVOID b = ExAllocatePoolWithTag(NonPagedPoolNx, n, 'vDsC');
    PVOID c = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, 'vDsC');
    PVOID d = ExAllocatePoolZero(NonPagedPoolNx, n, 'vDsC');
}
