package dev.pooltags.lint;

import java.util.Arrays;

/** A growable list of ints without boxing: per-token and per-block tables of large files stay compact. */
final class IntList {
    private int[] a = new int[16];
    private int size;

    void add(int v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[size++] = v;
    }

    int get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return a[i];
    }

    void set(int i, int v) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        a[i] = v;
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
