/* PT005 negative: a global allocated in one file and freed in another with the same tag; another global that is
   also handed a buffer from elsewhere is not judged. */
#pragma once
#define LOG_TAG    'goLG'
#define TRACE_TAG  'crTG'
extern PUCHAR g_LogBuffer;
extern PUCHAR g_TraceBuffer;
