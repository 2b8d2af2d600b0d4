package dev.pooltags.dump;

import dev.pooltags.pe.Machine;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.nio.ByteBuffer;
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
     * Scans regions, keeping at most {@code kept} blocks. Physical regions never overlap, so their blocks are counted
     * as they are found and memory stays bounded; a small dump's data blocks may overlap, so its (few) blocks are
     * collected and the same header captured twice is counted once.
     */
    public Result scan(DumpFile f, List<MemoryRegion> regions, int kept) {
        Space space = new Space(regions);
        boolean overlapping = regions.stream().anyMatch(r -> r.kind().virtual());
        PoolUsage.Counter counter = new PoolUsage.Counter();
        List<PoolHeader> out = new ArrayList<>();
        long confirmed = 0;
        long unconfirmed = 0;
        boolean cut = false;
        long scanned = 0;
        long pages = 0;
        byte[] page = new byte[PAGE];
        List<PoolHeader> part = new ArrayList<>();
        for (MemoryRegion r : space.sorted) {
            long a = r.address();
            long end = r.address() + r.length();
            while (Long.compareUnsigned(a, end) < 0) {
                long pageStart = a & ~(long) (PAGE - 1);
                long stop = Long.compareUnsigned(end, pageStart + PAGE) < 0 ? end : pageStart + PAGE;
                part.clear();
                scanPart(f, space, r, a, stop, page, part);
                if (overlapping) {
                    out.addAll(part);
                } else {
                    for (PoolHeader h : part) {
                        if (h.confirmed()) {
                            confirmed++;
                            counter.add(h);
                        } else {
                            unconfirmed++;
                        }
                        if (out.size() < kept) {
                            out.add(h);
                        } else {
                            cut = true;
                        }
                    }
                }
                scanned += stop - a;
                pages++;
                a = stop;
                if (a == 0) {
                    break; // wrapped at the top of the address space
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

    /** Scans [from, to) of one page, all inside region r. */
    private void scanPart(DumpFile f, Space space, MemoryRegion r, long from, long to, byte[] page, List<PoolHeader> out) {
        long first = (from + unit - 1) & -unit;
        if (Long.compareUnsigned(first + unit, to) > 0) {
            return;
        }
        int n = (int) ((to - first) / unit);
        long fileFirst = r.fileOffset() + (first - r.address());
        ByteBuffer view = f.view(fileFirst, n * unit);
        if (view == null) {
            f.get(fileFirst, page, 0, n * unit);
            view = ByteBuffer.wrap(page, 0, n * unit).slice().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        }
        long[] linkedFrom = null;
        int linkedCount = 0;
        for (int i = 0; i < n; i++) {
            int at = i * unit;
            long address = first + (long) at;
            int sizeUnits = sizeUnits(view, at);
            if (sizeUnits == 0 || !plausible(view, at, address, sizeUnits)) {
                continue;
            }
            long blockEnd = address + (long) sizeUnits * unit;
            PoolHeader.Link link;
            if ((blockEnd & (PAGE - 1)) == 0) {
                link = PoolHeader.Link.PAGE_END;
            } else if (nextAgrees(f, space, blockEnd, sizeUnits)) {
                link = PoolHeader.Link.NEXT_HEADER;
            } else if (segmentHeap && ((blockEnd + unit) & (PAGE - 1)) != 0 && nextAgrees(f, space, blockEnd + unit, -1)) {
                link = PoolHeader.Link.VS_NEXT_HEADER;
            } else if (space.find(blockEnd, unit) == null) {
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
            out.add(block(view, at, address, r.fileOffset() + (address - r.address()), sizeUnits, link));
        }
        int pageFirst = out.size();
        while (pageFirst > 0 && Long.compareUnsigned(out.get(pageFirst - 1).address(), from) >= 0) {
            pageFirst--;
        }
        if (linkedCount > 0) {
            // a header the previous block ends at is confirmed by it, even when its own end was not captured
            for (int k = out.size() - 1; k >= 0; k--) {
                PoolHeader b = out.get(k);
                if (Long.compareUnsigned(b.address(), from) < 0) {
                    break;
                }
                if ((b.link() == null || b.link() == PoolHeader.Link.END_NOT_CAPTURED) && contains(linkedFrom, linkedCount, b.address())) {
                    out.set(k, new PoolHeader(b.address(), b.physical(), b.fileOffset(), b.tag(), b.size(), b.previousSize(), b.poolIndex(),
                            b.poolTypeBits(), b.allocated(), b.type(), PoolHeader.Link.PREVIOUS_HEADER));
                }
            }
        }
        out.subList(pageFirst, out.size()).removeIf(b -> b.link() == null);
    }

    private static boolean contains(long[] a, int n, long v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    private int sizeUnits(ByteBuffer b, int at) {
        return unit == 16 ? b.get(at + 2) & 0xFF : b.getShort(at + 2) & 0x1FF;
    }

    private int previousUnits(ByteBuffer b, int at) {
        return unit == 16 ? b.get(at) & 0xFF : b.getShort(at) & 0x1FF;
    }

    private int poolIndex(ByteBuffer b, int at) {
        return unit == 16 ? b.get(at + 1) & 0xFF : (b.getShort(at) & 0xFFFF) >>> 9;
    }

    private int poolTypeBits(ByteBuffer b, int at) {
        return unit == 16 ? b.get(at + 3) & 0xFF : (b.getShort(at + 2) & 0xFFFF) >>> 9;
    }

    /** The header rules, without the neighbours. */
    private boolean plausible(ByteBuffer b, int at, long address, int sizeUnits) {
        int inPage = (int) (address & (PAGE - 1));
        if (inPage + sizeUnits * unit > PAGE) {
            return false;
        }
        int tag = b.getInt(at + 4);
        if (!tagPlausible(tag)) {
            return false;
        }
        int prev = previousUnits(b, at);
        int type = poolTypeBits(b, at);
        if (segmentHeap) {
            if ((type & 2) == 0 || (type & ~0x6F) != 0) {
                return false;
            }
            // PreviousSize is 0, except in a cache-aligned block's second header, where it is the distance back to the first
            return prev == 0 || (type & 4) != 0 && prev * unit <= inPage;
        }
        return prev * unit <= inPage && (inPage != 0 || prev == 0);
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

    /**
     * True when a plausible header is at {@code address} and, in the legacy pool, its PreviousSize equals
     * {@code prevUnits} (-1: any).
     */
    private boolean nextAgrees(DumpFile f, Space space, long address, int prevUnits) {
        MemoryRegion r = space.find(address, unit);
        if (r == null) {
            return false;
        }
        long off = r.fileOffset() + (address - r.address());
        byte[] h = f.bytes(off, unit);
        ByteBuffer b = ByteBuffer.wrap(h).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int size = sizeUnits(b, 0);
        if (size == 0 || !plausible(b, 0, address, size)) {
            return false;
        }
        if (!segmentHeap && prevUnits >= 0) {
            return previousUnits(b, 0) == prevUnits;
        }
        return true;
    }

    private PoolHeader block(ByteBuffer b, int at, long address, long fileOffset, int sizeUnits, PoolHeader.Link link) {
        int type = poolTypeBits(b, at);
        boolean allocated = segmentHeap || type != 0;
        // legacy headers keep the pool type plus one (0 is a free block); the segment heap keeps the type itself with bit 1 set
        int base = segmentHeap ? type : type - 1;
        PoolType pt = allocated && (base & 1) != 0 ? PoolType.PAGED : PoolType.NONPAGED;
        return new PoolHeader(address, physical, fileOffset, PoolTag.ofValue(b.getInt(at + 4)), sizeUnits * unit,
                previousUnits(b, at) * unit, poolIndex(b, at), type, allocated, pt, link);
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
            int lo = 0;
            int hi = starts.length - 1;
            int best = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (Long.compareUnsigned(starts[mid], address) <= 0) {
                    best = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
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
