package dev.pooltags.dump;

import dev.pooltags.pe.Machine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a kernel dump file says, read without symbols.
 *
 * @param file          the file's name
 * @param fileSize      its size in bytes
 * @param bits          32 ({@code PAGEDUMP}) or 64 ({@code PAGEDU64})
 * @param machine       the processor architecture
 * @param majorVersion  0xF for a free (retail) build, 0xC for a checked build
 * @param build         the Windows build number (the header's MinorVersion)
 * @param processors    how many processors, or 0 when unset
 * @param bugCheck      the bug check code
 * @param parameters    its four parameters
 * @param dumpType      the header's DumpType
 * @param kind          what the dump holds
 * @param systemTime    when it was written, or null when unset
 * @param upTime        how long the system had run, or null when unset
 * @param comment       the header's comment ("" when unset)
 * @param exception     the header's exception record, or null when unset
 * @param contextPc     the program counter of the context record, or null when unset
 * @param kdDebuggerDataBlock the address of the KDDEBUGGER_DATA block
 * @param directoryTableBase the kernel's page table root (CR3) at the crash
 * @param psLoadedModuleList the address of the kernel's loaded module list head
 * @param runs          the physical memory runs (complete dumps with runs), else empty
 * @param drivers       the loaded drivers, in list order (the triage list of a small dump; the kernel's module list,
 *                      walked through the page tables, of an x64 complete or kernel dump)
 * @param unloaded      the drivers unloaded before the crash (small dumps)
 * @param regions       the memory the file holds, in file order
 * @param expectedSize  the size the headers say the file has, or 0 when they do not say
 * @param problems      what could not be read and why: fields out of range, a cut-short file (empty when all is well)
 * @param notes         facts worth knowing that are not problems (unset fields, counts that disagree)
 */
public record CrashDump(String file, long fileSize, int bits, Machine machine, int majorVersion, int build, int processors,
                        long bugCheck, List<Long> parameters, int dumpType, DumpKind kind, Instant systemTime, Duration upTime,
                        String comment, ExceptionRecord exception, Long contextPc, long kdDebuggerDataBlock,
                        long directoryTableBase, long psLoadedModuleList,
                        List<PhysicalRun> runs, List<Driver> drivers, List<Driver> unloaded, List<MemoryRegion> regions,
                        long expectedSize, List<String> problems, List<String> notes) {
    public CrashDump {
        parameters = List.copyOf(parameters);
        runs = List.copyOf(runs);
        drivers = List.copyOf(drivers);
        unloaded = List.copyOf(unloaded);
        regions = List.copyOf(regions);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /**
     * A run of physical pages.
     *
     * @param basePage  the first page frame number
     * @param pageCount how many pages
     */
    public record PhysicalRun(long basePage, long pageCount) {}

    /** The parameters as an array. */
    public long[] parameterArray() {
        long[] p = new long[4];
        for (int i = 0; i < 4 && i < parameters.size(); i++) {
            p[i] = parameters.get(i);
        }
        return p;
    }

    /** True when the file is shorter than its headers say. */
    public boolean truncated() {
        return expectedSize > 0 && fileSize < expectedSize;
    }

    /** A pointer's width in bytes. */
    public int pointerSize() {
        return bits / 8;
    }

    /** The driver (loaded first, then unloaded) whose image holds {@code address}, or null. */
    public Driver driverAt(long address) {
        for (List<Driver> list : List.of(drivers, unloaded)) {
            for (Driver d : list) {
                if (d.contains(address)) {
                    return d;
                }
            }
        }
        return null;
    }

    /** Bytes of memory the file holds. */
    public long capturedBytes() {
        long n = 0;
        for (MemoryRegion r : regions) {
            n += r.length();
        }
        return n;
    }
}
