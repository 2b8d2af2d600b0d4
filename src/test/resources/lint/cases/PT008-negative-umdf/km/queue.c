/* PT008 negative: the KMDF and UMDF builds of one sample use the same tag; UMDF ignores WDF pool tags
   (mirrors the echo sample). */
VOID Write(SIZE_T n) { WDFMEMORY m; PVOID b; WdfMemoryCreate(WDF_NO_OBJECT_ATTRIBUTES, NonPagedPoolNx, '1mas', n, &m, &b); }
