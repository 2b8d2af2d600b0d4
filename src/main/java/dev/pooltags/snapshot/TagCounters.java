package dev.pooltags.snapshot;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.util.Objects;

/**
 * One row of a snapshot: the counters of one tag in one pool, as {@code SystemPoolTagInformation} and PoolMon
 * report them.
 *
 * <p>{@code allocs} and {@code frees} are the kernel's counters since boot. On Windows they are 32-bit and wrap;
 * they are kept here as the unsigned value the source reported (0 to 2^32-1 for Windows sources), and every
 * difference is taken modulo 2^32 ({@link #outstanding()}, {@link SnapshotDelta}). {@code bytes} is what is
 * outstanding now (a SIZE_T, no wrap).
 *
 * <p>A row is keyed by a pool tag, or, for sources that are not the Windows pool (Linux slab caches), by a name
 * such as {@code kmalloc-64}: exactly one of {@code tag} and {@code name} is set.
 *
 * @param tag    the pool tag, or null for a named row
 * @param name   the row's name when it is not a pool tag, else null
 * @param type   paged or nonpaged
 * @param allocs allocations since boot (raw counter)
 * @param frees  frees since boot (raw counter)
 * @param bytes  bytes outstanding now
 */
public record TagCounters(PoolTag tag, String name, PoolType type, long allocs, long frees, long bytes) {
    /** 2^32: Windows' allocation and free counters are ULONGs. */
    public static final long COUNTER_MODULUS = 1L << 32;

    public TagCounters {
        Objects.requireNonNull(type);
        if ((tag == null) == (name == null)) {
            throw new IllegalArgumentException("a row has either a tag or a name");
        }
    }

    /** A pool-tag row. */
    public static TagCounters of(PoolTag tag, PoolType type, long allocs, long frees, long bytes) {
        return new TagCounters(tag, null, type, allocs, frees, bytes);
    }

    /** A named row (Linux slab cache). */
    public static TagCounters named(String name, PoolType type, long allocs, long frees, long bytes) {
        return new TagCounters(null, name, type, allocs, frees, bytes);
    }

    /** The key shown in the Tag column: the tag's memory-order text, or the name. */
    public String label() {
        return tag != null ? tag.memoryText() : name;
    }

    /** The identity of the row across snapshots: label and pool type. */
    public RowKey key() {
        return new RowKey(tag, name, type);
    }


    /**
     * Outstanding allocations (PoolMon's Diff): allocs minus frees. Windows counters wrap at 2^32 independently,
     * so when the raw difference is negative and both fit in 32 bits it is taken modulo 2^32.
     */
    public long outstanding() {
        long d = allocs - frees;
        if (d < 0 && allocs < COUNTER_MODULUS && frees < COUNTER_MODULUS) {
            d += COUNTER_MODULUS;
        }
        return d;
    }

    /** PoolMon's Per Alloc: bytes per outstanding allocation, 0 when none are outstanding. */
    public long perAlloc() {
        long o = outstanding();
        return o <= 0 ? 0 : bytes / o;
    }

    /** {@link RowKey} order of two rows without building their keys (sorting a sample allocates nothing). */
    public static int compareKeys(TagCounters a, TagCounters b) {
        return compare(a.tag, a.name, a.type, b.tag, b.name, b.type);
    }

    /** {@link RowKey} order of this row against {@code key}, without building this row's key. */
    public int compareTo(RowKey key) {
        return compare(tag, name, type, key.tag(), key.name(), key.type());
    }

    /** Tags in PoolMon's order (case-sensitive bytes), names after tags, then paged before nonpaged. */
    private static int compare(PoolTag tag, String name, PoolType type, PoolTag otherTag, String otherName,
            PoolType otherType) {
        int c;
        if (tag != null && otherTag != null) {
            c = tag.compareTo(otherTag);
        } else if (tag == null && otherTag == null) {
            c = name.compareTo(otherName);
        } else {
            c = tag != null ? -1 : 1;
        }
        return c != 0 ? c : type.compareTo(otherType);
    }

    /** Identity of a row across snapshots. */
    public record RowKey(PoolTag tag, String name, PoolType type) implements Comparable<RowKey> {
        public String label() {
            return tag != null ? tag.memoryText() : name;
        }

        /** Tags in PoolMon's order (case-sensitive bytes), names after tags, then paged before nonpaged. */
        @Override
        public int compareTo(RowKey o) {
            return compare(tag, name, type, o.tag, o.name, o.type);
        }
    }
}
