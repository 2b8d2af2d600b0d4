package dev.pooltags.bench;

import dev.pooltags.cli.Main;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Runs {@code pooltags trace FILE} (report discarded) and prints its exit status and the peak heap the JVM used: the
 * child process of {@code pooltags bench trace}, started with {@code -Xmx256m}.
 */
public final class TraceReplayChild {
    private TraceReplayChild() {}

    public static void main(String[] args) {
        long s = System.nanoTime();
        int exit = Main.run(new String[] {"trace", args[0], "--gate", "none"}, new PrintWriter(Writer.nullWriter()),
                new PrintWriter(System.out, true));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("pooltags trace exit %d in %.1f s; peak heap %,d MB of %,d MB allowed%n", exit, (System.nanoTime() - s) / 1e9,
                peak >> 20, max >> 20);
        System.exit(exit);
    }
}
