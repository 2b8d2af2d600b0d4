/* PT005 positive under #if: a branch the project always compiles (USE_RING is defined by every configuration)
   is judged plainly; a branch under a condition the sources cannot decide (TRACE_LEVEL is set by the Debug
   configuration only, CHECKED_BUILD nowhere) is analyzed as well, and its finding names the condition. */
#define RING_TAG  'gniR'
#define TRACE_TAG 'carT'

VOID Ring(VOID)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, RING_TAG);
#ifdef USE_RING
    ExFreePoolWithTag(p, TRACE_TAG);   // expect: PT005
#else
    ExFreePoolWithTag(p, RING_TAG);
#endif
}

VOID Trace(VOID)
{
    PVOID t = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TRACE_TAG);
#if TRACE_LEVEL > 2
    ExFreePoolWithTag(t, RING_TAG);    // expect: PT005
#else
    ExFreePoolWithTag(t, TRACE_TAG);
#endif
}

VOID Checked(VOID)
{
    PVOID c;
#ifdef CHECKED_BUILD
    c = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, TRACE_TAG);
#else
    c = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, RING_TAG);
#endif
    ExFreePoolWithTag(c, RING_TAG);
}
