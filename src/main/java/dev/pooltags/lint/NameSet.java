package dev.pooltags.lint;

import java.util.Arrays;
import java.util.Collection;

/**
 * A set of names kept as sorted 32-bit hashes: the names every file calls, for a whole tree, in a few bytes a name.
 * {@link #mayContain} can say yes for a name that is not there (two names with one hash), never no for one that
 * is; a yes only makes a file be read once more.
 */
public final class NameSet {
    private static final NameSet EMPTY = new NameSet(new int[0]);
    private final int[] hashes;

    private NameSet(int[] hashes) {
        this.hashes = hashes;
    }

    public static NameSet of(Collection<String> names) {
        if (names.isEmpty()) {
            return EMPTY;
        }
        int[] h = new int[names.size()];
        int i = 0;
        for (String n : names) {
            h[i++] = hash(n);
        }
        Arrays.sort(h);
        return new NameSet(h);
    }

    static int hash(String name) {
        // FNV-1a: better spread than String.hashCode for short identifiers that differ in one letter
        int h = 0x811C9DC5;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }

    public boolean mayContain(String name) {
        return Arrays.binarySearch(hashes, hash(name)) >= 0;
    }

    /** True when some name of {@code names} may be in the set. */
    public boolean mayContainAny(NameSet names) {
        int[] a = hashes;
        int[] b = names.hashes;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** The union of two sets. */
    public NameSet union(NameSet o) {
        if (o.hashes.length == 0) {
            return this;
        }
        int[] all = Arrays.copyOf(hashes, hashes.length + o.hashes.length);
        System.arraycopy(o.hashes, 0, all, hashes.length, o.hashes.length);
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (n == 0 || all[n - 1] != all[i]) {
                all[n++] = all[i];
            }
        }
        return new NameSet(Arrays.copyOf(all, n));
    }

    public int size() {
        return hashes.length;
    }
}
