#include "../inc/tags.h"
VOID AllocateShared(SIZE_T n) { PVOID a = SharedAlloc(n); }
