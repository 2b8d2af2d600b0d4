package dev.pooltags.pool;

import java.util.function.Consumer;

/**
 * A map from nonzero {@code long} keys (addresses) to values, by open addressing: no boxing and no entry objects, so a
 * replay holding 100,000 outstanding blocks costs two arrays, not 100,000 map entries.
 */
final class LongMap<V> {
    private long[] keys;
    private Object[] values;
    private int size;
    private int mask;

    LongMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[cap];
        values = new Object[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int i = LinearProbing.home(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return (V) values[i];
            }
            if (k == 0) {
                return null;
            }
            i = (i + 1) & mask;
        }
    }

    boolean containsKey(long key) {
        return get(key) != null;
    }

    /** Puts a non-null value; returns the previous one. */
    @SuppressWarnings("unchecked")
    V put(long key, V value) {
        if (key == 0 || value == null) {
            throw new IllegalArgumentException("key 0 or null value");
        }
        int i = LinearProbing.home(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                V old = (V) values[i];
                values[i] = value;
                return old;
            }
            if (k == 0) {
                keys[i] = key;
                values[i] = value;
                if (++size * 3 > keys.length * 2) {
                    grow();
                }
                return null;
            }
            i = (i + 1) & mask;
        }
    }

    /** Removes the key; returns its value or null. Deletion shifts the following run back (no tombstones). */
    @SuppressWarnings("unchecked")
    V remove(long key) {
        int i = LinearProbing.home(key, mask);
        while (true) {
            long k = keys[i];
            if (k == 0) {
                return null;
            }
            if (k == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        V old = (V) values[i];
        int gap = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long k = keys[j];
            if (k == 0) {
                break;
            }
            int home = LinearProbing.home(k, mask);
            if (LinearProbing.movesBack(gap, j, home)) {
                keys[gap] = k;
                values[gap] = values[j];
                gap = j;
            }
        }
        keys[gap] = 0;
        values[gap] = null;
        size--;
        return old;
    }

    @SuppressWarnings("unchecked")
    void forEachValue(Consumer<V> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                action.accept((V) values[i]);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        long[] ok = keys;
        Object[] ov = values;
        keys = new long[ok.length * 2];
        values = new Object[ok.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != 0) {
                put(ok[i], (V) ov[i]);
            }
        }
    }
}
