package dev.pooltags.project;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A driver project: the {@code .vcxproj} or {@code sources} file that builds some of the scanned files (or, when
 * there is none, the folder given on the command line), with the NX-pool settings found in it.
 *
 * @param id          the project file (or folder) as shown to the user
 * @param name        the binary's base name ({@code TargetName}, {@code TARGETNAME}, or the project file's name)
 * @param nxDefines   NX opt-in defines found in the project file ({@code POOL_NX_OPTIN=1 in x.vcxproj})
 * @param nxAuto      {@code POOL_NX_OPTIN_AUTO} is defined: NonPagedPool means NonPagedPoolNx everywhere
 * @param nxOptIn     {@code POOL_NX_OPTIN} is defined: NonPagedPool follows ExInitializeDriverRuntime
 * @param userMode    a UMDF driver, application or DLL: it has no kernel pool (UMDF ignores WDF pool tags)
 * @param library     a static library: its code ends up in the drivers that link it, so it owns no tags of its own
 * @param defines     preprocessor symbols every configuration of the project defines, with their values
 * @param maybeDefined symbols some configurations define and others do not (Debug and Release, x86 and x64)
 * @param includeDirs the project's include folders as shown ('/' terminated), searched after the including file's own
 */
public record Project(String id, String name, List<String> nxDefines, boolean nxAuto, boolean nxOptIn, boolean userMode,
        boolean library, Map<String, String> defines, Set<String> maybeDefined, List<String> includeDirs) {
    public static Project folder(String id, String name) {
        return new Project(id, name, List.of(), false, false, false, false, Map.of(), Set.of(), List.of());
    }
}
