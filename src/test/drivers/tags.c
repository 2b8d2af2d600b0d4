/*
 * Tags kept as constants in read-only data, in their own translation unit (as drivers keep them in a tags.c
 * or behind an extern in a header): the compiler of poolalloc.c cannot see the values, so it loads them.
 */
#include "km.h"

const ULONG RoTag = '20aP';
const ULONG RoWrapTag = '31aP';
