/**
 * What every source shares: {@link dev.pooltags.source.InputException} (bad input, exit 3, with file and line),
 * {@link dev.pooltags.source.EnvironmentException} (no live source or privilege, exit 4),
 * {@link dev.pooltags.source.UsageException} (arguments that do not fit, a name that names nothing, exit 2),
 * {@link dev.pooltags.source.TextFiles} (lossless reading of text files, each kind with a size limit that names it),
 * {@link dev.pooltags.source.ReadNotes} (what reading found without stopping: a torn tail, damage),
 * {@link dev.pooltags.source.TerminalText} (text from input with its control and invisible characters escaped, for
 * terminals and text reports) and {@link dev.pooltags.source.DebuggerNoise} (the symbol, cache and log-file lines a
 * kernel debugger prints into any command's output, which readers of its output skip).
 */
package dev.pooltags.source;
