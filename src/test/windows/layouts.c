/*
 * The structures dev.pooltags.snapshot.WindowsPoolBuffers decodes, declared by pooltags from what is public about them:
 * NtQuerySystemInformation's classes 22 (SystemPoolTagInformation), 66 (SystemBigPoolInformation) and 67
 * (SystemSessionPoolTagInformation) return a count or a chain of headers followed by arrays of these records;
 * PERFORMANCE_INFORMATION is psapi's, documented by Microsoft (taken here from mingw-w64's psapi.h).
 *
 * WindowsLayoutTest compiles this file for x86 and x64 with mingw-w64 and reads pooltags_layout[] out of the object's
 * .data section: the sizes and offsets the compiler gives these declarations must be the ones the decoder uses.
 * The order of pooltags_layout[] is the order of WindowsPoolBuffers.Layout.byName().
 */
#include <stddef.h>
#include <windows.h>
#include <psapi.h>

#ifndef PT_PREFIX
/* pooltags' own declarations */
typedef struct {
    union {
        UCHAR Tag[4];
        ULONG TagUlong;
    };
    ULONG PagedAllocs;
    ULONG PagedFrees;
    SIZE_T PagedUsed;
    ULONG NonPagedAllocs;
    ULONG NonPagedFrees;
    SIZE_T NonPagedUsed;
} PT_SYSTEM_POOLTAG;

typedef struct {
    ULONG Count;
    PT_SYSTEM_POOLTAG TagInfo[1];
} PT_SYSTEM_POOLTAG_INFORMATION;

typedef struct {
    SIZE_T NextEntryOffset;
    ULONG SessionId;
    ULONG Count;
    PT_SYSTEM_POOLTAG TagInfo[1];
} PT_SYSTEM_SESSION_POOLTAG_INFORMATION;

typedef struct {
    union {
        PVOID VirtualAddress;
        ULONG_PTR NonPaged : 1;
    };
    SIZE_T SizeInBytes;
    union {
        UCHAR Tag[4];
        ULONG TagUlong;
    };
} PT_SYSTEM_BIGPOOL_ENTRY;

typedef struct {
    ULONG Count;
    PT_SYSTEM_BIGPOOL_ENTRY AllocatedInfo[1];
} PT_SYSTEM_BIGPOOL_INFORMATION;
#define PT(name) PT_##name
#else
/* another project's declarations, extracted into a header the test names (never kept in this repository) */
#include PT_PREFIX
#define PT(name) name
#endif

unsigned int pooltags_layout[] = {
    sizeof(PT(SYSTEM_POOLTAG)),
    offsetof(PT(SYSTEM_POOLTAG), TagUlong),
    offsetof(PT(SYSTEM_POOLTAG), PagedAllocs),
    offsetof(PT(SYSTEM_POOLTAG), PagedFrees),
    offsetof(PT(SYSTEM_POOLTAG), PagedUsed),
    offsetof(PT(SYSTEM_POOLTAG), NonPagedAllocs),
    offsetof(PT(SYSTEM_POOLTAG), NonPagedFrees),
    offsetof(PT(SYSTEM_POOLTAG), NonPagedUsed),
    offsetof(PT(SYSTEM_POOLTAG_INFORMATION), TagInfo),
#ifndef PT_NO_SESSION
    offsetof(PT(SYSTEM_SESSION_POOLTAG_INFORMATION), NextEntryOffset),
    offsetof(PT(SYSTEM_SESSION_POOLTAG_INFORMATION), SessionId),
    offsetof(PT(SYSTEM_SESSION_POOLTAG_INFORMATION), Count),
    offsetof(PT(SYSTEM_SESSION_POOLTAG_INFORMATION), TagInfo),
#else
    0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF,
#endif
#ifndef PT_NO_BIGPOOL
    sizeof(PT(SYSTEM_BIGPOOL_ENTRY)),
    offsetof(PT(SYSTEM_BIGPOOL_ENTRY), VirtualAddress),
    offsetof(PT(SYSTEM_BIGPOOL_ENTRY), SizeInBytes),
    offsetof(PT(SYSTEM_BIGPOOL_ENTRY), TagUlong),
    offsetof(PT(SYSTEM_BIGPOOL_INFORMATION), AllocatedInfo),
#else
    0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF,
#endif
    offsetof(PERFORMANCE_INFORMATION, CommitTotal),
    offsetof(PERFORMANCE_INFORMATION, PageSize),
    sizeof(PERFORMANCE_INFORMATION),
};
