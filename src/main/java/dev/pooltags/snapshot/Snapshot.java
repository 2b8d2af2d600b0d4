package dev.pooltags.snapshot;

import dev.pooltags.tag.PoolType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sample of per-tag pool usage: when, where, from which source, every row, and the system totals the source
 * reports.
 *
 * <p>Totals use these keys (bytes unless named otherwise), each present only when the source has it:
 * {@code pool.nonpaged}, {@code pool.paged} (PoolMon's {@code Pool N:} / {@code P:}), {@code memory.total},
 * {@code memory.available}, {@code commit}, {@code commit.limit}, {@code commit.peak}, {@code kernel.nonpaged.inram}
 * and {@code slab} / {@code slab.reclaimable} / {@code slab.unreclaimable} on Linux.
 *
 * @param time   when the sample was taken (for simulated sources, simulated time)
 * @param host   the machine's name, or empty when unknown (files that do not say)
 * @param source where it came from: {@code windows}, {@code linux}, {@code demo:SCENARIO}, a file name, ...
 * @param rows   rows, in {@link TagCounters.RowKey} order
 * @param totals system totals by the keys above
 * @param bigPool the big-pool table at that moment (allocations of a page or more, one by one), when it was asked
 *                for ({@code snapshot --big-pool}) and the source has one; empty otherwise
 */
public record Snapshot(Instant time, String host, String source, List<TagCounters> rows, Map<String, Long> totals,
        List<BigPoolAllocation> bigPool) {
    public Snapshot {
        Objects.requireNonNull(time);
        Objects.requireNonNull(host);
        Objects.requireNonNull(source);
        List<TagCounters> sorted = new ArrayList<>(rows);
        sorted.sort(TagCounters::compareKeys); // TimSort: one pass when the rows come in order, as sources give them
        rows = Collections.unmodifiableList(sorted);
        totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals));
        bigPool = List.copyOf(bigPool);
    }

    public Snapshot(Instant time, String host, String source, List<TagCounters> rows, Map<String, Long> totals) {
        this(time, host, source, rows, totals, List.of());
    }

    /** This snapshot with the big-pool table attached. */
    public Snapshot withBigPool(List<BigPoolAllocation> table) {
        return new Snapshot(time, host, source, rows, totals, table);
    }

    public Snapshot(Instant time, String host, String source, List<TagCounters> rows) {
        this(time, host, source, rows, Map.of());
    }

    /** The rows with {@code key} (one, or more when a source repeats a row; none when absent), found by bisection. */
    public List<TagCounters> rows(TagCounters.RowKey key) {
        int lo = 0;
        int hi = rows.size();
        while (lo < hi) { // the first row not before the key: rows are sorted by key
            int mid = (lo + hi) >>> 1;
            if (rows.get(mid).compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < rows.size() && rows.get(end).compareTo(key) == 0) {
            end++;
        }
        return rows.subList(lo, end);
    }

    /** The rows by key. */
    public Map<TagCounters.RowKey, TagCounters> byKey() {
        Map<TagCounters.RowKey, TagCounters> m = new LinkedHashMap<>(rows.size() * 2);
        for (TagCounters r : rows) {
            m.put(r.key(), r);
        }
        return m;
    }

    /** Sum of bytes outstanding over all rows of a pool type (null: both). */
    public long totalBytes(PoolType type) {
        long s = 0;
        for (TagCounters r : rows) {
            if (type == null || r.type() == type) {
                s += r.bytes();
            }
        }
        return s;
    }
}
