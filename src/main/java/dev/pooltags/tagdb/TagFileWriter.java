package dev.pooltags.tagdb;

import dev.pooltags.source.TerminalText;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes entries in the Pooltag.txt layout, {@code TAG - binary - description}, that PoolMon's {@code /g} and
 * pooltags' {@link TagFileReader} both read. The tag column is always four characters (trailing spaces kept),
 * binaries are padded to a column as in the real file, lines end with CRLF as on Windows.
 */
public final class TagFileWriter {
    private TagFileWriter() {}

    /** Writes an optional comment header ({@code //} lines) and the entries. */
    public static void write(Writer out, List<String> header, List<TagEntry> entries) throws IOException {
        for (String h : header) {
            out.write("// " + TerminalText.escape(h) + "\r\n"); // one comment line, whatever a file name holds
        }
        if (!header.isEmpty()) {
            out.write("\r\n");
        }
        int width = 12;
        for (TagEntry e : entries) {
            width = Math.max(width, e.binary().length());
        }
        width = Math.min(width, 40);
        for (TagEntry e : entries) {
            out.write(line(e, width));
            out.write("\r\n");
        }
    }

    /** One entry as a line (without the line ending). Bytes the tag file cannot hold raw are written raw. */
    public static String line(TagEntry e, int binaryWidth) {
        String tag = e.isWildcard() ? (e.key().text() + "    ").substring(0, 4) : e.tag().rawText();
        // a field read from a driver's file name or source must stay one field: no line break, no control
        String binary = e.binary().isEmpty() ? "<unknown>" : TerminalText.escape(e.binary());
        StringBuilder sb = new StringBuilder(64);
        sb.append(tag).append(" - ").append(binary);
        for (int i = binary.length(); i < binaryWidth; i++) {
            sb.append(' ');
        }
        sb.append(" - ").append(TerminalText.escape(e.description()));
        return sb.toString();
    }
}
