/* PT007 positive: a Storport miniport (it registers with StorPortInitialize) that allocates from the kernel
   directly, beside calls of the port's own allocator. NdisAllocateMemory is NDIS's untagged allocator (PT003). */
#define HBA_TAG 'abHV'

ULONG DriverEntry(PVOID DriverObject, PVOID RegistryPath)
{
    HW_INITIALIZATION_DATA init = {0};
    return StorPortInitialize(DriverObject, RegistryPath, &init, NULL);
}

BOOLEAN HwInitialize(PVOID DeviceExtension)
{
    PVOID queue = NULL;
    PVOID scratch = ExAllocatePool2(POOL_FLAG_NON_PAGED, 512, HBA_TAG);   // expect: PT007
    if (StorPortAllocatePool(DeviceExtension, 4096, HBA_TAG, &queue) != STOR_STATUS_SUCCESS) {
        return FALSE;
    }
    StorPortFreePool(DeviceExtension, queue);
    ExFreePoolWithTag(scratch, HBA_TAG);
    return TRUE;
}
