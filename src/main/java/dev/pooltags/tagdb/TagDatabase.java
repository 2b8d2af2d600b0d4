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
    private final List<TagEntry> wildcardEntries;
    private final int exactCount;
    /** Open addressing: tag value -> first reference; references of equal tags are chained through {@code next}. */
    private final int[] keys;
    private final int[] heads;
    private final TagEntry[][] values;
    private final int mask;
    /** Reference r (file index in the high 32 bits, entry index in the low) and its successor in the chain. */
    private final long[] refs;
    private final int[] next;
    private volatile List<TagEntry> exactEntries;

    private TagDatabase(List<TagFile> files) {
        this.files = List.copyOf(files);
        List<TagEntry> wild = new ArrayList<>();
        int exact = 0;
        for (TagFile f : files) {
            for (int i = 0; i < f.size(); i++) {
                if (f.isExact(i)) {
                    exact++;
                } else {
                    wild.add(f.entry(i));
                }
            }
        }
        this.wildcardEntries = List.copyOf(wild);
        this.exactCount = exact;

        int cap = Integer.highestOneBit(Math.max(16, exact * 2)) << 1;
        this.mask = cap - 1;
        this.keys = new int[cap];
        this.heads = new int[cap];
        this.values = new TagEntry[cap][];
        this.refs = new long[exact];
        this.next = new int[exact];
        Arrays.fill(heads, -1);
        // Files in precedence order, entries in file order: appending to each chain's tail keeps that order.
        int[] tails = new int[cap];
        int r = 0;
        for (int fi = 0; fi < this.files.size(); fi++) {
            TagFile f = this.files.get(fi);
            for (int i = 0; i < f.size(); i++) {
                if (!f.isExact(i)) {
                    continue;
                }
                int k = f.exactValue(i);
                int slot = slot(k);
                refs[r] = (long) fi << 32 | i;
                next[r] = -1;
                if (heads[slot] < 0) {
                    keys[slot] = k;
                    heads[slot] = r;
                } else {
                    next[tails[slot]] = r;
                }
                tails[slot] = r;
                r++;
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
        while (heads[i] >= 0 && keys[i] != key) {
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
        List<TagEntry> l = exactEntries;
        if (l == null) {
            List<TagEntry> all = new ArrayList<>(exactCount);
            for (TagFile f : files) {
                for (int i = 0; i < f.size(); i++) {
                    if (f.isExact(i)) {
                        all.add(f.entry(i));
                    }
                }
            }
            l = List.copyOf(all);
            exactEntries = l;
        }
        return l;
    }

    /** Every wildcard entry, in precedence order. */
    public List<TagEntry> wildcardEntries() {
        return wildcardEntries;
    }

    /** Entries for exactly this tag (protected bit ignored), in precedence order; empty when none. */
    public TagEntry[] exact(PoolTag tag) {
        int i = slot(tag.value() & ~PoolTag.PROTECTED_BIT);
        if (heads[i] < 0) {
            return NONE;
        }
        TagEntry[] v = values[i];
        if (v == null) {
            v = make(heads[i]);
            values[i] = v; // racing threads make equal arrays; either may win
        }
        return v;
    }

    private TagEntry[] make(int head) {
        int n = 0;
        for (int r = head; r >= 0; r = next[r]) {
            n++;
        }
        TagEntry[] out = new TagEntry[n];
        n = 0;
        for (int r = head; r >= 0; r = next[r]) {
            out[n++] = files.get((int) (refs[r] >>> 32)).entry((int) refs[r]);
        }
        return out;
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
        for (TagEntry e : exactEntries()) {
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
        for (List<TagEntry> list : List.of(exactEntries(), wildcardEntries)) {
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
        return exactCount + wildcardEntries.size();
    }
}
