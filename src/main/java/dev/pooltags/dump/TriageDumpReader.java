package dev.pooltags.dump;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a small (triage) dump: the {@code TRIAGE_DUMP} header after the dump header, the stack and data page it
 * holds, the loaded and unloaded driver lists and the data blocks. Every offset and count is checked against the file
 * before it is followed; what cannot be read is added to the problems, naming the field.
 */
final class TriageDumpReader {
    /** What the dump reader keeps from the triage header: where the saved context is, and the size of the dump. */
    record Header(int contextOffset, long sizeOfDump) {
    }

    private final DumpFile f;
    private final int bits;
    // what the header and the lists it points to gave, in the order found; the dump reader adds them to its own
    final List<String> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<MemoryRegion> regions = new ArrayList<>();
    final List<Driver> drivers = new ArrayList<>();
    final List<Driver> unloaded = new ArrayList<>();

    TriageDumpReader(DumpFile f, int bits) {
        this.f = f;
        this.bits = bits;
    }

    /**
     * Reads the triage header at {@code t} and what it points to; null when the header lies beyond the end of the
     * file (a problem says so).
     */
    Header read(long t) {
        boolean b64 = bits == 64;
        int fieldsEnd = b64 ? 128 : 104;
        if (!f.has(t, fieldsEnd)) {
            problems.add(String.format("the triage header at 0x%X lies beyond the end of the file (%,d bytes): drivers and memory were not read", t, f.size()));
            return null;
        }
        long sizeOfDump = f.u32L(t + 4);
        long validOffset = f.u32L(t + 8);
        int contextOffset = f.u32(t + 12);
        long unloadedOffset = f.u32L(t + 24);
        long callStackOffset = f.u32L(t + 40);
        long sizeOfCallStack = f.u32L(t + 44);
        long driverListOffset = f.u32L(t + 48);
        long driverCount = f.u32L(t + 52);
        long stringPoolOffset = f.u32L(t + 56);
        long stringPoolSize = f.u32L(t + 60);
        long topOfStack = b64 ? f.u64(t + 72) : f.u32L(t + 72);
        long dataPageAddress = b64 ? f.u64(t + 96) : f.u32L(t + 76);
        long dataPageOffset = f.u32L(t + (b64 ? 104 : 80));
        long dataPageSize = f.u32L(t + (b64 ? 108 : 84));
        long dataBlocksOffset = f.u32L(t + (b64 ? 120 : 96));
        long dataBlocksCount = f.u32L(t + (b64 ? 124 : 100));
        if (validOffset > 0 && f.has(validOffset, 4) && f.u32(validOffset) != DumpReader.TRIAGE_VALID) {
            notes.add(String.format("the triage dump's validity mark (TRGD at ValidOffset 0x%X) is missing: the dump may not have been written completely", validOffset));
        }
        // the stack
        if (sizeOfCallStack > 0 && callStackOffset > 0) {
            if (f.has(callStackOffset, sizeOfCallStack)) {
                regions.add(new MemoryRegion(MemoryRegion.Kind.STACK, topOfStack, callStackOffset, sizeOfCallStack));
            } else {
                problems.add(outOfRange("TRIAGE_DUMP.CallStackOffset/SizeOfCallStack", t + 40, callStackOffset, sizeOfCallStack, "the stack was not read"));
            }
        }
        if (dataPageSize > 0 && dataPageOffset > 0) {
            if (f.has(dataPageOffset, dataPageSize)) {
                regions.add(new MemoryRegion(MemoryRegion.Kind.DATA_PAGE, dataPageAddress, dataPageOffset, dataPageSize));
            } else {
                problems.add(outOfRange("TRIAGE_DUMP.DataPageOffset/DataPageSize", t + (b64 ? 104 : 80), dataPageOffset, dataPageSize, "the data page was not read"));
            }
        }
        driverList(t, driverListOffset, driverCount, stringPoolOffset, stringPoolSize);
        unloadedDrivers(t, unloadedOffset);
        dataBlocks(t, dataBlocksOffset, dataBlocksCount);
        return new Header(contextOffset, sizeOfDump);
    }

    private String outOfRange(String field, long fieldAt, long offset, long length, String consequence) {
        return String.format("%s (field at 0x%X) names %,d bytes at 0x%X, beyond the end of the file (%,d bytes): %s",
                field, fieldAt, length, offset, f.size(), consequence);
    }

    private void driverList(long t, long listOffset, long count, long poolOffset, long poolSize) {
        if (count == 0) {
            return;
        }
        int defaultStride = bits == 64 ? 0x90 : 0x4C;
        int stride = defaultStride;
        if (poolOffset > listOffset && (poolOffset - listOffset) % count == 0) {
            long s = (poolOffset - listOffset) / count;
            if (s >= (bits == 64 ? 0x90 : 0x4C) && s <= 0x400) {
                stride = (int) s;
            }
        }
        if (count > f.size() / stride || !f.has(listOffset, count * stride)) {
            problems.add(String.format("TRIAGE_DUMP.DriverCount (field at 0x%X) is %,d: %,d-byte entries from DriverListOffset 0x%X run past the end of the file (%,d bytes); the drivers that fit were read",
                    t + 52, count, stride, listOffset, f.size()));
            count = Math.max(0, (f.size() - listOffset) / stride);
        }
        int ldr = bits == 64 ? 8 : 4;
        int baseAt = bits == 64 ? 0x30 : 24;
        int sizeAt = bits == 64 ? 0x40 : 32;
        int timeAt = bits == 64 ? 0x80 : 68;
        int bad = 0;
        for (long i = 0; i < count; i++) {
            long e = listOffset + i * stride;
            long nameOffset = f.u32L(e);
            long base = f.ptr(e + ldr + baseAt, bits, 0);
            long size = f.u32L(e + ldr + sizeAt);
            long time = f.has(e + ldr + timeAt, 4) ? f.u32L(e + ldr + timeAt) : 0;
            String path = dumpString(nameOffset);
            if (path == null) {
                bad++;
                path = String.format("<name at 0x%X unreadable>", nameOffset);
            }
            drivers.add(new Driver(DumpReader.fileName(path), path, base, size, time, false));
        }
        if (bad > 0) {
            problems.add(String.format("%d of %d driver names (string pool at 0x%X, %,d bytes) could not be read: their offsets or lengths are out of range",
                    bad, count, poolOffset, poolSize));
        }
    }

    /** A DUMP_STRING: a ULONG count of UTF-16 characters, then the characters. */
    private String dumpString(long off) {
        if (!f.has(off, 4)) {
            return null;
        }
        long n = f.u32L(off);
        if (n > DumpReader.MAX_NAME || !f.has(off + 4, n * 2)) {
            return null;
        }
        return new String(f.bytes(off + 4, (int) n * 2), StandardCharsets.UTF_16LE);
    }

    private void unloadedDrivers(long t, long off) {
        if (off == 0 || !f.has(off, 4)) {
            if (off != 0) {
                problems.add(outOfRange("TRIAGE_DUMP.UnloadedDriversOffset", t + 24, off, 4, "the unloaded drivers were not read"));
            }
            return;
        }
        long count = f.u32L(off);
        int size = bits == 64 ? 56 : 40;
        long first = off + (bits == 64 ? 8 : 4);
        if (count > 4096 || !f.has(first, count * size)) {
            problems.add(String.format("the unloaded driver count at 0x%X is %,d: its entries run past the end of the file or are implausibly many; they were not read",
                    off, count));
            return;
        }
        int nameAt = bits == 64 ? 16 : 8;
        int startAt = bits == 64 ? 40 : 32;
        for (long i = 0; i < count; i++) {
            long e = first + i * size;
            int len = Math.min(f.u16(e), 24) / 2;
            String name = new String(f.bytes(e + nameAt, len * 2), StandardCharsets.UTF_16LE);
            int nul = name.indexOf('\0');
            if (nul >= 0) {
                name = name.substring(0, nul);
            }
            long start = f.ptr(e + startAt, bits, 0);
            long endAddr = f.ptr(e + startAt + (bits / 8), bits, 0);
            long size2 = Long.compareUnsigned(endAddr, start) > 0 ? endAddr - start : 0;
            unloaded.add(new Driver(name, name, start, size2, 0, true));
        }
    }

    private void dataBlocks(long t, long off, long count) {
        if (count == 0) {
            return;
        }
        int entry = bits == 64 ? 16 : 12;
        if (count > f.size() / entry || !f.has(off, count * entry)) {
            problems.add(String.format("TRIAGE_DUMP.DataBlocksCount (field at 0x%X) is %,d: the %,d-byte entries from DataBlocksOffset 0x%X run past the end of the file (%,d bytes); the entries that fit were read",
                    t + (bits == 64 ? 124 : 100), count, entry, off, f.size()));
            count = off >= f.size() ? 0 : (f.size() - off) / entry;
        }
        int outside = 0;
        long total = 0;
        for (long i = 0; i < count; i++) {
            long e = off + i * entry;
            long va = bits == 64 ? f.u64(e) : f.u32L(e);
            long o = f.u32L(e + entry - 8);
            long n = f.u32L(e + entry - 4);
            if (n == 0) {
                continue;
            }
            if (!f.has(o, n)) {
                outside++;
                continue;
            }
            total += n;
            if (total > f.size()) {
                // each captured byte is in the file once: blocks that add up to more than the file are damaged entries
                problems.add(String.format("the data blocks (table at 0x%X) add up to more bytes than the file holds from entry %,d on: the rest were not read",
                        off, i));
                break;
            }
            regions.add(new MemoryRegion(MemoryRegion.Kind.DATA_BLOCK, va, o, n));
        }
        if (outside > 0) {
            problems.add(String.format("%,d of %,d data blocks (table at 0x%X) lie beyond the end of the file (%,d bytes): they were not read",
                    outside, count, off, f.size()));
        }
    }
}
