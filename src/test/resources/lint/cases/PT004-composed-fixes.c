/* PT004 positive where other findings touch the same call: one fix resolves them all (the seed's own snippet: a
   string tag in a deprecated call; a reading-order literal in executable pool). */
VOID Seed(VOID)
{
    PVOID p = ExAllocatePoolWithTag(PagedPool, 16, "fByM");   // expect: PT001 PT004
    PVOID q = ExAllocatePoolWithTag(NonPagedPool, 16, 'Io  ');   // expect: PT004 PT006 PT008
    ExFreePoolWithTag(p, 'MyBf');
    ExFreePoolWithTag(q, 'Io  ');
}
