package dev.pooltags.tagdb;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagPattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The owner database: every entry of one or more tag files, indexed for lookup.
 *
 * <p><b>Precedence.</b> Files are given in the order they are consulted: rank 0 first. The command line puts
 * local tag files ({@code localtag.txt}, scan output, {@code --tagfile} given after the first) before the
 * installed Pooltag.txt, because a local file describes the drivers on this machine. Every entry of every file
 * is kept (a tag listed twice keeps both owners); answers list exact entries before wildcard entries, and
 * within each kind, lower rank first, then file order.
 *
 * <p>Exact lookup is an open-addressing hash on the tag value (protected bit removed) into an array of entry
 * lists: no boxing, so millions of lookups a second.
 */
public final class TagDatabase {
    private static final TagEntry[] NONE = new TagEntry[0];

    private final List<TagFile> files;
    private final List<TagEntry> exactEntries;
    private final List<TagEntry> wildcardEntries;
    private final int[] keys;
    private final TagEntry[][] values;
    private final boolean[] used;
    private final int mask;

    private TagDatabase(List<TagFile> files) {
        this.files = List.copyOf(files);
        List<TagEntry> exact = new ArrayList<>();
        List<TagEntry> wild = new ArrayList<>();
        for (TagFile f : files) {
            for (TagEntry e : f.entries()) {
                (e.isWildcard() ? wild : exact).add(e);
            }
        }
        Comparator<TagEntry> order = Comparator.comparingInt((TagEntry e) -> e.source().rank())
                .thenComparingInt(e -> e.source().line());
        exact.sort(order);
        wild.sort(order);
        this.exactEntries = List.copyOf(exact);
        this.wildcardEntries = List.copyOf(wild);

        int cap = Integer.highestOneBit(Math.max(16, exact.size() * 2)) << 1;
        this.mask = cap - 1;
        this.keys = new int[cap];
        this.values = new TagEntry[cap][];
        this.used = new boolean[cap];
        for (TagEntry e : exact) {
            int k = e.tag().unprotected().value();
            int slot = slot(k);
            if (!used[slot]) {
                used[slot] = true;
                keys[slot] = k;
                values[slot] = new TagEntry[] {e};
            } else {
                TagEntry[] old = values[slot];
                TagEntry[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = e;
                values[slot] = grown;
            }
        }
    }

    /** A database over these files, consulted in list order (the first file has precedence). */
    public static TagDatabase of(List<TagFile> files) {
        return new TagDatabase(files);
    }

    /** A database with no entries. */
    public static TagDatabase empty() {
        return new TagDatabase(List.of());
    }

    private int slot(int key) {
        int h = key * 0x9E3779B1;
        int i = (h ^ h >>> 15) & mask;
        while (used[i] && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The files behind this database, in precedence order. */
    public List<TagFile> files() {
        return files;
    }

    /** Every exact (non-wildcard) entry, in precedence order. */
    public List<TagEntry> exactEntries() {
        return exactEntries;
    }

    /** Every wildcard entry, in precedence order. */
    public List<TagEntry> wildcardEntries() {
        return wildcardEntries;
    }

    /** Entries for exactly this tag (protected bit ignored), in precedence order; empty when none. */
    public TagEntry[] exact(PoolTag tag) {
        int i = slot(tag.value() & ~PoolTag.PROTECTED_BIT);
        return used[i] ? values[i] : NONE;
    }

    /** Wildcard entries whose pattern matches the tag, in precedence order. */
    public List<TagEntry> wildcard(PoolTag tag) {
        List<TagEntry> out = new ArrayList<>(2);
        for (TagEntry e : wildcardEntries) {
            if (e.key().matches(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every owner of the tag: exact entries first, then wildcard entries. */
    public List<TagMatch> lookup(PoolTag tag) {
        List<TagMatch> out = new ArrayList<>();
        for (TagEntry e : exact(tag)) {
            out.add(new TagMatch(e, TagMatch.Kind.EXACT));
        }
        for (TagEntry e : wildcard(tag)) {
            out.add(new TagMatch(e, TagMatch.Kind.WILDCARD));
        }
        return out;
    }

    /** The first owner's binary and description for a display column, or null when the tag has no owner. */
    public TagEntry owner(PoolTag tag) {
        TagEntry[] e = exact(tag);
        if (e.length > 0) {
            return e[0];
        }
        for (TagEntry w : wildcardEntries) {
            if (w.key().matches(tag)) {
                return w;
            }
        }
        return null;
    }

    /**
     * Entries whose tag matches a pattern ({@code Ntf*}): exact entries whose tag matches, then wildcard
     * entries whose own text matches the pattern read literally, in tag order.
     */
    public List<TagEntry> list(TagPattern pattern) {
        List<TagEntry> out = new ArrayList<>();
        for (TagEntry e : exactEntries) {
            if (pattern.matches(e.tag())) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(TagEntry::tag));
        List<TagEntry> wild = new ArrayList<>();
        for (TagEntry e : wildcardEntries) {
            String t = e.key().text();
            if (t.length() <= 4) {
                String p = (t + "    ").substring(0, 4);
                PoolTag literal = PoolTag.ofBytes((byte) p.charAt(0), (byte) p.charAt(1), (byte) p.charAt(2), (byte) p.charAt(3));
                if (pattern.matches(literal)) {
                    wild.add(e);
                }
            }
        }
        out.addAll(wild);
        return out;
    }

    /**
     * Entries owned by a binary: {@code ntfs.sys}, {@code ntfs} (".sys" assumed), or a component such as
     * {@code nt!mm}; case-insensitive, and a binary column naming several ({@code nt!store or rdyboost.sys})
     * matches each of them.
     */
    public List<TagEntry> byBinary(String binary) {
        String want = binary.trim().toLowerCase(Locale.ROOT);
        List<TagEntry> out = new ArrayList<>();
        for (List<TagEntry> list : List.of(exactEntries, wildcardEntries)) {
            for (TagEntry e : list) {
                if (binaryMatches(e.binary(), want)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    static boolean binaryMatches(String column, String want) {
        if (column.isEmpty() || want.isEmpty()) {
            return false;
        }
        String c = column.toLowerCase(Locale.ROOT);
        for (String part : c.split("[\\s,;/]+")) {
            if (part.equals(want) || part.equals(want + ".sys")) {
                return true;
            }
            // "ntfs.sys" asked, "ntfs" listed; "nt" asked matches "nt!mm"
            int dot = part.lastIndexOf('.');
            if (dot > 0 && part.substring(0, dot).equals(want)) {
                return true;
            }
            int bang = part.indexOf('!');
            if (bang > 0 && part.substring(0, bang).equals(want)) {
                return true;
            }
        }
        return false;
    }

    /** Number of entries, exact and wildcard. */
    public int size() {
        return exactEntries.size() + wildcardEntries.size();
    }
}
