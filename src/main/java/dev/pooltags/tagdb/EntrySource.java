package dev.pooltags.tagdb;

/**
 * Where an entry came from: the tag file as the user named it, the 1-based line, and the file's rank in the
 * merged database (0 is consulted first).
 */
public record EntrySource(String file, int line, int rank) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
