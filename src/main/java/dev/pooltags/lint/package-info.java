/**
 * Pool-tag mistakes in Windows driver C/C++ sources, found from tokens alone (no compiler, no WDK headers).
 *
 * <p>Input: a {@link dev.pooltags.project.ProjectLayout} (the files, the {@code .vcxproj}/{@code sources} projects
 * that build them with their preprocessor symbols and include folders, the {@code .pooltags.yml} settings), read by
 * the {@code dev.pooltags.project} source, and a function giving each file's bytes: lint reads no file itself.
 * {@link dev.pooltags.lint.Tokenizer} turns text into a compact
 * {@link dev.pooltags.lint.TokenList}; {@link dev.pooltags.lint.FileScanner} indexes a file into
 * {@link dev.pooltags.lint.FileFacts} (definitions kept as their text, includes, file-scope names, class members,
 * called names, {@code #if} ranges it cannot decide) and, in a full scan, hands pool-routine calls (through wrapper
 * macros and wrapper functions) and each function's pointer events to a sink as it finds them. The scanner is one
 * pass that hands each token to the part that reads it: {@link dev.pooltags.lint.ConditionalCompilation},
 * {@link dev.pooltags.lint.ScopeTracker} (braces), {@link dev.pooltags.lint.DeclarationIndex},
 * {@link dev.pooltags.lint.CallExtractor} with {@link dev.pooltags.lint.MacroExpander},
 * {@link dev.pooltags.lint.PointerEventExtractor} and {@link dev.pooltags.lint.DriverFacts}.
 *
 * <p>Analysis: {@link dev.pooltags.lint.Scope} and {@link dev.pooltags.lint.Evaluator} resolve names and constants,
 * {@link dev.pooltags.lint.Conditions} decides {@code #if} lines as far as the tree tells,
 * {@link dev.pooltags.lint.WrapperSummary} turns a function into a {@link dev.pooltags.lint.PoolWrapper},
 * {@link dev.pooltags.lint.ReachingStores} and {@link dev.pooltags.lint.Places} say which stores reach a free; each
 * {@link dev.pooltags.lint.Rule} (PT001-PT009; described by {@code rules.tsv} and {@code help/<id>.txt} beside the
 * package, those judging one call at a time are {@link dev.pooltags.lint.CallRule}s) reports
 * {@link dev.pooltags.lint.Finding}s per piece and at the end, {@link dev.pooltags.lint.FixComposer} makes fixes on one call agree, {@link dev.pooltags.lint.TagInventory} lists
 * the tags. {@link dev.pooltags.lint.Linter} runs the passes in parallel with a deterministic result and bounded
 * memory. Rendering lives in {@code dev.pooltags.report} (text, JSON, SARIF, tag inventory).
 */
package dev.pooltags.lint;
