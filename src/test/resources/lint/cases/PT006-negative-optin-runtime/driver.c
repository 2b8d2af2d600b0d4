/* PT006 negative: POOL_NX_OPTIN defined in the source and ExInitializeDriverRuntime called in DriverEntry. */
#define POOL_NX_OPTIN 1
#include <ntddk.h>

NPAGED_LOOKASIDE_LIST g_Lookaside;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ExInitializeDriverRuntime(DrvRtPoolNxOptIn);
    ExInitializeNPagedLookasideList(&g_Lookaside, NULL, NULL, 0, 64, 'ollA', 0);
    PVOID a = ExAllocatePoolZero(NonPagedPool, 64, 'ollA');
    return STATUS_SUCCESS;
}
