package dev.pooltags.dump;

import java.nio.file.Path;
import java.util.List;

/**
 * A dump read and analysed: the file's contents, the crash explained, the pool blocks found and their per-tag
 * summary. Reading happens here (the dump is mapped only while it is inspected); the analyses it calls are pure.
 *
 * @param dump        what the file says
 * @param crash       the crash explained
 * @param pool        the pool scan
 * @param usage       confirmed allocated blocks per tag and pool
 * @param headerSize  the pool header's size (16 or 8)
 * @param segmentHeap true when the segment-heap rules were used
 */
public record DumpInspection(CrashDump dump, CrashAnalysis.Result crash, PoolScanner.Result pool, List<PoolUsage> usage,
                            int headerSize, boolean segmentHeap) {
    /** Reads and analyses a dump file. */
    public static DumpInspection inspect(Path file) {
        try (DumpFile f = DumpFile.open(file)) {
            return inspect(f);
        }
    }

    /** Reads and analyses a mapped dump. */
    public static DumpInspection inspect(DumpFile f) {
        CrashDump d = DumpReader.read(f);
        CrashAnalysis.Result crash = CrashAnalysis.analyze(d, BugCheckReference.bundled(), stackValues(f, d));
        PoolScanner scanner = PoolScanner.forDump(d);
        PoolScanner.Result pool = scanner.scan(f, d);
        return new DumpInspection(d, crash, pool, pool.usage(), scanner.headerSize(), scanner.segmentHeap());
    }

    /** The pointer-sized values of the captured stack. */
    static long[] stackValues(DumpFile f, CrashDump d) {
        int ps = d.pointerSize();
        long total = 0;
        for (MemoryRegion r : d.regions()) {
            if (r.kind() == MemoryRegion.Kind.STACK) {
                total += r.length() / ps;
            }
        }
        long[] out = new long[(int) Math.min(total, 1 << 20)];
        int n = 0;
        for (MemoryRegion r : d.regions()) {
            if (r.kind() != MemoryRegion.Kind.STACK) {
                continue;
            }
            for (long o = 0; o + ps <= r.length() && n < out.length; o += ps) {
                out[n++] = ps == 8 ? f.u64(r.fileOffset() + o) : f.u32L(r.fileOffset() + o);
            }
        }
        return out;
    }
}
