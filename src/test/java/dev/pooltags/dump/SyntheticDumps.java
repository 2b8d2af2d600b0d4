package dev.pooltags.dump;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Kernel dumps built byte by byte from the documented layouts, for the kinds no real file here shows: 32-bit
 * headers, bitmap and page-range dumps, legacy and segment-heap pool pages.
 */
final class SyntheticDumps {
    private SyntheticDumps() {}

    /** A header page (0x2000 bytes for 64-bit, 0x1000 for 32-bit) filled with PAGE, with the common fields set. */
    static ByteBuffer header(int bits, int machine, int build, long bugCheck, long[] params, int dumpType) {
        int size = bits == 64 ? 0x2000 : 0x1000;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        byte[] page = "PAGE".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i += 4) {
            b.put(i, page);
        }
        b.put(0, (bits == 64 ? "PAGEDU64" : "PAGEDUMP").getBytes(StandardCharsets.US_ASCII));
        b.putInt(8, 0xF);
        b.putInt(12, build);
        if (bits == 64) {
            b.putInt(0x30, machine);
            b.putInt(0x34, 2);
            b.putInt(0x38, (int) bugCheck);
            b.putInt(0x3C, 0);
            for (int i = 0; i < 4; i++) {
                b.putLong(0x40 + 8 * i, params[i]);
            }
            b.putInt(0xF98, dumpType);
            b.putLong(0xFA8, 132_591_000_000_000_000L); // 2021-02-21
        } else {
            b.putInt(32, machine);
            b.putInt(36, 1);
            b.putInt(40, (int) bugCheck);
            for (int i = 0; i < 4; i++) {
                b.putInt(44 + 4 * i, (int) params[i]);
            }
            b.putInt(3976, dumpType);
            b.putLong(4032, 132_591_000_000_000_000L);
        }
        return b;
    }

    /** A complete memory dump with physical memory runs {base page, count} and the given page bytes. */
    static byte[] completeRuns(int bits, int build, long[][] runs, byte[] pages) {
        ByteBuffer h = header(bits, bits == 64 ? 0x8664 : 0x14C, build, 0xE2, new long[4], 1);
        long total = 0;
        if (bits == 64) {
            h.putInt(0x88, runs.length);
            h.putInt(0x8C, 0);
            for (long[] r : runs) {
                total += r[1];
            }
            h.putLong(0x90, total);
            for (int i = 0; i < runs.length; i++) {
                h.putLong(0x98 + 16 * i, runs[i][0]);
                h.putLong(0xA0 + 16 * i, runs[i][1]);
            }
        } else {
            h.putInt(100, runs.length);
            for (long[] r : runs) {
                total += r[1];
            }
            h.putInt(104, (int) total);
            for (int i = 0; i < runs.length; i++) {
                h.putInt(108 + 8 * i, (int) runs[i][0]);
                h.putInt(112 + 8 * i, (int) runs[i][1]);
            }
        }
        return concat(h.array(), pages);
    }

    /** A bitmap dump (DumpType 5) whose bitmap marks {@code pfns}, with the pages' bytes in pfn order. */
    static byte[] bitmap(String signature, long bitmapBits, List<Long> pfns, byte[] pages) {
        ByteBuffer h = header(64, 0x8664, 19041, 0x7E, new long[4], 5);
        ByteBuffer s = ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);
        s.put(0, signature.getBytes(StandardCharsets.US_ASCII));
        s.put(4, "DUMP".getBytes(StandardCharsets.US_ASCII));
        s.putLong(0x20, 0x3000);
        s.putLong(0x28, pfns.size());
        s.putLong(0x30, bitmapBits);
        for (long p : pfns) {
            int byteAt = 0x38 + (int) (p / 8);
            s.put(byteAt, (byte) (s.get(byteAt) | 1 << (p % 8)));
        }
        return concat(h.array(), s.array(), pages);
    }

    /** A page-range dump (DumpType 8, 'RDMP') with ranges {pfn, count}. */
    static byte[] ranges(long[][] ranges, byte[] pages) {
        ByteBuffer h = header(64, 0x8664, 22621, 0x161, new long[4], 8);
        ByteBuffer s = ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);
        s.putInt(0, 0x40);
        s.put(4, "RDMP".getBytes(StandardCharsets.US_ASCII));
        s.put(8, "DUMP".getBytes(StandardCharsets.US_ASCII));
        s.putLong(0x10, 16L * ranges.length);
        s.putLong(0x18, 0x3000);
        for (int i = 0; i < ranges.length; i++) {
            s.putLong(0x30 + 16 * i, ranges[i][0]);
            s.putLong(0x38 + 16 * i, ranges[i][1]);
        }
        return concat(h.array(), s.array(), pages);
    }

    /** One block: its size in bytes (header included), tag, PoolType field. */
    record Block(int size, String tag, int type) {}

    /**
     * A legacy pool page: blocks tile the page from offset 0, each header's PreviousSize the previous block's size.
     * The last block is stretched to the page's end.
     */
    static byte[] legacyPage(int unit, List<Block> blocks) {
        ByteBuffer p = ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        int prev = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            int size = i == blocks.size() - 1 ? 0x1000 - at : b.size();
            writeHeader(p, unit, at, prev / unit, size / unit, b.type(), b.tag());
            prev = size;
            at += size;
        }
        return p.array();
    }

    static void writeHeader(ByteBuffer p, int unit, int at, int prevUnits, int sizeUnits, int type, String tag) {
        if (unit == 16) {
            p.put(at, (byte) prevUnits);
            p.put(at + 1, (byte) 0);
            p.put(at + 2, (byte) sizeUnits);
            p.put(at + 3, (byte) type);
        } else {
            p.putShort(at, (short) prevUnits);
            p.putShort(at + 2, (short) (sizeUnits | type << 9));
        }
        p.put(at + 4, tag.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] b : parts) {
            n += b.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }
}
