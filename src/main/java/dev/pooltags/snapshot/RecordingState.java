package dev.pooltags.snapshot;

import java.util.Arrays;

/**
 * What a session of a recording has seen so far, shared by the writer (to encode changes) and the reader (to
 * apply them): per row id its key, counters and presence; per total id its name, value and presence.
 */
final class RecordingState {
    TagCounters.RowKey[] keys = new TagCounters.RowKey[1024];
    long[] allocs = new long[1024];
    long[] frees = new long[1024];
    long[] bytes = new long[1024];
    boolean[] present = new boolean[1024];
    int rows;
    String[] totalKeys = new String[16];
    long[] totalValues = new long[16];
    boolean[] totalPresent = new boolean[16];
    int totals;

    /** A new session: nothing defined, nothing present. */
    void reset() {
        rows = 0;
        totals = 0;
        Arrays.fill(present, false);
        Arrays.fill(totalPresent, false);
    }

    /** Defines the next row id for {@code key}, absent with zero counters; returns the id. */
    int defineRow(TagCounters.RowKey key) {
        int id = rows++;
        if (rows > keys.length) {
            int c = Math.max(rows, keys.length * 2);
            keys = Arrays.copyOf(keys, c);
            allocs = Arrays.copyOf(allocs, c);
            frees = Arrays.copyOf(frees, c);
            bytes = Arrays.copyOf(bytes, c);
            present = Arrays.copyOf(present, c);
        }
        keys[id] = key;
        clearRow(id);
        return id;
    }

    /** Defines the next total id for {@code name}, absent with value 0; returns the id. */
    int defineTotal(String name) {
        int id = totals++;
        if (totals > totalKeys.length) {
            int c = Math.max(totals, totalKeys.length * 2);
            totalKeys = Arrays.copyOf(totalKeys, c);
            totalValues = Arrays.copyOf(totalValues, c);
            totalPresent = Arrays.copyOf(totalPresent, c);
        }
        totalKeys[id] = name;
        clearTotal(id);
        return id;
    }

    /** A removed row: absent, counters back to zero (a row that comes back starts from zero). */
    void clearRow(int id) {
        present[id] = false;
        allocs[id] = 0;
        frees[id] = 0;
        bytes[id] = 0;
    }

    void clearTotal(int id) {
        totalPresent[id] = false;
        totalValues[id] = 0;
    }
}
