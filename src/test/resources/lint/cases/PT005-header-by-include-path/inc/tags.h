/* PT005 positive: the tags come from a header found through the project's include path (AdditionalIncludeDirectories
   ..\inc), not from the older header of the same name nearer to the source. */
#pragma once
#define QUEUE_TAG   'euQI'
#define REQUEST_TAG 'qeRI'
