package dev.pooltags.tagdb;

/**
 * A line of a tag file that does not follow {@code TAG - binary - description}.
 *
 * @param line   1-based line number
 * @param text   the line as it stands in the file (Latin-1, line ending removed)
 * @param reason what is irregular about it
 * @param kept   what was kept from it, or null when nothing could be
 */
public record IrregularLine(int line, String text, String reason, TagEntry kept) {
    public boolean isKept() {
        return kept != null;
    }
}
