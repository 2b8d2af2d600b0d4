package dev.pooltags.lint;

import java.nio.file.Path;

/**
 * A C/C++ file to lint.
 *
 * @param path    where to read it
 * @param display how findings name it: relative to the current folder when inside it, '/' separated
 * @param project the project that builds it
 */
public record SourceFile(Path path, String display, Project project) {
}
