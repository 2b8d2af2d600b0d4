package dev.pooltags.snapshot;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes what {@code NtQuerySystemInformation} returns for the pool, in the 32-bit and the 64-bit layout, from a
 * little-endian buffer, so the decoding is tested on every OS with buffers built from the documented layouts.
 *
 * <pre>
 * SYSTEM_POOLTAG (x86: 28 bytes, x64: 40 bytes)          SystemPoolTagInformation = 22
 *   ULONG  Tag               0   0                         { ULONG Count; [pad to pointer size]
 *   ULONG  PagedAllocs       4   4                           SYSTEM_POOLTAG TagInfo[Count]; }
 *   ULONG  PagedFrees        8   8                         x86: TagInfo at 4; x64: at 8
 *   SIZE_T PagedUsed        12  16
 *   ULONG  NonPagedAllocs   16  24
 *   ULONG  NonPagedFrees    20  28
 *   SIZE_T NonPagedUsed     24  32
 *
 * SYSTEM_SESSION_POOLTAG_INFORMATION                     SystemSessionPoolTagInformation = 67
 *   SIZE_T NextEntryOffset   0   0   (from this entry; 0 on the last)
 *   ULONG  SessionId         4   8
 *   ULONG  Count             8  12
 *   SYSTEM_POOLTAG TagInfo  12  16
 *
 * SYSTEM_BIGPOOL_ENTRY (x86: 12 bytes, x64: 24 bytes)    SystemBigPoolInformation = 66
 *   PVOID  VirtualAddress    0   0   (bit 0 set: nonpaged)  { ULONG Count; [pad]; ENTRY AllocatedInfo[Count]; }
 *   SIZE_T SizeInBytes       4   8                         x86: entries at 4; x64: at 8
 *   ULONG  Tag               8  16
 * </pre>
 *
 * The counters are ULONGs (they wrap, see {@link TagCounters}); Used is a SIZE_T. A tag's paged and nonpaged
 * counters become two rows; a pool type with no allocations, frees or bytes has no row.
 */
public final class WindowsPoolBuffers {
    /** SystemPoolTagInformation. */
    public static final int POOL_TAG_CLASS = 22;
    /** SystemBigPoolInformation. */
    public static final int BIG_POOL_CLASS = 66;
    /** SystemSessionPoolTagInformation. */
    public static final int SESSION_POOL_TAG_CLASS = 67;

    private WindowsPoolBuffers() {}

    /**
     * Sizes and offsets of the structures decoded, for one pointer size: every offset the decoders use comes from here,
     * and a test compares them with the same structures compiled for x86 and x64 (mingw-w64) from declarations written
     * from the public documentation, and with System Informer's and ReactOS's declarations when those are at hand.
     */
    public record Layout(int poolTagSize, int tag, int pagedAllocs, int pagedFrees, int pagedUsed, int nonPagedAllocs,
            int nonPagedFrees, int nonPagedUsed, int poolTagArray, int sessionNext, int sessionId, int sessionCount, int sessionTags,
            int bigEntrySize, int bigAddress, int bigSize, int bigTag, int bigArray, int perfCommitTotal, int perfPageSize,
            int perfSize) {
        /** Each value by the name the C declarations give it, for comparisons and messages. */
        public java.util.Map<String, Integer> byName() {
            java.util.Map<String, Integer> m = new java.util.LinkedHashMap<>();
            m.put("sizeof(SYSTEM_POOLTAG)", poolTagSize);
            m.put("SYSTEM_POOLTAG.Tag", tag);
            m.put("SYSTEM_POOLTAG.PagedAllocs", pagedAllocs);
            m.put("SYSTEM_POOLTAG.PagedFrees", pagedFrees);
            m.put("SYSTEM_POOLTAG.PagedUsed", pagedUsed);
            m.put("SYSTEM_POOLTAG.NonPagedAllocs", nonPagedAllocs);
            m.put("SYSTEM_POOLTAG.NonPagedFrees", nonPagedFrees);
            m.put("SYSTEM_POOLTAG.NonPagedUsed", nonPagedUsed);
            m.put("SYSTEM_POOLTAG_INFORMATION.TagInfo", poolTagArray);
            m.put("SYSTEM_SESSION_POOLTAG_INFORMATION.NextEntryOffset", sessionNext);
            m.put("SYSTEM_SESSION_POOLTAG_INFORMATION.SessionId", sessionId);
            m.put("SYSTEM_SESSION_POOLTAG_INFORMATION.Count", sessionCount);
            m.put("SYSTEM_SESSION_POOLTAG_INFORMATION.TagInfo", sessionTags);
            m.put("sizeof(SYSTEM_BIGPOOL_ENTRY)", bigEntrySize);
            m.put("SYSTEM_BIGPOOL_ENTRY.VirtualAddress", bigAddress);
            m.put("SYSTEM_BIGPOOL_ENTRY.SizeInBytes", bigSize);
            m.put("SYSTEM_BIGPOOL_ENTRY.Tag", bigTag);
            m.put("SYSTEM_BIGPOOL_INFORMATION.AllocatedInfo", bigArray);
            m.put("PERFORMANCE_INFORMATION.CommitTotal", perfCommitTotal);
            m.put("PERFORMANCE_INFORMATION.PageSize", perfPageSize);
            m.put("sizeof(PERFORMANCE_INFORMATION)", perfSize);
            return m;
        }
    }

    /** 32-bit Windows: ULONG and pointers 4 bytes. */
    public static final Layout X86 = new Layout(28, 0, 4, 8, 12, 16, 20, 24, 4, 0, 4, 8, 12, 12, 0, 4, 8, 4, 4, 40, 56);
    /** 64-bit Windows: ULONG 4 bytes, SIZE_T and pointers 8. */
    public static final Layout X64 = new Layout(40, 0, 4, 8, 16, 24, 28, 32, 8, 0, 8, 12, 16, 24, 0, 8, 16, 8, 8, 80, 104);

    /** The layout for a pointer size. */
    public static Layout layout(boolean is64) {
        return is64 ? X64 : X86;
    }

    /** Size of SYSTEM_POOLTAG in the layout. */
    public static int poolTagSize(boolean is64) {
        return layout(is64).poolTagSize();
    }

    /** The rows of a SystemPoolTagInformation buffer; {@code limit} is the length the call returned. */
    public static List<TagCounters> poolTags(ByteBuffer buf, int limit, boolean is64) {
        ByteBuffer b = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        need(limit, 4, "SystemPoolTagInformation", "its Count");
        long count = Integer.toUnsignedLong(b.getInt(0));
        int first = layout(is64).poolTagArray();
        checkArray(limit, first, count, poolTagSize(is64), "SystemPoolTagInformation");
        List<TagCounters> out = new ArrayList<>((int) count * 2);
        decodeTags(b, first, (int) count, is64, out);
        return out;
    }

    private static long sizeT(ByteBuffer b, int at, boolean is64) {
        return is64 ? b.getLong(at) : Integer.toUnsignedLong(b.getInt(at));
    }

    private static void decodeTags(ByteBuffer b, int at, int count, boolean is64, List<TagCounters> out) {
        Layout l = layout(is64);
        for (int i = 0; i < count; i++) {
            int o = at + i * l.poolTagSize();
            PoolTag tag = PoolTag.ofValue(b.getInt(o + l.tag()));
            long pa = Integer.toUnsignedLong(b.getInt(o + l.pagedAllocs()));
            long pf = Integer.toUnsignedLong(b.getInt(o + l.pagedFrees()));
            long pu = sizeT(b, o + l.pagedUsed(), is64);
            long na = Integer.toUnsignedLong(b.getInt(o + l.nonPagedAllocs()));
            long nf = Integer.toUnsignedLong(b.getInt(o + l.nonPagedFrees()));
            long nu = sizeT(b, o + l.nonPagedUsed(), is64);
            if (pa != 0 || pf != 0 || pu != 0) {
                out.add(TagCounters.of(tag, PoolType.PAGED, pa, pf, pu));
            }
            if (na != 0 || nf != 0 || nu != 0) {
                out.add(TagCounters.of(tag, PoolType.NONPAGED, na, nf, nu));
            }
        }
    }

    /** The rows of each session in a SystemSessionPoolTagInformation buffer, by session id. */
    public static Map<Long, List<TagCounters>> sessionPoolTags(ByteBuffer buf, int limit, boolean is64) {
        ByteBuffer b = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        Map<Long, List<TagCounters>> out = new LinkedHashMap<>();
        Layout l = layout(is64);
        int header = l.sessionTags();
        long at = 0;
        while (limit > 0) {
            need(limit, (int) at + header, "SystemSessionPoolTagInformation", "a session header at " + at);
            int o = (int) at;
            long next = sizeT(b, o + l.sessionNext(), is64);
            long session = Integer.toUnsignedLong(b.getInt(o + l.sessionId()));
            long count = Integer.toUnsignedLong(b.getInt(o + l.sessionCount()));
            checkArray(limit, o + header, count, poolTagSize(is64), "SystemSessionPoolTagInformation session " + session);
            List<TagCounters> rows = new ArrayList<>();
            decodeTags(b, o + header, (int) count, is64, rows);
            out.put(session, rows);
            if (next == 0) {
                break;
            }
            if (next < header || at + next >= limit) {
                throw new IllegalArgumentException("SystemSessionPoolTagInformation: NextEntryOffset " + next + " at byte " + at
                        + " points outside the " + limit + "-byte buffer");
            }
            at += next;
        }
        return out;
    }

    /** The allocations of a SystemBigPoolInformation buffer. */
    public static List<BigPoolAllocation> bigPool(ByteBuffer buf, int limit, boolean is64) {
        ByteBuffer b = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        need(limit, 4, "SystemBigPoolInformation", "its Count");
        long count = Integer.toUnsignedLong(b.getInt(0));
        Layout l = layout(is64);
        int first = l.bigArray();
        int size = l.bigEntrySize();
        checkArray(limit, first, count, size, "SystemBigPoolInformation");
        List<BigPoolAllocation> out = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int o = first + i * size;
            long va = sizeT(b, o + l.bigAddress(), is64);
            long bytes = sizeT(b, o + l.bigSize(), is64);
            int tag = b.getInt(o + l.bigTag());
            // the low bit of VirtualAddress is the NonPaged flag (allocations are page-aligned, so it is free)
            out.add(new BigPoolAllocation(va & ~1L, (va & 1) != 0 ? PoolType.NONPAGED : PoolType.PAGED, bytes, PoolTag.ofValue(tag)));
        }
        return out;
    }

    /** Big-pool totals: {@code bigpool.count}, {@code bigpool.paged}, {@code bigpool.nonpaged} (bytes). */
    public static Map<String, Long> bigPoolTotals(List<BigPoolAllocation> entries) {
        long paged = 0;
        long nonPaged = 0;
        for (BigPoolAllocation e : entries) {
            if (e.type() == PoolType.NONPAGED) {
                nonPaged += e.bytes();
            } else {
                paged += e.bytes();
            }
        }
        Map<String, Long> t = new LinkedHashMap<>();
        t.put("bigpool.count", (long) entries.size());
        t.put("bigpool.paged", paged);
        t.put("bigpool.nonpaged", nonPaged);
        return t;
    }

    /** Sums the rows of several sessions per tag and pool type (counters modulo 2^32, as the kernel's wrap). */
    public static List<TagCounters> sumSessions(Iterable<List<TagCounters>> sessions) {
        Map<TagCounters.RowKey, long[]> sum = new LinkedHashMap<>();
        for (List<TagCounters> rows : sessions) {
            for (TagCounters r : rows) {
                long[] s = sum.computeIfAbsent(r.key(), k -> new long[3]);
                s[0] = (s[0] + r.allocs()) % TagCounters.COUNTER_MODULUS;
                s[1] = (s[1] + r.frees()) % TagCounters.COUNTER_MODULUS;
                s[2] += r.bytes();
            }
        }
        List<TagCounters> out = new ArrayList<>(sum.size());
        sum.forEach((k, s) -> out.add(TagCounters.of(k.tag(), k.type(), s[0], s[1], s[2])));
        return out;
    }

    /**
     * PERFORMANCE_INFORMATION (psapi's GetPerformanceInfo), counts in pages, as totals in bytes: {@code cb}, then
     * SIZE_T CommitTotal, CommitLimit, CommitPeak, PhysicalTotal, PhysicalAvailable, SystemCache, KernelTotal,
     * KernelPaged, KernelNonpaged, PageSize (from offset 8 on x64, 4 on x86).
     */
    public static Map<String, Long> performanceTotals(ByteBuffer buf, boolean is64) {
        ByteBuffer b = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int at = layout(is64).perfCommitTotal();
        int step = is64 ? 8 : 4;
        long[] v = new long[10];
        for (int i = 0; i < 10; i++) {
            v[i] = is64 ? b.getLong(at + i * step) : Integer.toUnsignedLong(b.getInt(at + i * step));
        }
        long page = v[9];
        Map<String, Long> t = new LinkedHashMap<>();
        t.put("memory.total", v[3] * page);
        t.put("memory.available", v[4] * page);
        t.put("commit", v[0] * page);
        t.put("commit.limit", v[1] * page);
        t.put("commit.peak", v[2] * page);
        t.put("pool.paged", v[7] * page);
        t.put("pool.nonpaged", v[8] * page);
        return t;
    }

    private static void need(int limit, int bytes, String what, String part) {
        if (limit < bytes) {
            throw new IllegalArgumentException(what + ": the " + limit + "-byte buffer is too short for " + part);
        }
    }

    private static void checkArray(int limit, int first, long count, int size, String what) {
        if (count > (limit - (long) first) / size) {
            throw new IllegalArgumentException(what + ": Count " + count + " entries of " + size + " bytes do not fit in the "
                    + limit + "-byte buffer");
        }
    }
}
