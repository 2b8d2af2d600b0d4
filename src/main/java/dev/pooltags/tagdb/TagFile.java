package dev.pooltags.tagdb;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A parsed tag file (Pooltag.txt or a local tag file): every entry in file order, the irregular lines with
 * what was kept of them, and the line counts that account for every line.
 *
 * <p>Regular lines are kept as their position in the file's text and their tag value, and become
 * {@link TagEntry} objects only when asked for: loading and indexing a 5,000-line Pooltag.txt then allocates a
 * few arrays instead of tens of thousands of objects, which is most of its cost. Irregular lines are parsed
 * completely when the file is read. Entries are immutable and, once made, the same object is returned again.
 */
public final class TagFile {
    private final String name;
    private final int rank;
    private final String text;
    private final int size;
    /** Tag value of entry i (protected bit removed), or 0 with {@code eager[i]} set for other entries. */
    private final int[] tagValue;
    private final int[] lineStart;
    private final int[] lineStop;
    private final int[] lineNo;
    /** Entries made so far; the irregular and wildcard ones are made at load time. */
    private final TagEntry[] made;
    private final List<IrregularLine> irregular;
    private final int lines;
    private final int commentLines;
    private final int blankLines;
    private final int wildcardEntries;
    private volatile List<TagEntry> entries;

    private TagFile(Builder b, List<IrregularLine> irregular, int lines, int commentLines, int blankLines) {
        this.name = b.name;
        this.rank = b.rank;
        this.text = b.text;
        this.size = b.size;
        this.tagValue = Arrays.copyOf(b.tagValue, size);
        this.lineStart = Arrays.copyOf(b.lineStart, size);
        this.lineStop = Arrays.copyOf(b.lineStop, size);
        this.lineNo = Arrays.copyOf(b.lineNo, size);
        this.made = Arrays.copyOf(b.made, size);
        this.irregular = List.copyOf(irregular);
        this.lines = lines;
        this.commentLines = commentLines;
        this.blankLines = blankLines;
        int w = 0;
        for (int i = 0; i < size; i++) {
            if (made[i] != null && made[i].isWildcard()) {
                w++;
            }
        }
        this.wildcardEntries = w;
    }

    /** The file as the user named it. */
    public String name() {
        return name;
    }

    /** Its precedence in a merged database (0 is consulted first). */
    public int rank() {
        return rank;
    }

    /** Number of entries. */
    public int size() {
        return size;
    }

    /** Entry {@code i} in file order. */
    public TagEntry entry(int i) {
        TagEntry e = made[i];
        if (e == null) {
            e = TagFileReader.regularEntry(name, text, lineStart[i], lineStop[i], lineNo[i], rank, tagValue[i]);
            made[i] = e; // racing threads make equal entries; either may win
        }
        return e;
    }

    /** True when entry {@code i} has a single exact tag (no wildcard), whose value {@link #exactValue} gives. */
    public boolean isExact(int i) {
        TagEntry e = made[i];
        return e == null || !e.isWildcard();
    }

    /** The tag value (protected bit removed) of exact entry {@code i}. */
    public int exactValue(int i) {
        TagEntry e = made[i];
        return e == null ? tagValue[i] : e.tag().unprotected().value();
    }

    /** Every entry in file order. */
    public List<TagEntry> entries() {
        List<TagEntry> l = entries;
        if (l == null) {
            l = new AbstractList<>() {
                @Override
                public TagEntry get(int index) {
                    Objects.checkIndex(index, size);
                    return entry(index);
                }

                @Override
                public int size() {
                    return size;
                }
            };
            entries = l;
        }
        return l;
    }

    public List<IrregularLine> irregular() {
        return irregular;
    }

    public int lines() {
        return lines;
    }

    public int commentLines() {
        return commentLines;
    }

    public int blankLines() {
        return blankLines;
    }

    /**
     * True when the file reads as a tag file beyond doubt: it has entries, and at least twice as many as irregular lines
     * (the measure the content sniffer applies to a file's head). A file named as a tag file that does not is sniffed to
     * say what it is instead.
     */
    public boolean readsAsTagFile() {
        return size > 0 && size >= 2L * irregular.size();
    }

    /** Entries whose tag column holds {@code ?} or {@code *}. */
    public long wildcardEntries() {
        return wildcardEntries;
    }

    @Override
    public String toString() {
        return name + " (" + size + " entries)";
    }

    /** Collects entries while a file is read. */
    static final class Builder {
        private final String name;
        private final int rank;
        private final String text;
        private int size;
        private int[] tagValue = new int[1024];
        private int[] lineStart = new int[1024];
        private int[] lineStop = new int[1024];
        private int[] lineNo = new int[1024];
        private TagEntry[] made = new TagEntry[1024];

        Builder(String name, int rank, String text) {
            this.name = name;
            this.rank = rank;
            this.text = text;
        }

        private void grow() {
            if (size == tagValue.length) {
                int n = size * 2;
                tagValue = Arrays.copyOf(tagValue, n);
                lineStart = Arrays.copyOf(lineStart, n);
                lineStop = Arrays.copyOf(lineStop, n);
                lineNo = Arrays.copyOf(lineNo, n);
                made = Arrays.copyOf(made, n);
            }
        }

        /** A regular line, made into an entry on demand. */
        void regular(int value, int start, int stop, int line) {
            grow();
            tagValue[size] = value;
            lineStart[size] = start;
            lineStop[size] = stop;
            lineNo[size] = line;
            size++;
        }

        /** An entry parsed now (irregular lines, wildcard entries). */
        void made(TagEntry e) {
            grow();
            made[size] = e;
            lineNo[size] = e.source().line();
            size++;
        }

        TagFile build(List<IrregularLine> irregular, int lines, int comments, int blanks) {
            return new TagFile(this, irregular, lines, comments, blanks);
        }
    }
}
