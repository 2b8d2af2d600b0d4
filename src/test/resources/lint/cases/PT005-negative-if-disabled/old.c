/* PT005 negative: code the compiler never sees (#if 0, the #else of an #if 1, a branch the file's own #define
   rules out) is not linted, and definitions there do not make a tag ambiguous. */
#define OLD_IMPL 0
#define NEW_TAG 'weN_'
#if 0
#define NEW_TAG 'dlO_'
#endif

VOID Rewrite(VOID)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_PAGED, 16, NEW_TAG);
#if 0
    ExFreePoolWithTag(p, 'dlO_');
#endif
#if 1
    ExFreePoolWithTag(p, NEW_TAG);
#else
    ExFreePoolWithTag(p, 'xxxx');
#endif
#if OLD_IMPL
    ExFreePoolWithTag(p, 'dlO_');
#endif
}
