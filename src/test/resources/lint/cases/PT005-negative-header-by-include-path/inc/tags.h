/* PT005 negative: the header found through the project's include path gives both calls one tag; the older header
   of the same name nearer to the source, where they differ, is not the one compiled. */
#pragma once
#define QUEUE_TAG   'euQI'
#define REQUEST_TAG 'euQI'
