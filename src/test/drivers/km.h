/*
 * The few kernel types and routines the test drivers use, declared by hand from Microsoft's public
 * documentation (no WDK headers are needed to build them). The signatures, argument order, calling
 * convention (NTAPI = __stdcall on x86) and enum values are the real ones: the scanner reads the tag
 * argument from where these declarations put it.
 */
#ifndef POOLTAGS_KM_H
#define POOLTAGS_KM_H

#define NTAPI __stdcall
#ifdef KM_USE_THUNKS
/* Without dllimport the compiler calls the import through a jump thunk the linker adds. */
#define KMIMPORT
#else
#define KMIMPORT __declspec(dllimport)
#endif
#define NOINLINE __attribute__((noinline))
#define NULL ((void *)0)

typedef unsigned char UCHAR;
typedef unsigned short USHORT;
typedef unsigned int UINT;
typedef unsigned long ULONG; /* 32 bits on Windows, in every data model */
typedef long LONG;
typedef short SHORT;
typedef unsigned long long ULONG64;
typedef __SIZE_TYPE__ SIZE_T;
typedef void *PVOID;
typedef void *NDIS_HANDLE;
typedef LONG NTSTATUS;
typedef int NDIS_STATUS;
typedef ULONG64 POOL_FLAGS;

typedef enum _POOL_TYPE {
    NonPagedPool = 0,
    NonPagedPoolExecute = 0,
    PagedPool = 1,
    NonPagedPoolMustSucceed = 2,
    DontUseThisType = 3,
    NonPagedPoolCacheAligned = 4,
    PagedPoolCacheAligned = 5,
    NonPagedPoolCacheAlignedMustS = 6,
    MaxPoolType = 7,
    NonPagedPoolNx = 512,
    NonPagedPoolNxCacheAligned = 516
} POOL_TYPE;

typedef enum _EX_POOL_PRIORITY {
    LowPoolPriority = 0,
    NormalPoolPriority = 16,
    HighPoolPriority = 32
} EX_POOL_PRIORITY;

typedef enum _VP_POOL_TYPE {
    VpNonPagedPool = 0,
    VpPagedPool = 1,
    VpNonPagedPoolCacheAligned = 4,
    VpPagedPoolCacheAligned = 5
} VP_POOL_TYPE;

#define POOL_FLAG_USE_QUOTA 0x0000000000000001ULL
#define POOL_FLAG_UNINITIALIZED 0x0000000000000002ULL
#define POOL_FLAG_CACHE_ALIGNED 0x0000000000000008ULL
#define POOL_FLAG_NON_PAGED 0x0000000000000040ULL
#define POOL_FLAG_PAGED 0x0000000000000100ULL
#define PROTECTED_POOL 0x80000000UL

/* Opaque stand-ins with the real sizes' alignment; the code never runs, it is only scanned. */
typedef struct _NPAGED_LOOKASIDE_LIST { __attribute__((aligned(16))) UCHAR Opaque[128]; } NPAGED_LOOKASIDE_LIST,
    *PNPAGED_LOOKASIDE_LIST;
typedef struct _PAGED_LOOKASIDE_LIST { __attribute__((aligned(16))) UCHAR Opaque[128]; } PAGED_LOOKASIDE_LIST,
    *PPAGED_LOOKASIDE_LIST;
typedef struct _LOOKASIDE_LIST_EX { __attribute__((aligned(16))) UCHAR Opaque[96]; } LOOKASIDE_LIST_EX,
    *PLOOKASIDE_LIST_EX;
typedef struct _POOL_EXTENDED_PARAMETER POOL_EXTENDED_PARAMETER;
typedef const POOL_EXTENDED_PARAMETER *PCPOOL_EXTENDED_PARAMETER;
typedef struct _FLT_INSTANCE *PFLT_INSTANCE;
typedef PVOID(NTAPI *PALLOCATE_FUNCTION)(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
typedef void(NTAPI *PFREE_FUNCTION)(PVOID Buffer);
typedef PVOID(NTAPI *PALLOCATE_FUNCTION_EX)(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag, PLOOKASIDE_LIST_EX Lookaside);
typedef void(NTAPI *PFREE_FUNCTION_EX)(PVOID Buffer, PLOOKASIDE_LIST_EX Lookaside);

typedef struct _DRIVER_OBJECT {
    SHORT Type;
    SHORT Size;
    PVOID DeviceObject;
    ULONG Flags;
    PVOID DriverStart;
    ULONG DriverSize;
    PVOID DriverSection;
    PVOID DriverExtension;
} DRIVER_OBJECT, *PDRIVER_OBJECT;
typedef struct _UNICODE_STRING {
    USHORT Length;
    USHORT MaximumLength;
    USHORT *Buffer;
} UNICODE_STRING, *PUNICODE_STRING;

/* ntoskrnl.exe */
KMIMPORT PVOID NTAPI ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
KMIMPORT PVOID NTAPI ExAllocatePoolWithQuotaTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
KMIMPORT PVOID NTAPI ExAllocatePoolWithTagPriority(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
    EX_POOL_PRIORITY Priority);
KMIMPORT PVOID NTAPI ExAllocatePool2(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag);
KMIMPORT PVOID NTAPI ExAllocatePool3(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag,
    PCPOOL_EXTENDED_PARAMETER ExtendedParameters, ULONG ExtendedParametersCount);
KMIMPORT PVOID NTAPI ExAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes);
KMIMPORT PVOID NTAPI ExAllocatePoolWithQuota(POOL_TYPE PoolType, SIZE_T NumberOfBytes);
KMIMPORT void NTAPI ExFreePoolWithTag(PVOID P, ULONG Tag);
KMIMPORT void NTAPI ExFreePool2(PVOID P, ULONG Tag, PCPOOL_EXTENDED_PARAMETER ExtendedParameters,
    ULONG ExtendedParametersCount);
KMIMPORT void NTAPI ExFreePool(PVOID P);
KMIMPORT void NTAPI ExInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PALLOCATE_FUNCTION Allocate,
    PFREE_FUNCTION Free, ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth);
KMIMPORT void NTAPI ExInitializePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside, PALLOCATE_FUNCTION Allocate,
    PFREE_FUNCTION Free, ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth);
KMIMPORT NTSTATUS NTAPI ExInitializeLookasideListEx(PLOOKASIDE_LIST_EX Lookaside, PALLOCATE_FUNCTION_EX Allocate,
    PFREE_FUNCTION_EX Free, POOL_TYPE PoolType, ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth);
KMIMPORT ULONG NTAPI KeQueryTimeIncrement(void);
KMIMPORT UCHAR NTAPI MmIsAddressValid(PVOID VirtualAddress);
KMIMPORT ULONG __cdecl DbgPrint(const char *Format, ...);

/* ndis.sys */
KMIMPORT NDIS_STATUS NTAPI NdisAllocateMemoryWithTag(PVOID *VirtualAddress, UINT Length, ULONG Tag);
KMIMPORT PVOID NTAPI NdisAllocateMemoryWithTagPriority(NDIS_HANDLE NdisHandle, UINT Length, ULONG Tag,
    EX_POOL_PRIORITY Priority);
KMIMPORT void NTAPI NdisFreeMemoryWithTagPriority(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, ULONG Tag);
KMIMPORT void NTAPI NdisFreeMemory(PVOID VirtualAddress, UINT Length, UINT MemoryFlags);

/* fltmgr.sys */
KMIMPORT PVOID NTAPI FltAllocatePoolAlignedWithTag(PFLT_INSTANCE Instance, POOL_TYPE PoolType, SIZE_T NumberOfBytes,
    ULONG Tag);
KMIMPORT void NTAPI FltFreePoolAlignedWithTag(PFLT_INSTANCE Instance, PVOID Buffer, ULONG Tag);

/* videoprt.sys */
KMIMPORT PVOID NTAPI VideoPortAllocatePool(PVOID HwDeviceExtension, VP_POOL_TYPE PoolType, SIZE_T NumberOfBytes,
    ULONG Tag);
KMIMPORT void NTAPI VideoPortFreePool(PVOID HwDeviceExtension, PVOID Ptr);

/* storport.sys: the pool routines of storport.h are inline functions over the variadic StorPortExtendedFunction,
   whose first argument says which one is meant. */
typedef enum _STORPORT_FUNCTION_CODE {
    ExtFunctionAllocatePool,
    ExtFunctionFreePool
} STORPORT_FUNCTION_CODE;
KMIMPORT ULONG __cdecl StorPortExtendedFunction(STORPORT_FUNCTION_CODE FunctionCode, PVOID HwDeviceExtension, ...);

static __inline ULONG StorPortAllocatePool(PVOID HwDeviceExtension, ULONG NumberOfBytes, ULONG Tag,
    PVOID *BufferPointer) {
    return StorPortExtendedFunction(ExtFunctionAllocatePool, HwDeviceExtension, NumberOfBytes, Tag, BufferPointer);
}

static __inline ULONG StorPortFreePool(PVOID HwDeviceExtension, PVOID BufferPointer) {
    return StorPortExtendedFunction(ExtFunctionFreePool, HwDeviceExtension, BufferPointer);
}

NTSTATUS NTAPI DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath);

#endif
