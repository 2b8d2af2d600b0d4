package dev.pooltags.bench;

import dev.pooltags.pool.PoolEvent;
import dev.pooltags.report.TraceReport;
import dev.pooltags.trace.TraceAnalysis;
import dev.pooltags.trace.TraceFiles;
import dev.pooltags.trace.TraceReader;
import dev.pooltags.trace.TraceReplay;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@code pooltags bench trace}, started with {@code -Xmx256m}: replays a trace and renders the
 * report as {@code pooltags trace} does, and prints the peak heap and the live heap after a full collection taken at
 * the last event, while the model still holds every outstanding allocation.
 */
public final class TraceReplayChild {
    private TraceReplayChild() {}

    public static void main(String[] args) {
        long s = System.nanoTime();
        long[] liveAtEnd = {-1};
        Path file = Path.of(args[0]);
        TraceAnalysis a = TraceReplay.run(file.toString(), sink -> {
            TraceReader r = TraceFiles.open(file, sink);
            return new TraceReader() {
                public PoolEvent next() {
                    PoolEvent e = r.next();
                    if (e == null) {
                        System.gc();
                        liveAtEnd[0] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    }
                    return e;
                }

                public String format() {
                    return r.format();
                }

                public Map<String, String> info() {
                    return r.info();
                }

                public Map<String, Long> skipped() {
                    return r.skipped();
                }

                public void close() {
                    r.close();
                }
            };
        }, TraceReplay.Options.defaults());
        TraceReport.text(new PrintWriter(Writer.nullWriter()), List.of(a));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("replayed %,d events in %.1f s with %,d allocations outstanding at the end; live heap after a full GC at the "
                + "last event %,d MB, peak heap %,d MB (garbage included) of %,d MB allowed%n", a.counts().events(), (System.nanoTime() - s) / 1e9,
                a.outstandingCount(), liveAtEnd[0] >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
}
