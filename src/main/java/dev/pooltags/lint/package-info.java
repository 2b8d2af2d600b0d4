/**
 * Pool-tag mistakes in Windows driver C/C++ sources, found from tokens alone (no compiler, no WDK headers).
 *
 * <p>Sources: {@link dev.pooltags.lint.ProjectLayout} finds the files and the {@code .vcxproj}/{@code sources}
 * projects that build them; {@link dev.pooltags.lint.Tokenizer} turns text into tokens;
 * {@link dev.pooltags.lint.FileScanner} turns tokens into {@link dev.pooltags.lint.FileFacts} (definitions, pool-routine
 * calls through wrapper macros, pointer events). Analysis: {@link dev.pooltags.lint.Scope} and
 * {@link dev.pooltags.lint.Evaluator} resolve names and constants, each {@link dev.pooltags.lint.Rule} (PT001-PT008)
 * reports {@link dev.pooltags.lint.Finding}s, {@link dev.pooltags.lint.TagInventory} lists the tags;
 * {@link dev.pooltags.lint.Linter} runs the passes in parallel with a deterministic result. Rendering lives in
 * {@code dev.pooltags.report} (text, JSON, SARIF, tag inventory).
 */
package dev.pooltags.lint;
