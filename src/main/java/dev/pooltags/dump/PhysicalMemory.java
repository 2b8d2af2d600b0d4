package dev.pooltags.dump;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The physical memory a complete or kernel dump holds, and x64 virtual-to-physical translation through its page
 * tables: four levels (PML4, PDPT, PD, PT) of 8-byte entries, bit 0 present, bit 7 a 1 GiB or 2 MiB page, the frame
 * in bits 12 to 51. A page that is not present, or not in the dump, reads as missing: nothing is guessed.
 */
public final class PhysicalMemory {
    private static final long FRAME = 0x000F_FFFF_FFFF_F000L;

    private final DumpFile f;
    private final long[] starts;
    private final List<MemoryRegion> sorted;

    public PhysicalMemory(DumpFile f, List<MemoryRegion> regions) {
        this.f = f;
        List<MemoryRegion> s = new ArrayList<>();
        for (MemoryRegion r : regions) {
            if (r.kind() == MemoryRegion.Kind.PHYSICAL) {
                s.add(r);
            }
        }
        s.sort(Comparator.comparing(MemoryRegion::address, Long::compareUnsigned));
        this.sorted = s;
        this.starts = new long[s.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = s.get(i).address();
        }
    }

    /** The file offset of {@code len} bytes at a physical address, or -1 when the dump does not hold them all. */
    public long fileOffset(long pa, int len) {
        int best = AddressFloor.of(starts, pa);
        if (best < 0) {
            return -1;
        }
        MemoryRegion r = sorted.get(best);
        long off = pa - r.address();
        return off >= 0 && off + len <= r.length() ? r.fileOffset() + off : -1;
    }

    /** The 8 bytes at a physical address, or null. */
    Long physical64(long pa) {
        long off = fileOffset(pa, 8);
        return off < 0 ? null : f.u64(off);
    }

    /** The physical address of an x64 virtual address under page table root {@code cr3}, or -1 when it is not mapped or not in the dump. */
    public long translate(long cr3, long va) {
        long table = cr3 & FRAME;
        int[] shifts = {39, 30, 21, 12};
        for (int level = 0; level < 4; level++) {
            long index = va >>> shifts[level] & 0x1FF;
            Long e = physical64(table + index * 8);
            if (e == null || (e & 1) == 0) {
                return -1;
            }
            if (level > 0 && level < 3 && (e & 0x80) != 0) { // a 1 GiB (PDPT) or 2 MiB (PD) page
                long size = 1L << shifts[level];
                return (e & FRAME & ~(size - 1)) | (va & (size - 1));
            }
            table = e & FRAME;
        }
        return table | (va & 0xFFF);
    }

    /** Reads {@code len} bytes at a virtual address (crossing pages as needed) into {@code dst}; false when any byte is missing. */
    public boolean read(long cr3, long va, byte[] dst, int len) {
        int done = 0;
        while (done < len) {
            long a = va + done;
            long pa = translate(cr3, a);
            int n = (int) Math.min(len - done, 0x1000 - (a & 0xFFF));
            long off = pa < 0 ? -1 : fileOffset(pa, n);
            if (off < 0) {
                return false;
            }
            f.get(off, dst, done, n);
            done += n;
        }
        return true;
    }
}
