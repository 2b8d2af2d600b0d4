/**
 * Driver source trees as lint sees them, read from disk: {@link dev.pooltags.project.ProjectLayout} (the immutable
 * model: the C/C++ {@link dev.pooltags.project.SourceFile}s, the {@link dev.pooltags.project.Project}s that build
 * them, the {@code .pooltags.yml} files above them), made by walking the paths given
 * ({@link dev.pooltags.project.LayoutReader}), reading {@code .vcxproj} and WDK {@code sources} files
 * ({@link dev.pooltags.project.BuildFileReader}: items, target name, kernel or user mode, the preprocessor symbols of
 * each configuration, include folders, NX opt-in) and {@code .pooltags.yml} files
 * ({@link dev.pooltags.project.LintConfigReader}: declared {@link dev.pooltags.project.WrapperDeclaration}s and
 * defines). Every problem in a file is an {@link dev.pooltags.source.InputException} naming the file and line.
 * The analysis ({@code dev.pooltags.lint}) takes the layout and each file's bytes and reads nothing itself.
 */
package dev.pooltags.project;
