package dev.pooltags.lint;

import java.util.List;

/**
 * The pointer events of one function, handed over when the function ends.
 *
 * @param function     the function's identity, {@code file:line name}
 * @param events       its events in token order
 * @param blockParents the file's block table (see {@link PointerEvent#block()}); read it before the scan goes on
 * @param truncated    true when the function had more events than a scan keeps, and only the first were kept
 */
public record FunctionEvents(String function, List<PointerEvent> events, IntList blockParents, boolean truncated) {
}
