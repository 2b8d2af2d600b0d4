package dev.pooltags.bench;

import dev.pooltags.lint.LintResult;
import dev.pooltags.lint.Linter;
import dev.pooltags.project.ProjectLayout;
import dev.pooltags.lint.Rule;
import dev.pooltags.report.LintReport;
import dev.pooltags.tagdb.TagDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@code pooltags bench lint}, started with the JVM options {@code ./pooltags lint} runs with:
 * lints the paths listed in a file as the command does (JSON rendered to nowhere), {@code rounds} times, and prints
 * one line: {@code files lines findings wallNanos cpuNanos peakRssBytes peakHeapBytes} of the fastest round, the peak
 * resident set being the kernel's VmHWM (-1 where there is no /proc).
 */
public final class LintChild {
    private LintChild() {}

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        List<Path> inputs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.isBlank()) {
                inputs.add(Path.of(line));
            }
        }
        long bestWall = Long.MAX_VALUE;
        long bestCpu = 0;
        LintResult last = null;
        for (int i = 0; i < rounds; i++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            last = new Linter(Rule.all(), new Linter.Options(false, Linter.Options.DEFAULT_MAX))
                    .run(ProjectLayout.discover(inputs), TagDatabase.empty(), ProjectLayout::read);
            LintReport.json(new PrintWriter(Writer.nullWriter()), last);
            long wall = System.nanoTime() - t0;
            if (wall < bestWall) {
                bestWall = wall;
                bestCpu = cpu() - c0;
            }
        }
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(last.files() + " " + last.lines() + " " + last.active().size() + " " + bestWall + " " + bestCpu
                + " " + peakRss() + " " + heap);
    }

    private static long cpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The process's peak resident set in bytes (Linux VmHWM), or -1. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
