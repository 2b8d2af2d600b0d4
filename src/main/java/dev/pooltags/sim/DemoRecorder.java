package dev.pooltags.sim;

import dev.pooltags.event.PoolEvent;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotJsonLines;
import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import dev.pooltags.trace.TraceJsonLines;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a demo run to a folder: {@value #SNAPSHOTS} (one snapshot per sample interval, pooltags' JSON Lines snapshot
 * format) and {@value #TRACE} (every pool event, {@link TraceJsonLines}). All snapshot writing goes through
 * {@link #snapshot(Snapshot)}, so the recording format can change in one place.
 */
public final class DemoRecorder implements AutoCloseable {
    public static final String SNAPSHOTS = "snapshots.jsonl";
    public static final String TRACE = "trace.jsonl";

    private final Path dir;
    private final Writer snapshots;
    private final Writer traceOut;
    private final TraceJsonLines.EventWriter trace;
    private long snapshotCount;
    private long eventCount;

    private DemoRecorder(Path dir) throws IOException {
        this.dir = dir;
        this.snapshots = new BufferedWriter(Files.newBufferedWriter(dir.resolve(SNAPSHOTS), StandardCharsets.UTF_8), 1 << 16);
        this.traceOut = new BufferedWriter(Files.newBufferedWriter(dir.resolve(TRACE), StandardCharsets.UTF_8), 1 << 16);
        this.trace = TraceJsonLines.writer(traceOut);
    }

    /** Creates the folder when needed and opens both files (replacing earlier ones). */
    public static DemoRecorder open(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new InputException(dir, "exists and is not a folder");
            }
            Files.createDirectories(dir);
            return new DemoRecorder(dir);
        } catch (IOException e) {
            throw new InputException(dir, "cannot write the recording: " + Reasons.of(e), e);
        }
    }

    /** The trace's header line. */
    public void header(Map<String, Object> fields) {
        trace.header(fields);
    }

    /** Where pool events go. */
    public void event(PoolEvent e) {
        trace.write(e);
        eventCount++;
    }

    public void snapshot(Snapshot s) {
        try {
            SnapshotJsonLines.write(snapshots, s);
            snapshotCount++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path snapshotsFile() {
        return dir.resolve(SNAPSHOTS);
    }

    public Path traceFile() {
        return dir.resolve(TRACE);
    }

    public long snapshotCount() {
        return snapshotCount;
    }

    public long eventCount() {
        return eventCount;
    }

    @Override
    public void close() {
        try {
            trace.close();
            traceOut.close();
            snapshots.close();
        } catch (IOException e) {
            throw new InputException(dir, "cannot finish the recording: " + Reasons.of(e), e);
        }
    }
}
