/* PT005 positive: a global allocated in one file and freed in another with another tag. */
#pragma once
#define LOG_TAG    'goLG'
#define TRACE_TAG  'crTG'
extern PUCHAR g_LogBuffer;
