/**
 * The pool tag as a value: {@link dev.pooltags.tag.PoolTag} (32-bit value, memory-order text, character-literal
 * order, hex, protected bit, escapes for unprintable bytes), {@link dev.pooltags.tag.TagPattern} and
 * {@link dev.pooltags.tag.TagFilter} (PoolMon's {@code /i} and {@code /x} wildcards) and
 * {@link dev.pooltags.tag.PoolType}, and {@link dev.pooltags.tag.TagCache}, the recently met tags by value that the
 * readers of long traces share. No I/O lives here.
 */
package dev.pooltags.tag;
