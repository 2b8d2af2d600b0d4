package dev.pooltags.lint;

import java.util.List;
import java.util.Set;

/**
 * What the lint needs from one source file, read once so the tokens can be dropped: its definitions, includes,
 * file-scope names, the pool-routine calls and pointer events (for files that call any), and suppressions.
 *
 * @param file           the file as shown in findings (the path as the user named it, '/' separated)
 * @param lines          number of lines
 * @param definitions    {@code #define}s, constants and enumerators, in file order
 * @param includes       the names in {@code #include "..."} and {@code <...>}, as written
 * @param globals        names declared at file scope
 * @param calledNames    every name used as {@code name(}: decides which files need the full pass
 * @param calls          pool-routine calls (after the full pass), including those inside macro definitions
 * @param events         pointer events for the mismatched-free rule
 * @param nxRuntimeCall  where {@code ExInitializeDriverRuntime(DrvRtPoolNxOptIn)} is called, or null
 * @param miniportCall   where {@code NdisMRegisterMiniportDriver} is called, or null
 * @param suppressions   the file's suppressions
 */
public record FileFacts(String file, int lines, List<Definition> definitions, List<String> includes, Set<String> globals,
        Set<String> calledNames, List<Call> calls, List<PointerEvent> events, Location nxRuntimeCall,
        Location miniportCall, Suppressions suppressions) {
}
