package dev.pooltags.bench;

import dev.pooltags.leak.LeakAnalysis;
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
        long analyse = Stopwatch.medianNanos(1, rounds,
                () -> LeakAnalysis.analyze(SeriesTable.of(loaded), LeakOptions.DEFAULTS, List.of()).ranked().size());
        LeakResult r = LeakAnalysis.analyze(SeriesTable.of(loaded), LeakOptions.DEFAULTS, List.of());
        return new Result(r.ranked().size(), loaded.size(), size, read, analyse, r.counts().get(Verdict.LEAK),
                r.counts().get(Verdict.LIKELY_LEAK));
    }
}
