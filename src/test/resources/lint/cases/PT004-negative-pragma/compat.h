/* PT004 negative: a header that disables the compiler's deprecation warning for its includers, as a display
   driver that must still load on older Windows versions does. */
#pragma once
#pragma warning(disable : 4996)
