package dev.pooltags.project;

import dev.pooltags.source.InputException;
import dev.pooltags.source.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The C/C++ files under the paths given and the driver projects that build them, as read: {@code .vcxproj} files
 * (their ClCompile/ClInclude items, TargetName and PreprocessorDefinitions) and WDK {@code sources} files
 * (TARGETNAME, C_DEFINES), and the {@code .pooltags.yml} files above them. A file belongs to the project that lists
 * it, else to the nearest project file in a folder above it, else to a project of its own folder (no build settings
 * known). Immutable: {@link #discover} reads it once, and lint works from it and the bytes of each file.
 *
 * @param files    the source files, sorted by how they are shown
 * @param projects the projects: those read from project files, in path order, then the folder projects made for
 *                 files no project file claims
 * @param configs  the {@code .pooltags.yml} files found, deepest folder first (the nearest one wins)
 */
public record ProjectLayout(List<SourceFile> files, List<Project> projects, List<ConfigFile> configs) {
    /** The name of the project file that declares wrappers and defines ({@link LintConfigReader}). */
    public static final String CONFIG = ".pooltags.yml";

    /** A {@code .pooltags.yml} and the folder it applies to ('/' terminated, as shown; empty for the current one). */
    public record ConfigFile(String root, LintConfigReader.Config config) {
    }

    public ProjectLayout {
        files = List.copyOf(files);
        projects = List.copyOf(projects);
        configs = List.copyOf(configs);
    }

    /** Walks the inputs (files or folders) and reads the project and config files found. A missing input is an
     * {@link InputException}. */
    public static ProjectLayout discover(List<Path> inputs) {
        return LayoutReader.discover(inputs);
    }

    /** The bytes of a source file of the layout, read from disk (what the command gives lint for each file). */
    public static byte[] read(SourceFile file) {
        return TextFiles.readAllBytes(file.path(), TextFiles.SOURCE);
    }

    /**
     * The symbols a file is compiled with: those every configuration of its project defines, and those the nearest
     * {@code .pooltags.yml} above it adds (symbols only some configurations define are the project's
     * {@link Project#maybeDefined()}).
     */
    public Map<String, String> defines(SourceFile f) {
        Map<String, String> defined = new HashMap<>(f.project().defines());
        for (ConfigFile c : configs) {
            if (c.root().isEmpty() || f.display().startsWith(c.root())) {
                c.config().defines().forEach(defined::putIfAbsent);
            }
        }
        return defined;
    }

    /** Every wrapper the {@code .pooltags.yml} files declare, those of deeper folders first. */
    public List<WrapperDeclaration> declaredWrappers() {
        List<WrapperDeclaration> out = new ArrayList<>();
        for (ConfigFile c : configs) {
            out.addAll(c.config().wrappers());
        }
        return out;
    }

    /** The path as shown: relative to the current folder when inside it, '/' separated. */
    public static String display(Path p, Path cwd) {
        Path shown = p.startsWith(cwd) ? cwd.relativize(p) : p;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
