/* PT006 positive: POOL_NX_OPTIN=1 in the project, but DriverEntry never calls ExInitializeDriverRuntime, so
   NonPagedPool stays executable (mirrors a KMDF random-number driver). */
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}

VOID Read(SIZE_T n)
{
    PVOID entry = ExAllocatePoolUninitialized(NonPagedPool, n, 'gnrV');             // expect: PT006
}
