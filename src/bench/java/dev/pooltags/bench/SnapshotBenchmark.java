package dev.pooltags.bench;

import dev.pooltags.report.SnapshotColumn;
import dev.pooltags.live.LiveSampling;
import dev.pooltags.report.TopScreen;
import dev.pooltags.report.TopView;
import dev.pooltags.snapshot.RecordingReader;
import dev.pooltags.snapshot.RecordingWriter;
import dev.pooltags.snapshot.RowOrder;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotDelta;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.snapshot.WindowsPoolBuffers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The snapshot benchmarks: decoding a pool-tag buffer and diffing two samples against copying the same buffer;
 * recording a day of samples (bytes on disk, CPU per sample, read-back speed); and {@code top}'s CPU use.
 */
public final class SnapshotBenchmark {
    private SnapshotBenchmark() {}

    /** Decode + diff per sample, and the baseline copy of the same bytes. */
    public record Decode(int tags, int bufferBytes, long copyNanos, long decodeNanos, long decodeDiffNanos) {
        public double ratio() {
            return (double) decodeDiffNanos / copyNanos;
        }
    }

    public static Decode decode(int tags, int rounds) {
        SyntheticPool pool = new SyntheticPool(tags, 0.05);
        ByteBuffer before = pool.buffer();
        pool.step();
        ByteBuffer after = pool.buffer();
        int len = after.limit();
        Snapshot prev = new Snapshot(Instant.EPOCH, "", "", WindowsPoolBuffers.poolTags(before, before.limit(), true));
        byte[] dst = new byte[len];
        long copy = Stopwatch.medianNanos(rounds, rounds, () -> {
            after.get(0, dst, 0, len); // the plain copy of the buffer out of the call's memory
            return dst[len - 1];
        });
        long decode = Stopwatch.medianNanos(rounds, rounds,
                () -> WindowsPoolBuffers.poolTags(after, len, true).size());
        long decodeDiff = Stopwatch.medianNanos(rounds, rounds, () -> {
            List<TagCounters> rows = WindowsPoolBuffers.poolTags(after, len, true);
            Snapshot now = new Snapshot(Instant.EPOCH, "", "", rows);
            return SnapshotDelta.between(prev, now).size();
        });
        return new Decode(tags, len, copy, decode, decodeDiff);
    }

    /** A recorded day: size, CPU per written sample, read-back rate. */
    public record Day(int samples, int tags, long bytes, long writeCpuNanos, long readNanos, int rowsPerSample) {
        public double cpuMicrosPerSample() {
            return writeCpuNanos / 1e3 / samples;
        }

        public double readSamplesPerSecond() {
            return samples / (readNanos / 1e9);
        }
    }

    public static Day recordDay(int samples, int tags, Path dir) {
        SyntheticPool pool = new SyntheticPool(tags, 0.05);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Path f;
        try {
            f = Files.createTempFile(dir, "bench-day", ".rec");
            Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long cpu = 0;
        int rows = 0;
        try {
            try (RecordingWriter w = RecordingWriter.open(f, false)) {
                for (int i = 0; i < samples; i++) {
                    pool.step();
                    Snapshot s = pool.snapshot(); // what a live source hands over; not counted
                    rows = s.rows().size();
                    long t0 = mx.getCurrentThreadCpuTime();
                    w.write(s);
                    cpu += mx.getCurrentThreadCpuTime() - t0;
                }
            }
            long bytes = Files.size(f);
            long r0 = System.nanoTime();
            int n = 0;
            try (RecordingReader r = RecordingReader.open(f)) {
                for (Optional<Snapshot> s = r.next(); s.isPresent(); s = r.next()) {
                    n++;
                }
            }
            long read = System.nanoTime() - r0;
            if (n != samples) {
                throw new IllegalStateException("read back " + n + " of " + samples + " samples");
            }
            return new Day(samples, tags, bytes, cpu, read, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // a temp file left behind is not worth failing the benchmark for
            }
        }
    }

    /** top's CPU use: process CPU over wall time while it refreshes at {@code interval} on a 120x40 terminal. */
    public record Top(int tags, long wallNanos, long cpuNanos, long frames, long bytesDrawn) {
        public double cpuPercent() {
            return 100.0 * cpuNanos / wallNanos;
        }
    }

    public static Top top(int tags, Duration interval, Duration length) throws IOException {
        SyntheticPool pool = new SyntheticPool(tags, 0.05);
        long[] drawn = new long[1];
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                drawn[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                drawn[0] += len;
            }
        };
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys);
        long frames = Math.max(1, length.toNanos() / interval.toNanos());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Terminal t = TerminalBuilder.builder().system(false).streams(in, sink).type("xterm-256color").size(new Size(120, 40)).build()) {
            TopView view = new TopView(SnapshotColumn.standard(true, null), null, RowOrder.BYTES);
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            new TopScreen(t, view, new LiveSampling(pool.source(interval), null), interval).run(frames);
            long wall = System.nanoTime() - w0;
            long cpu = os.getProcessCpuTime() - c0;
            return new Top(tags, wall, cpu, frames, drawn[0]);
        } finally {
            keys.close();
        }
    }
}
