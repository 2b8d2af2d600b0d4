/**
 * What an input is, from its content: the one sniffer every command asks before reading a file or a folder's files
 * ({@link dev.pooltags.sniff.Sniffer}), the kinds it tells apart ({@link dev.pooltags.sniff.InputKind}: PE images, kernel
 * dumps, recordings, every snapshot format, every trace format, debugger logs, SARIF, tag files, C/C++ sources), and
 * the expansion of a command's inputs ({@link dev.pooltags.sniff.Inputs}): a named file of another kind is an error that
 * says what the file is and which command reads it; a folder's files of other kinds are skipped with one warning each.
 * It recognises formats by the readers' own tests (each format's {@code looksLike}), so a file is called what its
 * reader would read it as.
 */
package dev.pooltags.sniff;
