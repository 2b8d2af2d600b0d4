/* PT005 positive: a structure member allocated in one file and freed in another with a different tag. */
#pragma once
#define CTX_TAG     'xtCM'
#define BUFFER_TAG  'fuBM'

typedef struct _MY_CONTEXT {
    PUCHAR Buffer;
    ULONG Length;
    PVOID Table;
} MY_CONTEXT, *PMY_CONTEXT;
