/* PT007 negative: a Storport virtual miniport (VIRTUAL_HW_INITIALIZATION_DATA) may call kernel routines, as a
   file system that exposes volumes as disks does. */
#define VOL_TAG 'loVZ'

ULONG DriverEntry(PVOID DriverObject, PVOID RegistryPath)
{
    VIRTUAL_HW_INITIALIZATION_DATA init = {0};
    init.HwInitializationDataSize = sizeof(init);
    return StorPortInitialize(DriverObject, RegistryPath, (PHW_INITIALIZATION_DATA)&init, NULL);
}

PVOID NewVolume(SIZE_T Size)
{
    return ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, VOL_TAG);
}
