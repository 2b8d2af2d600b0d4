/* PT007 negative: a Storport miniport that allocates through the port driver only. */
#define HBA_TAG 'abHV'

ULONG DriverEntry(PVOID DriverObject, PVOID RegistryPath)
{
    HW_INITIALIZATION_DATA init = {0};
    return StorPortInitialize(DriverObject, RegistryPath, &init, NULL);
}

BOOLEAN HwInitialize(PVOID DeviceExtension)
{
    PVOID queue = NULL;
    if (StorPortAllocatePool(DeviceExtension, 4096, HBA_TAG, &queue) != STOR_STATUS_SUCCESS) {
        return FALSE;
    }
    StorPortFreePool(DeviceExtension, queue);
    return TRUE;
}
