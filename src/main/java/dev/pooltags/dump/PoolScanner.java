package dev.pooltags.dump;

import dev.pooltags.pe.Machine;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds pool block headers in the memory a dump holds and keeps those whose structure confirms them.
 *
 * <p>A pool header ({@code POOL_HEADER}) is 16 bytes on 64-bit Windows (sizes in 16-byte units: PreviousSize,
 * PoolIndex, BlockSize and PoolType one byte each, then the tag) and 8 bytes on 32-bit Windows (9-bit sizes in
 * 8-byte units, 7-bit PoolIndex and PoolType). A candidate needs a nonzero BlockSize that keeps the block inside its
 * page and a tag of printable characters with a letter or digit. Before Windows 10 19H1 (build 18362) blocks tile
 * each page: a block ends where the next header begins, whose PreviousSize is this block's BlockSize, and the last
 * one ends at the page's end. From 19H1 the pool is the segment heap: PreviousSize is 0 (except in the second header
 * of a cache-aligned block), PoolIndex is unused, PoolType is the requested type {@code & 0x6D | 2}, LFH chunks
 * follow each other directly and VS chunks carry an encoded 16-byte VS header in front of the pool header (Bayet and
 * Fariello, "Scoop the Windows 10 pool!", SSTIC 2020). A header counts as confirmed only when its neighbours agree:
 * the next header where it ends (after a VS header in the segment heap), its page's end, or a previous block
 * ending at it.
 */
public final class PoolScanner {
    /** The first build with the kernel segment heap (Windows 10 1903, 19H1). */
    public static final int SEGMENT_HEAP_BUILD = 18362;
    static final int PAGE = 0x1000;

    private final int unit;
    private final boolean segmentHeap;
    private final boolean physical;

    /**
     * @param pointerBits 32 or 64
     * @param build       the Windows build (chooses the legacy or segment-heap rules)
     * @param physical    addresses are physical (complete and kernel dumps)
     */
    public PoolScanner(int pointerBits, int build, boolean physical) {
        this.unit = pointerBits == 64 ? 16 : 8;
        this.segmentHeap = build >= SEGMENT_HEAP_BUILD;
        this.physical = physical;
    }

    /** The scanner for a dump. */
    public static PoolScanner forDump(CrashDump d) {
        int bits = d.machine() == Machine.X86 ? 32 : d.bits();
        return new PoolScanner(bits, d.build(), d.kind().physical());
    }

    /** The header's size in bytes (16 on 64-bit Windows, 8 on 32-bit). */
    public int headerSize() {
        return unit;
    }

    /** True for the segment-heap rules. */
    public boolean segmentHeap() {
        return segmentHeap;
    }

    /** Blocks kept for listings ({@code !pool}, {@code !poolfind}); a complete dump of a large machine holds more. */
    public static final int DEFAULT_KEPT = 1_000_000;

    /**
     * What a scan found.
     *
     * @param blocks       well-formed headers, confirmed or not, by address: all of them, or the first {@code kept} of a large dump
     * @param blocksCut    true when there were more than the kept blocks (the counts and the usage still cover all)
     * @param confirmed    how many headers their neighbours confirm
     * @param unconfirmed  how many well-formed headers are not confirmed (their end was not captured)
     * @param usage        confirmed allocated blocks per tag and pool
     * @param scannedBytes bytes of memory examined
     * @param pages        pages (or parts of pages) examined
     */
    public record Result(List<PoolHeader> blocks, boolean blocksCut, long confirmed, long unconfirmed, List<PoolUsage> usage,
                         long scannedBytes, long pages) {
        /** The kept blocks that are confirmed. */
        public List<PoolHeader> confirmedBlocks() {
            return blocks.stream().filter(PoolHeader::confirmed).toList();
        }
    }

    /** Scans every data region of the dump (not the stack). */
    public Result scan(DumpFile f, CrashDump d) {
        List<MemoryRegion> rs = new ArrayList<>();
        for (MemoryRegion r : d.regions()) {
            if (r.kind() != MemoryRegion.Kind.STACK) {
                rs.add(r);
            }
        }
        return scan(f, rs, DEFAULT_KEPT);
    }

    /**
     * Scans regions, keeping at most {@code kept} blocks. Physical regions never overlap, so their pages are scanned in
     * parallel chunks and their blocks counted as they are found: memory stays bounded. A small dump's data blocks
     * may overlap, so its (few) blocks are collected and the same header captured twice is counted once.
     */
    public Result scan(DumpFile f, List<MemoryRegion> regions, int kept) {
        Space space = new Space(regions);
        boolean overlapping = regions.stream().anyMatch(r -> r.kind().virtual());
        List<Chunk> chunks = chunks(space.sorted);
        List<ChunkResult> results = (overlapping || chunks.size() == 1 ? chunks.stream() : chunks.parallelStream())
                .map(c -> scanChunk(f, space, c, overlapping ? Integer.MAX_VALUE : kept)).toList();
        PoolUsage.Counter counter = new PoolUsage.Counter();
        List<PoolHeader> out = new ArrayList<>();
        long confirmed = 0;
        long unconfirmed = 0;
        long scanned = 0;
        long pages = 0;
        boolean cut = false;
        for (ChunkResult r : results) {
            scanned += r.scanned;
            pages += r.pages;
            if (!overlapping) {
                confirmed += r.confirmed;
                unconfirmed += r.unconfirmed;
                counter.addAll(r.counter);
                cut |= r.cut;
            }
            for (PoolHeader h : r.blocks) {
                if (overlapping || out.size() < kept) {
                    out.add(h);
                } else {
                    cut = true;
                }
            }
        }
        if (!overlapping) {
            return new Result(List.copyOf(out), cut, confirmed, unconfirmed, counter.usage(), scanned, pages);
        }
        out.sort(Comparator.comparing(PoolHeader::address, Long::compareUnsigned));
        // the same memory captured twice (overlapping data blocks) gives the same header twice
        List<PoolHeader> unique = new ArrayList<>(out.size());
        for (PoolHeader b : out) {
            int n = unique.size();
            if (n > 0 && unique.get(n - 1).address() == b.address()) {
                if (!unique.get(n - 1).confirmed() && b.confirmed()) {
                    unique.set(n - 1, b);
                }
                continue;
            }
            unique.add(b);
        }
        for (PoolHeader h : unique) {
            if (h.confirmed()) {
                confirmed++;
                counter.add(h);
            } else {
                unconfirmed++;
            }
        }
        if (unique.size() > kept) {
            cut = true;
            unique = unique.subList(0, kept);
        }
        return new Result(List.copyOf(unique), cut, confirmed, unconfirmed, counter.usage(), scanned, pages);
    }

    /** Pages scanned by one task: large enough to amortize a task, small enough to spread over the processors. */
    private static final long CHUNK = 16L << 20;

    /** Part of one region. */
    private record Chunk(MemoryRegion region, long from, long to) {}

    private static List<Chunk> chunks(List<MemoryRegion> sorted) {
        List<Chunk> out = new ArrayList<>();
        for (MemoryRegion r : sorted) {
            long end = r.address() + r.length();
            for (long a = r.address(); Long.compareUnsigned(a, end) < 0; ) {
                long stop = Long.compareUnsigned(end - a, CHUNK) <= 0 ? end : (a & ~(long) (PAGE - 1)) + CHUNK;
                out.add(new Chunk(r, a, stop));
                if (stop == 0) {
                    break; // wrapped at the top of the address space
                }
                a = stop;
            }
        }
        return out;
    }

    private static final class ChunkResult {
        final List<PoolHeader> blocks = new ArrayList<>();
        final PoolUsage.Counter counter = new PoolUsage.Counter();
        long confirmed;
        long unconfirmed;
        long scanned;
        long pages;
        boolean cut;
    }

    private ChunkResult scanChunk(DumpFile f, Space space, Chunk c, int kept) {
        ChunkResult res = new ChunkResult();
        byte[] page = new byte[PAGE];
        List<PoolHeader> part = new ArrayList<>();
        long a = c.from();
        while (Long.compareUnsigned(a, c.to()) < 0) {
            long pageStart = a & ~(long) (PAGE - 1);
            long stop = Long.compareUnsigned(c.to(), pageStart + PAGE) < 0 ? c.to() : pageStart + PAGE;
            part.clear();
            scanPart(f, space, c.region(), a, stop, page, part);
            for (PoolHeader h : part) {
                if (h.confirmed()) {
                    res.confirmed++;
                    res.counter.add(h);
                } else {
                    res.unconfirmed++;
                }
                if (res.blocks.size() < kept) {
                    res.blocks.add(h);
                } else {
                    res.cut = true;
                }
            }
            res.scanned += stop - a;
            res.pages++;
            if (stop == 0) {
                break;
            }
            a = stop;
        }
        return res;
    }

    /** Scans [from, to) of one page, all inside region r, reading the mapped bytes as header words. */
    private void scanPart(DumpFile f, Space space, MemoryRegion r, long from, long to, byte[] page, List<PoolHeader> out) {
        long first = (from + unit - 1) & -unit;
        if (Long.compareUnsigned(first + unit, to) > 0) {
            return;
        }
        int n = (int) ((to - first) / unit);
        int len = n * unit;
        long fileFirst = r.fileOffset() + (first - r.address());
        // read the mapped page in place; a page that straddles two mapping windows is copied
        java.nio.ByteBuffer view = f.view(fileFirst, len);
        if (view == null) {
            f.get(fileFirst, page, 0, len);
            view = java.nio.ByteBuffer.wrap(page, 0, len).slice().order(ByteOrder.LITTLE_ENDIAN);
        }
        long[] linkedFrom = null;
        int linkedCount = 0;
        // most words are no header: reject them with one mask test (a nonzero size; in the segment heap, PoolType bit 1
        // set and PreviousSize 0 unless the block is cache-aligned) before any other check
        long mustHave = unit == 16 ? 0x00FF0000L : 0x01FF0000L;
        boolean seg16 = segmentHeap && unit == 16;
        for (int at = 0; at < len; at += unit) {
            long h = view.getLong(at);
            if ((h & mustHave) == 0 || seg16 && ((h & 0x02000000L) == 0 || (h & 0xFF) != 0 && (h & 0x04000000L) == 0)) {
                continue;
            }
            int sizeUnits = sizeUnits(h);
            long address = first + at;
            if (!plausible(h, address, sizeUnits)) {
                continue;
            }
            long blockEnd = address + (long) sizeUnits * unit;
            long endIndex = blockEnd - first; // where it ends in this page's copy, when the copy holds it
            boolean endInView = endIndex + unit <= len;
            boolean vsInView = endIndex + 2L * unit <= len;
            PoolHeader.Link link;
            if ((blockEnd & (PAGE - 1)) == 0) {
                link = PoolHeader.Link.PAGE_END;
            } else if (endInView ? agrees(view.getLong((int) endIndex), blockEnd, sizeUnits) : nextAgrees(f, space, blockEnd, sizeUnits)) {
                link = PoolHeader.Link.NEXT_HEADER;
            } else if (segmentHeap && ((blockEnd + unit) & (PAGE - 1)) != 0
                    && (vsInView ? agrees(view.getLong((int) endIndex + unit), blockEnd + unit, -1)
                            : nextAgrees(f, space, blockEnd + unit, -1))) {
                link = PoolHeader.Link.VS_NEXT_HEADER;
            } else if (!endInView && space.find(blockEnd, unit) == null) {
                link = PoolHeader.Link.END_NOT_CAPTURED;
            } else {
                // the bytes where it ends are captured and are not a pool header (a free VS chunk, or not a block at all):
                // kept only if the previous block ends at it (checked below)
                link = null;
            }
            if (link == PoolHeader.Link.NEXT_HEADER || link == PoolHeader.Link.VS_NEXT_HEADER) {
                if (linkedFrom == null) {
                    linkedFrom = new long[8];
                } else if (linkedCount == linkedFrom.length) {
                    linkedFrom = Arrays.copyOf(linkedFrom, linkedCount * 2);
                }
                linkedFrom[linkedCount++] = link == PoolHeader.Link.NEXT_HEADER ? blockEnd : blockEnd + unit;
            }
            out.add(block(h, address, fileFirst + at, sizeUnits, link));
        }
        if (linkedCount > 0) {
            // a header the previous block ends at is confirmed by it, even when its own end was not captured
            for (int k = 0; k < out.size(); k++) {
                PoolHeader b = out.get(k);
                if ((b.link() == null || b.link() == PoolHeader.Link.END_NOT_CAPTURED) && contains(linkedFrom, linkedCount, b.address())) {
                    out.set(k, new PoolHeader(b.address(), b.physical(), b.fileOffset(), b.tag(), b.size(), b.previousSize(), b.poolIndex(),
                            b.poolTypeBits(), b.allocated(), b.type(), PoolHeader.Link.PREVIOUS_HEADER));
                }
            }
        }
        out.removeIf(b -> b.link() == null);
    }

    private static boolean contains(long[] a, int n, long v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    // A header word: the first 8 bytes of the header. 64-bit: PreviousSize, PoolIndex, BlockSize, PoolType one byte
    // each, then the tag. 32-bit: PreviousSize:9 PoolIndex:7, BlockSize:9 PoolType:7, then the tag.

    private int sizeUnits(long h) {
        return unit == 16 ? (int) (h >>> 16) & 0xFF : (int) (h >>> 16) & 0x1FF;
    }

    private int previousUnits(long h) {
        return unit == 16 ? (int) h & 0xFF : (int) h & 0x1FF;
    }

    private int poolIndex(long h) {
        return unit == 16 ? (int) (h >>> 8) & 0xFF : (int) (h >>> 9) & 0x7F;
    }

    private int poolTypeBits(long h) {
        return unit == 16 ? (int) (h >>> 24) & 0xFF : (int) (h >>> 25) & 0x7F;
    }

    /** The header rules, without the neighbours. */
    private boolean plausible(long h, long address, int sizeUnits) {
        int inPage = (int) (address & (PAGE - 1));
        if (inPage + sizeUnits * unit > PAGE) {
            return false;
        }
        int prev = previousUnits(h);
        int type = poolTypeBits(h);
        if (segmentHeap) {
            if ((type & 2) == 0 || (type & ~0x6F) != 0) {
                return false;
            }
            // PreviousSize is 0, except in a cache-aligned block's second header, where it is the distance back to the first
            if (prev != 0 && ((type & 4) == 0 || prev * unit > inPage)) {
                return false;
            }
        } else if (prev * unit > inPage || inPage == 0 && prev != 0) {
            return false;
        }
        return tagPlausible((int) (h >>> 32));
    }

    /** Four printable characters (the last may carry the protected bit) with at least one letter or digit. */
    static boolean tagPlausible(int tag) {
        boolean letter = false;
        for (int i = 0; i < 4; i++) {
            int c = tag >>> (8 * i) & 0xFF;
            if (i == 3) {
                c &= 0x7F;
            }
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
            letter |= c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        }
        return letter;
    }

    /** True when {@code h} is a plausible header at {@code address} and, in the legacy pool, its PreviousSize is {@code prevUnits} (-1: any). */
    private boolean agrees(long h, long address, int prevUnits) {
        int size = sizeUnits(h);
        if (size == 0 || !plausible(h, address, size)) {
            return false;
        }
        return segmentHeap || prevUnits < 0 || previousUnits(h) == prevUnits;
    }

    /** {@link #agrees} for a header outside the page being scanned (an adjacent captured block). */
    private boolean nextAgrees(DumpFile f, Space space, long address, int prevUnits) {
        MemoryRegion r = space.find(address, unit);
        if (r == null) {
            return false;
        }
        return agrees(f.u64(r.fileOffset() + (address - r.address())), address, prevUnits);
    }

    private PoolHeader block(long h, long address, long fileOffset, int sizeUnits, PoolHeader.Link link) {
        int type = poolTypeBits(h);
        boolean allocated = segmentHeap || type != 0;
        // legacy headers keep the pool type plus one (0 is a free block); the segment heap keeps the type itself with bit 1 set
        int base = segmentHeap ? type : type - 1;
        PoolType pt = allocated && (base & 1) != 0 ? PoolType.PAGED : PoolType.NONPAGED;
        return new PoolHeader(address, physical, fileOffset, PoolTag.ofValue((int) (h >>> 32)), sizeUnits * unit,
                previousUnits(h) * unit, poolIndex(h), type, allocated, pt, link);
    }

    /** The regions sorted by address, for finding the one that holds an address. */
    static final class Space {
        final List<MemoryRegion> sorted;
        private final long[] starts;

        Space(List<MemoryRegion> regions) {
            List<MemoryRegion> s = new ArrayList<>(regions);
            s.sort(Comparator.comparing(MemoryRegion::address, Long::compareUnsigned));
            sorted = s;
            starts = new long[s.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = s.get(i).address();
            }
        }

        /** The region holding [address, address+len), or null. */
        MemoryRegion find(long address, int len) {
            int best = AddressFloor.of(starts, address);
            // overlapping regions: look back a little for one that covers the whole range
            for (int i = best; i >= 0 && i > best - 8; i--) {
                MemoryRegion r = sorted.get(i);
                if (r.contains(address) && Long.compareUnsigned(address - r.address() + len, r.length()) <= 0) {
                    return r;
                }
            }
            return null;
        }
    }
}
