/* PT007 negative: an NDIS filter driver may use the kernel allocator; only miniports are reported. */
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    return NdisFRegisterFilterDriver(DriverObject, NULL, &chars, &FilterDriverHandle);
}

VOID Allocate(SIZE_T n)
{
    PVOID q = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, 'tliF');
}
