package dev.pooltags.pe;

/**
 * One {@code .pdata} entry: a function's code range, or a fragment of one (code the compiler moved away from
 * its function, whose unwind data chains to the parent's; a fragment has no entry of its own, so nothing is
 * known about its registers when it starts).
 *
 * @param begin    first byte (RVA)
 * @param end      one past the last byte (RVA)
 * @param fragment true for a chained fragment rather than a function entry
 */
public record FunctionRange(int begin, int end, boolean fragment) {
}
