package dev.pooltags.bench;

import dev.pooltags.leak.LeakAnalysis;
import dev.pooltags.leak.LiveLeaks;
import dev.pooltags.snapshot.SnapshotDelta;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.LeakResult;
import dev.pooltags.leak.SeriesTable;
import dev.pooltags.leak.Verdict;
import dev.pooltags.leak.eval.SyntheticRecording;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotInputs;
import dev.pooltags.snapshot.SnapshotJsonLines;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures leak analysis against reading the recording it runs on: a synthetic machine (mostly healthy tags, a
 * few of every leak and cache kind) is written as pooltags JSON Lines to a temporary folder, then, in the same
 * run, reading it back (the baseline) and analysing it are timed. The target: analysis within 2x the read.
 */
public final class LeakBenchmark {
    /**
     * The figures.
     *
     * @param tags         tags in the recording
     * @param samples      samples
     * @param fileBytes    size of the recording
     * @param readNanos    median time to read it (SnapshotInputs.readSeries)
     * @param analyseNanos median time to analyse the snapshots read (columns and every tag's verdict)
     * @param leaks        tags judged "leak"
     * @param likely       tags judged "likely leak"
     */
    public record Result(int tags, int samples, long fileBytes, long readNanos, long analyseNanos, int leaks, int likely) {
        public double ratio() {
            return (double) analyseNanos / readNanos;
        }
    }

    private LeakBenchmark() {}

    /**
     * The live analysis of {@code top} and {@code serve}, as it runs: {@code tags} tags sampled every second, fed to
     * {@link LiveLeaks} (a full window of 600 samples first, then {@code seconds} samples measured). The baseline,
     * in the same run, is what every view does with every sample anyway: the change against the previous sample
     * ({@link SnapshotDelta}).
     *
     * @param tags          tags
     * @param seconds       samples measured (one per second of the recording)
     * @param analyseCpu    CPU time of the live analysis over them
     * @param baselineCpu   CPU time of the deltas over them
     * @param checkpoints   checkpoints taken (analyses run)
     */
    public record Live(int tags, int seconds, long analyseCpu, long baselineCpu, int checkpoints) {
        /** Share of one core the analysis takes while samples arrive every second. */
        public double corePercent() {
            return 100.0 * analyseCpu / (seconds * 1e9);
        }
    }

    public static Live live(int tags, int seconds, long seed) {
        int window = 600;
        List<Snapshot> series = SyntheticRecording.generate(tags, window + seconds, 1, seed, SyntheticRecording.Mix.machine());
        LiveLeaks live = LiveLeaks.defaults();
        for (int i = 0; i < window; i++) {
            live.observe(series.get(i));
        }
        // process CPU: the analysis splits large passes across the common pool's threads
        com.sun.management.OperatingSystemMXBean cpu =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = cpu.getProcessCpuTime();
        int checkpoints = 0;
        for (int i = window; i < window + seconds; i++) {
            checkpoints += live.observe(series.get(i)) ? 1 : 0;
        }
        long analyse = cpu.getProcessCpuTime() - c0;
        long b0 = cpu.getProcessCpuTime();
        long rows = 0;
        for (int i = window; i < window + seconds; i++) {
            rows += SnapshotDelta.between(series.get(i - 1), series.get(i)).size();
        }
        long baseline = Math.max(1, cpu.getProcessCpuTime() - b0 + (rows < 0 ? 1 : 0));
        return new Live(tags, seconds, analyse, baseline, checkpoints);
    }

    public static Result run(int tags, int samples, int rounds, long seed, Path dir) {
        List<Snapshot> series = SyntheticRecording.generate(tags, samples, 10, seed, SyntheticRecording.Mix.machine());
        Path file = dir.resolve("machine.jsonl");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            for (Snapshot s : series) {
                SnapshotJsonLines.write(w, s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        series = null; // measure on what is read back, not on the generator's objects
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> in = List.of(dir);
        long read = Stopwatch.medianNanos(1, rounds, () -> SnapshotInputs.readSeries(in).size());
        List<Snapshot> loaded = SnapshotInputs.readSeries(in);
        // what pooltags leaks does: the state after these samples (the verdicts at the last checkpoints, settled)
        long analyse = Stopwatch.medianNanos(1, rounds, () -> LeakAnalysis.state(loaded, Integer.MAX_VALUE,
                LeakAnalysis.EVERY, LeakOptions.DEFAULTS, List.of()).ranked().size());
        LeakResult r = LeakAnalysis.state(loaded, Integer.MAX_VALUE, LeakAnalysis.EVERY, LeakOptions.DEFAULTS, List.of());
        return new Result(r.ranked().size(), loaded.size(), size, read, analyse, r.counts().get(Verdict.LEAK),
                r.counts().get(Verdict.LIKELY_LEAK));
    }
}
