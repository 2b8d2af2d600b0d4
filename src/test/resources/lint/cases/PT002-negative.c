/* PT002 negative: WDF takes tag 0 as "the driver's tag"; frees may pass 0 (no check); unique tags. */
VOID Allocate(WDFDEVICE Device, SIZE_T n)
{
    WDFMEMORY mem;
    PVOID buffer;
    NTSTATUS status = WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, 0, n, &mem, &buffer);
    PVOID a = ExAllocatePool2(POOL_FLAG_PAGED, n, 'kdD1');
    PVOID b = ExAllocatePool2(POOL_FLAG_PAGED, n, 'Ab12');
    ExFreePoolWithTag(a, 0);
}
