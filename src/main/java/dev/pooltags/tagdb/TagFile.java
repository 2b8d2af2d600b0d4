package dev.pooltags.tagdb;

import java.util.List;

/**
 * A parsed tag file (Pooltag.txt or a local tag file): every entry in file order, the irregular lines with
 * what was kept of them, and the line counts that account for every line.
 */
public record TagFile(String name, List<TagEntry> entries, List<IrregularLine> irregular, int lines,
        int commentLines, int blankLines) {
    public TagFile {
        entries = List.copyOf(entries);
        irregular = List.copyOf(irregular);
    }

    /** Entries whose tag column holds {@code ?} or {@code *}. */
    public long wildcardEntries() {
        return entries.stream().filter(TagEntry::isWildcard).count();
    }
}
