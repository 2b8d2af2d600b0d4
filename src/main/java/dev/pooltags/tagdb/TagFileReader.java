package dev.pooltags.tagdb;

import dev.pooltags.source.InputException;
import dev.pooltags.source.TextFiles;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagFormatException;
import dev.pooltags.tag.TagPattern;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Pooltag.txt and local tag files ({@code localtag.txt}, {@code pooltags scan --format localtag}).
 *
 * <p>The format is one entry a line, {@code TAG - binary - description}, the tag being exactly the first four
 * characters (trailing spaces count: {@code Cc  }). Lines starting with {@code //} or {@code rem} (any case) are
 * comments. LF and CRLF endings are both read; bytes are decoded as Latin-1 so nothing is lost.
 *
 * <p>The real file has irregular lines (three-character tags, a missing binary column, misplaced separators,
 * prose, a Ctrl-Z end-of-file mark). They are read leniently: whatever can be kept becomes an entry, and every
 * irregular line is reported with its number, the reason, and what was kept, so {@code lookup --check} can list
 * them. Nothing is dropped silently.
 */
public final class TagFileReader {
    /**
     * The longest line read as an entry (the real Pooltag.txt's longest is under 200 characters); a longer line is
     * irregular and only its start is kept for reports, so a 200 MB line is never printed whole.
     */
    public static final int MAX_LINE = 4096;

    private TagFileReader() {}

    /** Reads a tag file from disk; a missing, unreadable or binary file is an {@link InputException}. */
    public static TagFile read(Path file, int rank) {
        byte[] bytes = TextFiles.readAllBytes(file, TextFiles.TAG_FILE);
        if (TextFiles.looksBinary(bytes)) {
            throw new InputException(file, "is a binary file, not a tag file (expected lines like 'Ntfx - ntfs.sys - description')");
        }
        return parse(file.toString(), new String(bytes, StandardCharsets.ISO_8859_1), rank);
    }

    /** Parses tag-file text; {@code name} is what sources and messages call the file. */
    public static TagFile parse(String name, String text, int rank) {
        TagFile.Builder entries = new TagFile.Builder(name, rank, text);
        List<IrregularLine> irregular = new ArrayList<>();
        int comments = 0;
        int blanks = 0;
        int lineNo = 0;
        int pos = 0;
        int len = text.length();
        while (pos < len) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? len : nl;
            int stop = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
            int start = pos;
            pos = nl < 0 ? len : nl + 1;
            lineNo++;
            if (stop - start > MAX_LINE) {
                irregular.add(new IrregularLine(lineNo, text.substring(start, start + 200) + "... (" + (stop - start - 200)
                        + " more characters)", "the line has " + (stop - start) + " characters, more than the "
                        + MAX_LINE + " an entry may have: not an entry", null));
                continue;
            }
            switch (classify(text, start, stop)) {
                case BLANK -> blanks++;
                case COMMENT -> comments++;
                case ENTRY -> {
                    int value = regularTag(text, start, stop);
                    if (value != NOT_REGULAR) {
                        entries.regular(value, start, stop, lineNo);
                    } else {
                        parseEntry(name, text.substring(start, stop), lineNo, rank, entries, irregular);
                    }
                }
            }
        }
        return entries.build(irregular, lineNo, comments, blanks);
    }

    private enum Kind { BLANK, COMMENT, ENTRY }

    private static Kind classify(String text, int start, int stop) {
        int i = start;
        while (i < stop && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i == stop) {
            return Kind.BLANK;
        }
        if (text.startsWith("//", i)) {
            return Kind.COMMENT;
        }
        if (stop - i >= 3 && text.regionMatches(true, i, "rem", 0, 3)
                && (i + 3 == stop || Character.isWhitespace(text.charAt(i + 3)))
                && !(i == start && stop - start >= 7 && text.startsWith(" - ", start + 4))) {
            return Kind.COMMENT;
        }
        return Kind.ENTRY;
    }

    /** {@link #regularTag}'s answer for a line that is not regular: not a tag value, since bit 31 is cleared. */
    private static final int NOT_REGULAR = -1;

    /**
     * The tag value of a regular line, {@code TAG - binary<spaces>- description}, found without copying anything;
     * {@link #NOT_REGULAR} for anything else, which {@link #parseEntry} then reads leniently.
     */
    private static int regularTag(String text, int start, int stop) {
        if (stop - start < 8 || !text.startsWith(" - ", start + 4)) {
            return NOT_REGULAR;
        }
        int v = 0;
        for (int i = start + 3; i >= start; i--) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '?' || c == '*' || c >= 0x80) {
                return NOT_REGULAR; // wildcards and odd bytes take the general path
            }
            v = v << 8 | c;
        }
        char c0 = text.charAt(start);
        if (c0 == ' ' || text.charAt(start + 7) == ' ') {
            return NOT_REGULAR; // no tag, or extra spaces before the binary: the general path reports them
        }
        int sep = separatorAfterBinary(text, start + 7, stop);
        if (sep < 0 || (sep + 2 < stop && text.charAt(sep + 2) != ' ')) {
            return NOT_REGULAR;
        }
        return v;
    }

    /** Index of the " -" that ends the binary starting at {@code b}, or -1 when the line has none. */
    private static int separatorAfterBinary(String text, int b, int stop) {
        int sep = text.indexOf(" -", b + 1); // String.indexOf is a vectorized intrinsic
        return sep < 0 || sep + 2 > stop ? -1 : sep;
    }

    /** The entry of a line {@link #regularTag} accepted: what {@link TagFile} makes on demand. */
    static TagEntry regularEntry(String name, String text, int start, int stop, int lineNo, int rank, int value) {
        int b = start + 7;
        int sep = separatorAfterBinary(text, b, stop);
        int be = sep;
        while (be > b && text.charAt(be - 1) == ' ') {
            be--;
        }
        int ds = sep + 2;
        while (ds < stop && text.charAt(ds) == ' ') {
            ds++;
        }
        int de = stop;
        while (de > ds && (text.charAt(de - 1) == ' ' || text.charAt(de - 1) == '\t')) {
            de--;
        }
        return new TagEntry(TagPattern.exact(PoolTag.ofValue(value)), text.substring(b, be), text.substring(ds, de),
                new EntrySource(name, lineNo, rank));
    }

    private static void parseEntry(String name, String line, int lineNo, int rank, TagFile.Builder entries,
            List<IrregularLine> irregular) {
        EntrySource src = new EntrySource(name, lineNo, rank);
        // The regular case first, without allocation beyond the three fields.
        if (line.length() >= 7 && line.startsWith(" - ", 4) && line.charAt(0) != ' ' && line.charAt(0) != '\t') {
            String rest = line.substring(7);
            Fields f = splitBinary(rest);
            TagPattern key = key(line.substring(0, 4));
            if (key == null) {
                irregular.add(new IrregularLine(lineNo, line, "the tag column '" + line.substring(0, 4)
                        + "' is not a tag", null));
                return;
            }
            TagEntry e = new TagEntry(key, f.binary, f.description, src);
            entries.made(e);
            if (f.problem != null) {
                irregular.add(new IrregularLine(lineNo, line, f.problem, e));
            }
            return;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t') {
                String what = c == 0x1A ? "a Ctrl-Z (0x1A) end-of-file mark" : String.format("a control character (0x%02X)", (int) c);
                irregular.add(new IrregularLine(lineNo, line, "holds " + what + ", not an entry", null));
                return;
            }
        }
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            irregular.add(new IrregularLine(lineNo, line,
                    "starts with spaces, so it has no tag (a stray continuation of the entry above?)", null));
            return;
        }
        int sep = line.indexOf(" -");
        if (sep < 0 || sep > 8) {
            irregular.add(new IrregularLine(lineNo, line,
                    "has no ' - ' after the tag: prose, not an entry", null));
            return;
        }
        String tagText = line.substring(0, sep);
        String trimmed = stripTrailingSpaces(tagText);
        if (trimmed.length() > 4) {
            irregular.add(new IrregularLine(lineNo, line, "the tag '" + trimmed + "' has " + trimmed.length()
                    + " characters; a tag has 4", null));
            return;
        }
        String reason;
        if (trimmed.length() < 4 && tagText.length() <= 4) {
            reason = "the tag '" + trimmed + "' has " + trimmed.length() + " characters before the separator; read as '"
                    + padded(trimmed) + "' (space-padded, as the kernel pads short tags)";
        } else {
            reason = "the separator is not in column 5 (extra spaces after the tag)";
        }
        int after = sep + 2;
        String rest = after < line.length() && line.charAt(after) == ' ' ? line.substring(after + 1) : line.substring(after);
        TagPattern key = key(padded(trimmed));
        if (key == null) {
            irregular.add(new IrregularLine(lineNo, line, "the tag column '" + trimmed + "' is not a tag", null));
            return;
        }
        Fields f = splitBinary(rest);
        TagEntry e = new TagEntry(key, f.binary, f.description, src);
        entries.made(e);
        irregular.add(new IrregularLine(lineNo, line, f.problem == null ? reason : reason + "; " + f.problem, e));
    }

    private record Fields(String binary, String description, String problem) {}

    /** Splits {@code binary - description}; problem is null for the regular form. */
    private static Fields splitBinary(String rest) {
        String problem = null;
        if (rest.startsWith(" ")) {
            problem = "extra spaces before the binary";
        }
        int sep = indexOfSeparator(rest);
        if (sep >= 0) {
            String binary = rest.substring(0, sep).trim();
            int d = sep + 2;
            String p2 = null;
            if (d < rest.length() && rest.charAt(d) != ' ') {
                p2 = "no space after the '-' before the description";
            }
            String description = rest.substring(Math.min(d, rest.length())).trim();
            if (binary.isEmpty()) {
                p2 = p2 == null ? "the binary column is empty" : p2 + "; the binary column is empty";
            }
            return new Fields(binary, description, join(problem, p2));
        }
        // Only one separator: either "binary   description" run together, or no binary at all.
        String r = rest.trim();
        int gap = r.indexOf("  ");
        String first = gap > 0 ? r.substring(0, gap) : r;
        if (looksLikeBinary(first) && gap > 0) {
            return new Fields(first, r.substring(gap).trim(),
                    join(problem, "no ' - ' between the binary and the description; split at the spaces after '" + first + "'"));
        }
        if (looksLikeBinary(r)) {
            return new Fields(r, "", join(problem, "no description column"));
        }
        return new Fields("", r, join(problem, "no binary column; the text is kept as the description"));
    }

    /** Index of the space before the '-' that separates binary from description, or -1. */
    private static int indexOfSeparator(String s) {
        int from = 0;
        while (true) {
            int i = s.indexOf(" -", from);
            if (i < 0) {
                return -1;
            }
            // "-" must be followed by a space, the end, or (irregularly) the description itself; a binary name
            // such as "foo -bar.sys" does not occur, so the first " -" after a non-empty binary is the separator.
            if (i > 0 && s.substring(0, i).trim().length() > 0) {
                return i;
            }
            from = i + 2;
        }
    }

    private static boolean looksLikeBinary(String s) {
        if (s.isEmpty() || s.indexOf(' ') >= 0) {
            return false;
        }
        String l = s.toLowerCase(java.util.Locale.ROOT);
        return l.equals("<unknown>") || l.equals("<multiple>") || l.endsWith(".sys") || l.endsWith(".dll")
                || l.endsWith(".exe") || l.indexOf('!') > 0;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }

    private static String stripTrailingSpaces(String s) {
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == ' ') {
            e--;
        }
        return s.substring(0, e);
    }

    private static String padded(String s) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < 4) {
            sb.append(' ');
        }
        return sb.toString();
    }

    /**
     * The key of a four-character tag column: an exact tag, or a wildcard pattern. In a pattern with {@code *}
     * the trailing spaces are column padding ({@code Bu*  - ...} means "starts with Bu"); with only {@code ?}
     * every position counts.
     */
    private static TagPattern key(String column) {
        try {
            if (column.indexOf('*') >= 0) {
                return TagPattern.parse(stripTrailingSpaces(column));
            }
            if (column.indexOf('?') >= 0) {
                return TagPattern.parse(column);
            }
            // Backslashes in a tag file are literal bytes, not escapes.
            return TagPattern.exact(PoolTag.ofBytes((byte) column.charAt(0), (byte) column.charAt(1),
                    (byte) column.charAt(2), (byte) column.charAt(3)));
        } catch (TagFormatException e) {
            return null;
        }
    }
}
