/* PT005 positive through wrapper macros: an "external" allocation (handed to the I/O manager) freed with the
   internal free macro on an exception path (mirrors a file-system driver's buffering helper). */
#define INTERNAL_TAG 'IsyM'
#define EXTERNAL_TAG 'XsyM'
#define MyAllocNonPagedExternal(Size) ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, EXTERNAL_TAG)
#define MyFree(Pointer) ExFreePoolWithTag(Pointer, INTERNAL_TAG)

NTSTATUS BufferUserBuffer(PIRP Irp, ULONG Length)
{
    PVOID SystemBuffer = MyAllocNonPagedExternal(Length);
    if (0 == SystemBuffer)
        return STATUS_INSUFFICIENT_RESOURCES;
    try
    {
        RtlCopyMemory(SystemBuffer, Irp->UserBuffer, Length);
    }
    except (EXCEPTION_EXECUTE_HANDLER)
    {
        MyFree(SystemBuffer);                      // expect: PT005
        return GetExceptionCode();
    }
    Irp->AssociatedIrp.SystemBuffer = SystemBuffer;
    return STATUS_SUCCESS;
}
