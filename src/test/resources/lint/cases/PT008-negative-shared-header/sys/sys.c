#include "..\inc\tags.h"
VOID Allocate(SIZE_T n) { PVOID a = SharedAlloc(n); }
