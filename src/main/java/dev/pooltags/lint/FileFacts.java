package dev.pooltags.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the index pass learns about one file: its definitions, includes, file-scope names, the names it calls, where
 * it registers as a miniport or opts in to NX pool, and its suppressions. Calls and pointer events are not kept
 * here: a full scan hands them to a {@link FileScanner.Sink} as it finds them.
 *
 * @param file           the file as shown in findings (the path as the user named it, '/' separated)
 * @param lines          number of lines
 * @param definitions    {@code #define}s, constants and enumerators, in file order
 * @param includes       the names in {@code #include "..."} and {@code <...>}, as written
 * @param globals        names declared at file scope
 * @param members        the data members of each class or structure declared here (and static members defined
 *                       here), as name hashes
 * @param calledNames    every name used as {@code name(}: decides which files need the full pass
 * @param nxRuntimeCall  where {@code ExInitializeDriverRuntime(DrvRtPoolNxOptIn)} is called, or null
 * @param miniportCall   where the driver registers as an NDIS, Storport or video port miniport, or null
 * @param virtualMiniport true when the file uses VIRTUAL_HW_INITIALIZATION_DATA: its driver is a Storport virtual
 *                       miniport, which unlike a physical one may call kernel routines
 * @param conditionals   lines compiled only under a condition the sources cannot decide, with the condition
 * @param suppressions   the file's suppressions
 */
public record FileFacts(String file, int lines, List<Definition> definitions, List<String> includes, Set<String> globals,
        Map<String, NameSet> members, NameSet calledNames, Location nxRuntimeCall, Miniport.Registration miniportCall, boolean virtualMiniport,
        List<FileScanner.Conditional> conditionals, Suppressions suppressions) {
    /** The conditions the line is compiled under, innermost last (empty when it always is). */
    public List<String> conditionsAt(int line) {
        List<String> out = new java.util.ArrayList<>();
        for (FileScanner.Conditional c : conditionals) {
            if (c.fromLine() <= line && line <= c.toLine()) {
                out.add(c.condition());
            }
        }
        return out;
    }
}
