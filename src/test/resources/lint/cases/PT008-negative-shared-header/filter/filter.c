#include "../inc/tags.h"
VOID AllocateInFilter(SIZE_T n) { PVOID a = SharedAlloc(n); }
