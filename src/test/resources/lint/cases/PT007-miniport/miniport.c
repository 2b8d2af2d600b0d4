/* PT007 positive: an NDIS miniport (it registers with NdisMRegisterMiniportDriver) allocating with the kernel
   allocator (mirrors a virtual miniport sample's RSS code; its project file names both files in one Include). */
NDIS_HANDLE NdisDriverHandle;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars = {0};
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &chars, &NdisDriverHandle);
}
