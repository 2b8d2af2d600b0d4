/* PT005 positive: a UNICODE_STRING buffer filled in place by string routines, freed with the generic tag on the
   failure path while the normal cleanup uses the right one (mirrors a name-changing minifilter's directory
   enumeration context). */
#define GENERIC_TAG  'ne_G'
#define SEARCH_TAG   'hcrS'

typedef struct _DIR_CONTEXT { UNICODE_STRING SearchString; ULONG Flags; } DIR_CONTEXT, *PDIR_CONTEXT;

NTSTATUS SetUp(PDIR_CONTEXT Ctx, PUNICODE_STRING Search, BOOLEAN IgnoreCase)
{
    NTSTATUS status = STATUS_SUCCESS;
    if (Search != NULL) {
        Ctx->SearchString.Buffer = ExAllocatePoolZero(PagedPool, Search->Length, SEARCH_TAG);
        if (Ctx->SearchString.Buffer == NULL) {
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        Ctx->SearchString.MaximumLength = Search->Length;
        if (IgnoreCase) {
            RtlUpcaseUnicodeString(&Ctx->SearchString, Search, FALSE);
        } else {
            RtlCopyUnicodeString(&Ctx->SearchString, Search);
        }
    } else {
        RtlInitEmptyUnicodeString(&Ctx->SearchString, NULL, 0);
    }
    status = Register(Ctx);
    if (!NT_SUCCESS(status)) {
        if (Ctx->SearchString.Buffer != NULL) {
            ExFreePoolWithTag(Ctx->SearchString.Buffer, GENERIC_TAG);   // expect: PT005
            Ctx->SearchString.Buffer = NULL;
        }
    }
    return status;
}

VOID TearDown(PDIR_CONTEXT Ctx)
{
    if (Ctx->SearchString.Buffer != NULL) {
        ExFreePoolWithTag(Ctx->SearchString.Buffer, SEARCH_TAG);
        Ctx->SearchString.Buffer = NULL;
    }
}
