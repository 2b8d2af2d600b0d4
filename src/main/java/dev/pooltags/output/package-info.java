/**
 * Where results go, written completely or not at all: {@link dev.pooltags.output.OutputFile} is the one place every
 * command's {@code -o} goes through. A regular file (or the file a symbolic link points at) is written beside its
 * name and renamed into place once everything reached the disk; a fifo, a device or standard output ({@code -o -})
 * is written into, never replaced. {@link dev.pooltags.output.Csv} is how every CSV is written, by snapshot writers and
 * reports alike.
 */
package dev.pooltags.output;
