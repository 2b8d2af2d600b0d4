#include "tags.h"

VOID QueueRun(VOID)
{
    PVOID q = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, QUEUE_TAG);
    ExFreePoolWithTag(q, REQUEST_TAG);   // expect: PT005
}
