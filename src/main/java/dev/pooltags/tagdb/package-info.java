/**
 * The owner database: {@link dev.pooltags.tagdb.TagFileReader} and {@link dev.pooltags.tagdb.TagFileWriter}
 * for Pooltag.txt and local tag files (lenient, with every irregular line reported),
 * {@link dev.pooltags.tagdb.TagDatabase} (exact, wildcard, pattern and by-binary lookup over merged files with
 * precedence) and {@link dev.pooltags.tagdb.TagFileDiscovery} (where the installed Pooltag.txt lives).
 */
package dev.pooltags.tagdb;
