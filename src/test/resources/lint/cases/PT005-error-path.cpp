// PT005 positive: allocated with one tag, freed with another on the error path (mirrors an audio sample's
// property-value helper).
#define SIDEBAND_POOLTAG   'iAyS'
#define ADAPTER_POOLTAG    'uAyS'

NTSTATUS GetValues(ULONG Length, PVOID *Values)
{
    NTSTATUS status = STATUS_SUCCESS;
    PKSPROPERTY_DESCRIPTION values = NULL;

    *Values = NULL;
    values = (PKSPROPERTY_DESCRIPTION) ExAllocatePool2(POOL_FLAG_NON_PAGED, Length, SIDEBAND_POOLTAG);
    if (values == NULL)
    {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Done;
    }
    status = SendRequest(values, Length);
    if (NT_SUCCESS(status))
    {
        *Values = values;
    }
Done:
    if (!NT_SUCCESS(status) && values != NULL)
    {
        ExFreePoolWithTag(values, ADAPTER_POOLTAG);   // expect: PT005
    }
    return status;
}
