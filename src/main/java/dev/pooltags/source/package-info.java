/**
 * What every source shares: {@link dev.pooltags.source.InputException} (bad input, exit 3, with file and line),
 * {@link dev.pooltags.source.EnvironmentException} (no live source or privilege, exit 4) and
 * {@link dev.pooltags.source.TextFiles} (lossless reading of text files).
 */
package dev.pooltags.source;
