package dev.pooltags.scan;

import dev.pooltags.tag.PoolTag;

/**
 * A tag's four bytes found in a file by plain search, as {@code findstr /m /l TAG *.sys} finds them: weaker
 * evidence than a call site, since the bytes may be a string, data or code that is not a pool call.
 *
 * @param tag         the tag searched for
 * @param count       how many times the bytes occur
 * @param firstOffset file offset of the first occurrence
 */
public record ByteMatch(PoolTag tag, int count, long firstOffset) {
}
