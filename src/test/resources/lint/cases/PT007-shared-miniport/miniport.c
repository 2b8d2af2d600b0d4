/* PT007 positive: one miniport source built into several drivers (one per NDIS version), and a file only the
   newest of them compiles: that driver is a miniport too (mirrors the layout of a virtual miniport sample). */
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &chars, &NdisDriverHandle);
}
