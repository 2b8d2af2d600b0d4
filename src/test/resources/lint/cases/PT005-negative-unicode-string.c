/* PT005 negative: routines that store a buffer of their own make the origin of the pointer uncertain:
   RtlUpcaseUnicodeString with AllocateDestinationString TRUE, RtlInitEmptyUnicodeString with a buffer. Two local
   structures are two different pointers. */
#define NAME_TAG  'emaN'
#define OTHER_TAG 'rhtO'

typedef struct _ENTRY { UNICODE_STRING Name; UNICODE_STRING Alias; } ENTRY, *PENTRY;

VOID Upcase(PENTRY e, PUNICODE_STRING src, BOOLEAN copy)
{
    e->Name.Buffer = ExAllocatePool2(POOL_FLAG_PAGED, src->Length, NAME_TAG);
    if (!copy) {
        RtlUpcaseUnicodeString(&e->Name, src, TRUE);
    }
    ExFreePoolWithTag(e->Name.Buffer, OTHER_TAG);
}

VOID Borrow(PENTRY e, PWCHAR buffer, USHORT size)
{
    e->Alias.Buffer = ExAllocatePool2(POOL_FLAG_PAGED, size, NAME_TAG);
    RtlInitEmptyUnicodeString(&e->Alias, buffer, size);
    ExFreePoolWithTag(e->Alias.Buffer, OTHER_TAG);
}

VOID TwoLocals(USHORT size)
{
    UNICODE_STRING first;
    UNICODE_STRING second;
    first.Buffer = ExAllocatePool2(POOL_FLAG_PAGED, size, NAME_TAG);
    second.Buffer = ExAllocatePool2(POOL_FLAG_PAGED, size, OTHER_TAG);
    ExFreePoolWithTag(first.Buffer, NAME_TAG);
    ExFreePoolWithTag(second.Buffer, OTHER_TAG);
}
