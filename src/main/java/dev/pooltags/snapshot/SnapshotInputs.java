package dev.pooltags.snapshot;

import dev.pooltags.source.InputException;
import dev.pooltags.source.InputFiles;
import dev.pooltags.source.ReadNotes;
import dev.pooltags.source.Reasons;
import dev.pooltags.source.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a series of snapshots from what the user names: files and folders (a folder contributes every snapshot
 * file in it, in name order). The result is in time order; snapshots with the same time keep input order.
 *
 * <p>Every format of {@link SnapshotFormat} is read, recognised by content: pooltags' JSON Lines and CSV,
 * recordings, PoolMon screens and /n logs, PoolMonX CSV, {@code !poolused} output and saved /proc/slabinfo.
 * Formats that hold only outstanding counts ({@code !poolused}, slabinfo) get allocation and free counters
 * synthesized across the series ({@link CounterSynthesis}). A recording with a torn tail yields its complete
 * samples and a warning.
 */
public final class SnapshotInputs {
    private static final List<String> EXTENSIONS = List.of(".jsonl", ".json", ".csv", ".rec", ".txt", ".log", ".dmp");

    private SnapshotInputs() {}

    /** Every snapshot in the inputs, in time order; warnings (torn recording tails) and damage are dropped. */
    public static List<Snapshot> readSeries(List<Path> inputs) {
        return readSeries(inputs, ReadNotes.NONE);
    }

    /**
     * Every snapshot in the inputs, in time order; each warning (a torn recording tail) and each damage (a
     * recording's damaged frame, with what was skipped) goes to {@code warnings}.
     */
    public static List<Snapshot> readSeries(List<Path> inputs, ReadNotes warnings) {
        return readSeries(inputs, warnings, null);
    }

    /**
     * As {@link #readSeries(List, ReadNotes)}; files of a format that holds no time (PoolMon, PoolMonX, !poolused,
     * a saved slabinfo) are stamped with their modification time, which says when the file was copied, not when
     * the sample was taken. {@code start} (when not null) is the time of the first of them instead, later ones
     * keeping their distance by modification time. Without it, a warning says the times are the files'.
     */
    public static List<Snapshot> readSeries(List<Path> inputs, ReadNotes warnings, Instant start) {
        List<Path> files = expand(inputs, warnings);
        Map<Path, Instant> stamps = timeless(files);
        String noTime = null;
        if (!stamps.isEmpty()) {
            Instant first = stamps.values().stream().min(Comparator.naturalOrder()).orElseThrow();
            if (start == null) {
                Path one = stamps.keySet().iterator().next();
                boolean many = stamps.size() > 1;
                noTime = one + (many ? " and " + (stamps.size() - 1) + " more files hold no time of their own ("
                        : " holds no time of its own (") + formatOf(one).title() + "): stamped with "
                        + (many ? "their modification times (" + first + " for the first)" : "the file's modification time (" + first + ")")
                        + "; give --start TIME for when " + (many ? "the first was" : "it was") + " taken";
            } else {
                Duration shift = Duration.between(first, start);
                stamps.replaceAll((p, t) -> t.plus(shift));
            }
        }
        List<Snapshot> plain = new ArrayList<>();
        List<Snapshot> outstandingOnly = new ArrayList<>();
        for (Path p : files) {
            Read r = read(p, warnings, stamps.get(p));
            (r.format.outstandingOnly() ? outstandingOnly : plain).addAll(r.snapshots);
        }
        if (!outstandingOnly.isEmpty()) {
            outstandingOnly.sort(Comparator.comparing(Snapshot::time));
            plain.addAll(CounterSynthesis.series(outstandingOnly));
        }
        plain.sort(Comparator.comparing(Snapshot::time)); // stable: equal times keep input order
        if (noTime != null) {
            warnings.warning(noTime); // once the files were read: a file that fails needs no such note
        }
        return plain;
    }

    /** Files named directly, and the snapshot files inside named folders (sorted by name). */
    public static List<Path> expand(List<Path> inputs) {
        return expand(inputs, ReadNotes.NONE);
    }

    /**
     * As {@link #expand(List)}; a folder's JSON Lines file that holds allocation events rather than snapshots (the
     * {@code trace.jsonl} beside {@code snapshots.jsonl} that {@code demo --record} writes) is left out, with a
     * warning saying so.
     */
    public static List<Path> expand(List<Path> inputs, ReadNotes warnings) {
        return new InputFiles(false, Comparator.naturalOrder(), f -> isSnapshotFile(f) && !skippedTrace(f, warnings),
                "is a folder with no snapshot files in it (" + String.join(", ", EXTENSIONS) + ")").expand(inputs);
    }

    /** True, with a warning, when a folder's file holds allocation events rather than snapshots. */
    private static boolean skippedTrace(Path f, ReadNotes warnings) {
        if (!isEventTrace(f)) {
            return false;
        }
        warnings.warning(f + ": skipped, it holds allocation events, not snapshots (read it with pooltags trace)");
        return true;
    }

    /** A JSON Lines file of allocation events: pooltags' trace header, or a first object with "ev" and no "rows". */
    static boolean isEventTrace(Path p) {
        if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            return false;
        }
        String head = new String(head(p), java.nio.charset.StandardCharsets.UTF_8);
        int nl = head.indexOf('\n');
        String first = nl < 0 ? head : head.substring(0, nl);
        return first.contains("\"pooltags-trace\"") || !first.contains("\"rows\"") && first.contains("\"ev\"");
    }

    static boolean isSnapshotFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    /** The modification times of the files whose format holds no time, in file order. */
    private static Map<Path, Instant> timeless(List<Path> files) {
        Map<Path, Instant> out = new LinkedHashMap<>();
        for (Path p : files) {
            if (!formatOf(p).hasTime()) {
                out.put(p, SnapshotFormat.fileTime(p));
            }
        }
        return out;
    }

    /** All snapshots of one file, format chosen from its content. */
    public static List<Snapshot> readFile(Path p) {
        Read r = read(p, ReadNotes.NONE, null);
        return r.format.outstandingOnly() ? CounterSynthesis.series(r.snapshots) : r.snapshots;
    }

    /** The format of one file, from its content. */
    public static SnapshotFormat formatOf(Path p) {
        return SnapshotFormat.detect(p, head(p));
    }

    private record Read(SnapshotFormat format, List<Snapshot> snapshots) {}

    private static Read read(Path p, ReadNotes warnings, Instant time) {
        SnapshotFormat f = formatOf(p);
        if (f == SnapshotFormat.RECORDING) {
            RecordingReader.Contents c = RecordingReader.readAll(p);
            for (RecordingReader.Damage d : c.damage()) {
                warnings.damage(d.describe(p.toString()));
            }
            c.tornTail().ifPresent(t -> warnings.warning(t.describe(p.toString())));
            return new Read(f, c.samples());
        }
        if (f == SnapshotFormat.DUMP) {
            return new Read(f, List.of(DumpSnapshots.read(p, warnings::warning)));
        }
        return new Read(f, f.readText(p.toString(), TextFiles.readAllBytes(p), time != null ? time : SnapshotFormat.fileTime(p)));
    }

    private static byte[] head(Path p) {
        if (Files.isDirectory(p)) {
            throw new InputException(p, "is a folder, not a file");
        }
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(1 << 16);
        } catch (NoSuchFileException e) {
            throw new InputException(p, "no such file");
        } catch (IOException e) {
            throw new InputException(p, "cannot be read: " + Reasons.of(e), e);
        }
    }
}
