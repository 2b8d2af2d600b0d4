VOID Write(SIZE_T n) { WDFMEMORY m; PVOID b; WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPool, '1mas', n, &m, &b); }
