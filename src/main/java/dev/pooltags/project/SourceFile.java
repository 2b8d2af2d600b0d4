package dev.pooltags.project;

import java.nio.file.Path;
import java.util.List;

/**
 * A C/C++ file to lint.
 *
 * @param path    where to read it
 * @param display how findings name it: relative to the current folder when inside it, '/' separated
 * @param project the project that builds it (the first that lists it; kernel-mode projects first)
 * @param others  further projects that list it too (one source file built into several drivers)
 */
public record SourceFile(Path path, String display, Project project, List<Project> others) {
    public SourceFile(Path path, String display, Project project) {
        this(path, display, project, List.of());
    }

    /** Every project that builds the file, the primary one first. */
    public List<Project> projects() {
        if (others.isEmpty()) {
            return List.of(project);
        }
        List<Project> all = new java.util.ArrayList<>(others.size() + 1);
        all.add(project);
        all.addAll(others);
        return all;
    }
}
