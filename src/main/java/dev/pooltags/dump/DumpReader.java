package dev.pooltags.dump;

import dev.pooltags.pe.Machine;
import dev.pooltags.source.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a kernel dump's headers, driver lists and the map of the memory it holds. The layouts are the public facts
 * about {@code DUMP_HEADER}/{@code DUMP_HEADER64}, the summary (bitmap) header, the page-range header and
 * {@code TRIAGE_DUMP}, as Microsoft's dump file pages and public dump parsers document them (see docs/dumps.md);
 * every offset and count is checked against the file before it is followed.
 *
 * <p>A file that is not a kernel dump is an {@link InputException} that says what it is (a user-mode minidump names
 * the tools that read it). A kernel dump whose parts are damaged or cut off is read as far as it goes: what could
 * not be read is listed in {@link CrashDump#problems()}, each naming the field. A small (triage) dump's own header
 * and lists are read by {@link TriageDumpReader}.
 */
public final class DumpReader {
    static final int PAGE = 0x1000;
    static final long PAGE_FILL32 = 0x45474150L; // "PAGE": the writer's fill for fields it did not set
    static final long PAGE_FILL64 = 0x4547415045474150L;
    static final int TRIAGE_VALID = 0x44475254; // "TRGD"
    /** Names longer than this are not driver names (the string pool's length field is damaged). */
    static final int MAX_NAME = 1024;
    /** A bitmap dump may describe at most this many pages (2^40 pages is 4 EiB): more is a damaged field. */
    static final long MAX_PAGES = 1L << 40;

    private DumpReader() {}

    /** Reads a dump file. */
    public static CrashDump read(Path file) {
        try (DumpFile f = DumpFile.open(file)) {
            return read(f);
        }
    }

    /** Reads a mapped dump. */
    public static CrashDump read(DumpFile f) {
        return new Parse(f).run();
    }

    /** The file name at the end of a Windows or POSIX path. */
    static String fileName(String path) {
        int i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return i < 0 ? path : path.substring(i + 1);
    }

    /** A layout: where each header field is for 32-bit and 64-bit dumps. */
    private record Layout(int bits, int headerSize, int dtb, int machine, int processors, int bugCheck, int params, int kdbg,
                          int physicalMemory, int context, int exception, int dumpType, int requiredSpace, int systemTime,
                          int upTime, int comment) {
        static final Layout L32 = new Layout(32, 0x1000, 16, 32, 36, 40, 44, 96, 100, 800, 2000, 3976, 4000, 4032, 4024, 2080);
        static final Layout L64 = new Layout(64, 0x2000, 16, 0x30, 0x34, 0x38, 0x40, 0x80, 0x88, 0x348, 0xF00, 0xF98, 0xFA0,
                0xFA8, 0x1030, 0xFB0);

        int ptr() {
            return bits / 8;
        }
    }

    private static final class Parse {
        final DumpFile f;
        Layout l;
        final List<String> problems = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<MemoryRegion> regions = new ArrayList<>();
        final List<Driver> drivers = new ArrayList<>();
        final List<Driver> unloaded = new ArrayList<>();
        final List<CrashDump.PhysicalRun> runs = new ArrayList<>();
        long expectedSize;
        Long contextPc;
        int contextOffset = -1;

        Parse(DumpFile f) {
            this.f = f;
        }

        CrashDump run() {
            signature();
            Machine machine = Machine.of(u32(l.machine, 0));
            int major = u32(8, 0);
            int build = u32(12, 0);
            int processors = u32(l.processors, 0);
            long bugCheck = u32L(l.bugCheck, 0);
            List<Long> params = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                params.add(ptr(l.params + i * (long) l.ptr(), 0));
            }
            long kdbg = ptr(l.kdbg, 0);
            long dtb = ptr(l.dtb, 0);
            long moduleList = ptr(l.dtb + 2L * l.ptr(), 0);
            int dumpType = u32(l.dumpType, -1);
            if (!f.has(l.dumpType, 4)) {
                problems.add(String.format("the file ends at byte %,d, inside the dump header (%,d bytes): DumpType and what follows it are missing",
                        f.size(), l.headerSize));
            }
            DumpKind kind = kindOf(dumpType);
            Instant time = fileTime(l.systemTime);
            Duration up = null;
            long upRaw = u64(l.upTime, 0);
            if (upRaw > 0 && upRaw != PAGE_FILL64) {
                up = Duration.ofNanos(Math.multiplyHigh(upRaw, 100L) == 0 ? upRaw * 100 : Long.MAX_VALUE);
            }
            String comment = comment();
            ExceptionRecord exception = exception(l.exception);
            contextOffset = l.context;
            long required = u64(l.requiredSpace, 0);
            switch (kind) {
                case COMPLETE_RUNS -> completeRuns();
                case KERNEL_SUMMARY, KERNEL_BITMAP, COMPLETE_BITMAP, LIVE_BITMAP -> bitmap(kind);
                case KERNEL_RANGES, KERNEL_USER_RANGES, COMPLETE_RANGES -> ranges(kind);
                case SMALL -> triage();
                case HEADER_ONLY -> expectedSize = l.headerSize;
                case UNKNOWN -> {
                    if (dumpType != -1) {
                        notes.add(String.format("DumpType %d is not a type pooltags knows: only the header was read", dumpType));
                    }
                }
            }
            if (expectedSize == 0 && required > 0 && required != PAGE_FILL64 && kind != DumpKind.SMALL) {
                expectedSize = required;
            }
            readContextPc(machine);
            if (kind.physical() && machine == Machine.X64 && !regions.isEmpty() && !unset(dtb) && !unset(moduleList)) {
                ModuleListWalk.Walk w = ModuleListWalk.walk(f, new PhysicalMemory(f, regions), dtb, moduleList);
                drivers.addAll(w.drivers());
                if (w.stoppedBecause() != null) {
                    notes.add(w.stoppedBecause());
                }
            }
            if (expectedSize > f.size()) {
                problems.add(0, String.format("the file is cut short: it ends at byte %,d but its headers describe %,d bytes (%s); what lies before the cut was read",
                        f.size(), expectedSize, percent(f.size(), expectedSize)));
            }
            return new CrashDump(f.name(), f.size(), l.bits, machine, major, build, processors, bugCheck, params, dumpType, kind,
                    time, up, comment, exception, contextPc, kdbg, dtb, moduleList, runs, drivers, unloaded, regions, expectedSize, problems, notes);
        }

        static String percent(long have, long want) {
            double p = 100.0 * have / want;
            return p < 0.01 ? "less than 0.01% of it" : String.format("%.2f%% of it", p);
        }

        void signature() {
            if (f.size() < 8) {
                byte[] b = f.bytes(0, (int) f.size());
                if (startsWith(b, "MDMP")) {
                    throw userMode();
                }
                throw new InputException(f.name(), 0, String.format("is %d bytes long: too short to be a dump (a kernel dump starts with PAGEDUMP or PAGEDU64)", f.size()));
            }
            byte[] head = f.bytes(0, 8);
            String s = new String(head, StandardCharsets.ISO_8859_1);
            if (s.equals("PAGEDU64")) {
                l = Layout.L64;
            } else if (s.equals("PAGEDUMP")) {
                l = Layout.L32;
            } else if (s.startsWith("MDMP")) {
                throw userMode();
            } else if (s.startsWith("PAGE")) {
                throw new InputException(f.name(), 0, "starts with PAGE but not PAGEDUMP or PAGEDU64 ('" + printable(head) + "'): not a kernel dump header pooltags knows");
            } else if (s.equalsIgnoreCase("HIBR") || s.startsWith("hibr") || s.startsWith("HIBR") || s.startsWith("wake") || s.startsWith("RSTR")) {
                throw new InputException(f.name(), 0, "is a hibernation file (hiberfil.sys), not a crash dump: memory forensics tools such as Volatility read it");
            } else if (s.startsWith("\u007FELF")) {
                throw new InputException(f.name(), 0, "is an ELF file (a Linux core dump?), not a Windows kernel dump");
            } else {
                throw new InputException(f.name(), 0, "is not a Windows kernel dump: it starts with '" + printable(head)
                        + "' (a kernel dump starts with PAGEDUMP or PAGEDU64, a user-mode minidump with MDMP)");
            }
            if (f.size() < l.headerSize) {
                problems.add(String.format("the file ends at byte %,d, inside the %d-bit dump header (%,d bytes)", f.size(), l.bits, l.headerSize));
            }
        }

        InputException userMode() {
            return new InputException(f.name(), 0, "is a user-mode minidump (MDMP signature), not a kernel dump: it holds one process, not the "
                    + "kernel pool. Open it with WinDbg (windbg -z FILE) or Visual Studio; pooltags reads kernel dumps (PAGEDUMP, PAGEDU64)");
        }

        static boolean startsWith(byte[] b, String s) {
            if (b.length < s.length()) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                if (b[i] != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        static String printable(byte[] b) {
            StringBuilder sb = new StringBuilder();
            for (byte x : b) {
                int c = x & 0xFF;
                sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
            }
            return sb.toString();
        }

        DumpKind kindOf(int type) {
            return switch (type) {
                case 1 -> DumpKind.COMPLETE_RUNS;
                case 2 -> DumpKind.KERNEL_SUMMARY;
                case 3 -> DumpKind.HEADER_ONLY;
                case 4 -> DumpKind.SMALL;
                case 5 -> bitmapSignatureIsFull() ? DumpKind.COMPLETE_BITMAP : DumpKind.KERNEL_BITMAP;
                case 6 -> DumpKind.LIVE_BITMAP;
                case 8 -> DumpKind.KERNEL_RANGES;
                case 9 -> DumpKind.KERNEL_USER_RANGES;
                case 10 -> DumpKind.COMPLETE_RANGES;
                default -> DumpKind.UNKNOWN;
            };
        }

        boolean bitmapSignatureIsFull() {
            return f.has(l.headerSize, 4) && f.u32(l.headerSize) == 0x504D4446; // "FDMP"
        }

        int u32(long off, int dflt) {
            return f.has(off, 4) ? f.u32(off) : dflt;
        }

        long u32L(long off, long dflt) {
            return f.has(off, 4) ? f.u32L(off) : dflt;
        }

        long u64(long off, long dflt) {
            return f.has(off, 8) ? f.u64(off) : dflt;
        }

        long ptr(long off, long dflt) {
            return f.ptr(off, l.bits, dflt);
        }

        boolean unset(long v) {
            return l.bits == 64 ? v == PAGE_FILL64 : v == PAGE_FILL32;
        }

        Instant fileTime(long off) {
            long v = u64(off, 0);
            if (v <= 0 || v == PAGE_FILL64) {
                return null;
            }
            // FILETIME: 100 ns since 1601-01-01
            long seconds = v / 10_000_000L - 11_644_473_600L;
            long nanos = (v % 10_000_000L) * 100;
            return Instant.ofEpochSecond(seconds, nanos);
        }

        String comment() {
            if (!f.has(l.comment, 128)) {
                return "";
            }
            byte[] b = f.bytes(l.comment, 128);
            if (startsWith(b, "PAGEPAGE")) {
                return "";
            }
            int n = 0;
            while (n < b.length && b[n] != 0) {
                n++;
            }
            return printable(java.util.Arrays.copyOf(b, n)).strip();
        }

        ExceptionRecord exception(long off) {
            int ps = l.ptr();
            int size = 4 + 4 + ps + ps + 4 + (ps == 8 ? 4 : 0) + 15 * ps;
            if (!f.has(off, size)) {
                return null;
            }
            long code = f.u32L(off);
            if (code == PAGE_FILL32) {
                return null;
            }
            long flags = f.u32L(off + 4);
            long address = ptr(off + 8 + ps, 0);
            long n = f.u32L(off + 8 + 2L * ps);
            long info = off + 8 + 2L * ps + (ps == 8 ? 8 : 4);
            List<Long> params = new ArrayList<>();
            if (n <= 15) {
                for (int i = 0; i < n; i++) {
                    params.add(ptr(info + (long) i * ps, 0));
                }
            }
            return new ExceptionRecord(code, flags, address, params);
        }

        void readContextPc(Machine m) {
            int pcOffset = switch (m) {
                case X64 -> 0xF8;
                case ARM64 -> 0x108;
                case X86 -> 0xB8;
                default -> -1;
            };
            if (pcOffset < 0 || contextOffset < 0) {
                return;
            }
            long off = contextOffset + (long) pcOffset;
            long v = m == Machine.X86 ? u32L(off, PAGE_FILL32) : u64(off, PAGE_FILL64);
            if (!unset(v) && v != PAGE_FILL64 && v != 0) {
                contextPc = v;
            }
        }

        // ---- complete memory dump: physical memory runs in the header, pages right after it

        void completeRuns() {
            long desc = l.physicalMemory;
            if (!f.has(desc, 8)) {
                return;
            }
            long numberOfRuns = f.u32L(desc);
            if (numberOfRuns == PAGE_FILL32) {
                problems.add("PhysicalMemoryBlock is unset (PAGE fill): the physical memory runs are unknown, no pages were read");
                return;
            }
            int runSize = l.bits == 64 ? 16 : 8;
            long first = desc + (l.bits == 64 ? 16 : 8);
            long roomy = (700 - (first - desc)) / runSize;
            if (numberOfRuns > roomy) {
                problems.add(String.format("PhysicalMemoryBlock.NumberOfRuns at 0x%X is %,d: the header has room for %d runs; no pages were read",
                        desc, numberOfRuns, roomy));
                return;
            }
            long declaredPages = l.bits == 64 ? u64(desc + 8, 0) : u32L(desc + 4, 0);
            long fileOffset = l.headerSize;
            long total = 0;
            for (int i = 0; i < numberOfRuns; i++) {
                long r = first + (long) i * runSize;
                long base = l.bits == 64 ? f.u64(r) : f.u32L(r);
                long count = l.bits == 64 ? f.u64(r + 8) : f.u32L(r + 4);
                if (count < 0 || count > MAX_PAGES || base < 0 || base > MAX_PAGES) {
                    problems.add(String.format("PhysicalMemoryBlock.Run[%d] at 0x%X (base page 0x%X, %,d pages) is out of range; the runs after it were not read",
                            i, r, base, count));
                    break;
                }
                runs.add(new CrashDump.PhysicalRun(base, count));
                addPhysical(base * PAGE, fileOffset, count * PAGE);
                fileOffset += count * PAGE;
                total += count;
            }
            if (declaredPages != total && !unset(declaredPages)) {
                notes.add(String.format("PhysicalMemoryBlock.NumberOfPages is %,d but the runs add up to %,d pages", declaredPages, total));
            }
            expectedSize = fileOffset;
        }

        /** Adds the part of a physical range that the file holds. */
        void addPhysical(long address, long fileOffset, long length) {
            if (fileOffset >= f.size() || length <= 0) {
                return;
            }
            long have = Math.min(length, f.size() - fileOffset);
            have -= have % PAGE;
            if (have <= 0) {
                return;
            }
            int n = regions.size();
            if (n > 0) {
                MemoryRegion last = regions.get(n - 1);
                if (last.kind() == MemoryRegion.Kind.PHYSICAL && last.address() + last.length() == address
                        && last.fileOffset() + last.length() == fileOffset) {
                    regions.set(n - 1, new MemoryRegion(MemoryRegion.Kind.PHYSICAL, last.address(), last.fileOffset(), last.length() + have));
                    return;
                }
            }
            regions.add(new MemoryRegion(MemoryRegion.Kind.PHYSICAL, address, fileOffset, have));
        }

        // ---- bitmap dumps: 'SDMP'/'FDMP' header after the dump header, a bit per physical page

        void bitmap(DumpKind kind) {
            long h = l.headerSize;
            if (!f.has(h, 0x38)) {
                problems.add(String.format("the bitmap header at 0x%X lies beyond the end of the file (%,d bytes): no pages were read", h, f.size()));
                return;
            }
            int sig = f.u32(h);
            if (sig != 0x504D4453 && sig != 0x504D4446) { // SDMP, FDMP
                problems.add(String.format("the bitmap header at 0x%X starts with '%s', not SDMP or FDMP: no pages were read", h, printable(f.bytes(h, 4))));
                return;
            }
            long firstPage = f.u64(h + 0x20);
            long present = f.u64(h + 0x28);
            long bits = f.u64(h + 0x30);
            long bitmap = h + 0x38;
            if (bits < 0 || bits > MAX_PAGES) {
                problems.add(String.format("the bitmap header's page count at 0x%X is %,d, beyond any machine's memory: no pages were read", h + 0x30, bits));
                return;
            }
            long bitmapBytes = (bits + 7) / 8;
            if (firstPage < bitmap + bitmapBytes || firstPage % PAGE != 0) {
                problems.add(String.format("the bitmap header's first-page offset at 0x%X is 0x%X: it must be page-aligned and follow the %,d-byte bitmap; no pages were read",
                        h + 0x20, firstPage, bitmapBytes));
                return;
            }
            if (!f.has(bitmap, bitmapBytes)) {
                problems.add(String.format("the bitmap (%,d bytes at 0x%X) runs past the end of the file: no pages were read", bitmapBytes, bitmap));
                expectedSize = firstPage + Math.max(0, present) * PAGE;
                return;
            }
            long fileOffset = firstPage;
            long set = 0;
            long runStart = -1;
            for (long i = 0; i < bits; i += 8) {
                int b = f.u8(bitmap + i / 8);
                if (b == 0 && runStart < 0) {
                    continue;
                }
                for (int k = 0; k < 8 && i + k < bits; k++) {
                    long pfn = i + k;
                    if ((b >> k & 1) != 0) {
                        if (runStart < 0) {
                            runStart = pfn;
                        }
                        set++;
                    } else if (runStart >= 0) {
                        long count = pfn - runStart;
                        addPhysical(runStart * PAGE, fileOffset, count * PAGE);
                        fileOffset += count * PAGE;
                        runStart = -1;
                    }
                }
            }
            if (runStart >= 0) {
                long count = bits - runStart;
                addPhysical(runStart * PAGE, fileOffset, count * PAGE);
                fileOffset += count * PAGE;
            }
            if (set != present) {
                notes.add(String.format("the bitmap header says %,d pages are present but %,d bits are set", present, set));
            }
            expectedSize = fileOffset;
        }

        // ---- page-range dumps ('RDMP', .dump /k, /ka, /f)

        void ranges(DumpKind kind) {
            long h = l.headerSize;
            if (!f.has(h, 0x30)) {
                problems.add(String.format("the page-range header at 0x%X lies beyond the end of the file (%,d bytes): no pages were read", h, f.size()));
                return;
            }
            if (f.u32(h + 4) != 0x504D4452) { // RDMP
                problems.add(String.format("the page-range header at 0x%X has '%s' where RDMP belongs: no pages were read", h + 4, printable(f.bytes(h + 4, 4))));
                return;
            }
            long metadata = f.u64(h + 0x10);
            long firstPage = f.u64(h + 0x18);
            long total = kind == DumpKind.COMPLETE_RANGES ? f.u64(h + 0x28) : -1;
            long table = h + 0x30;
            if (metadata < 0 || metadata % 16 != 0 || !f.has(table, metadata) || firstPage < table + metadata || firstPage % PAGE != 0) {
                problems.add(String.format("the page-range header's MetadataSize (0x%X at 0x%X) or FirstPageOffset (0x%X at 0x%X) is out of range: no pages were read",
                        metadata, h + 0x10, firstPage, h + 0x18));
                return;
            }
            long fileOffset = firstPage;
            long pages = 0;
            for (long e = table; e < table + metadata; e += 16) {
                if (total >= 0 && pages >= total) {
                    break;
                }
                long pfn = f.u64(e);
                long count = f.u64(e + 8);
                if (pfn == 0 && count == 0) {
                    break;
                }
                if (pfn < 0 || pfn > MAX_PAGES || count < 0 || count > MAX_PAGES) {
                    problems.add(String.format("page range at 0x%X (page 0x%X, %,d pages) is out of range; the ranges after it were not read", e, pfn, count));
                    break;
                }
                addPhysical(pfn * PAGE, fileOffset, count * PAGE);
                fileOffset += count * PAGE;
                pages += count;
            }
            expectedSize = fileOffset;
        }

        void triage() {
            TriageDumpReader triage = new TriageDumpReader(f, l.bits);
            TriageDumpReader.Header h = triage.read(l.headerSize);
            problems.addAll(triage.problems);
            notes.addAll(triage.notes);
            regions.addAll(triage.regions);
            drivers.addAll(triage.drivers);
            unloaded.addAll(triage.unloaded);
            if (h != null) {
                contextOffset = h.contextOffset();
                expectedSize = h.sizeOfDump();
            }
        }
    }
}
