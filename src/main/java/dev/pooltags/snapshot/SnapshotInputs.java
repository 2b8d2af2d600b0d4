package dev.pooltags.snapshot;

import dev.pooltags.source.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a series of snapshots from what the user names: files and folders (a folder contributes every snapshot
 * file in it, in name order). The result is in time order; snapshots with the same time keep input order.
 *
 * <p>Formats understood: pooltags' JSON Lines ({@code .jsonl}, {@code .json}). Each further format registers
 * here as it is added.
 */
public final class SnapshotInputs {
    private SnapshotInputs() {}

    /** Every snapshot in the inputs, in time order. */
    public static List<Snapshot> readSeries(List<Path> inputs) {
        List<Snapshot> out = new ArrayList<>();
        for (Path p : expand(inputs)) {
            out.addAll(readFile(p));
        }
        out.sort(Comparator.comparing(Snapshot::time)); // stable: equal times keep input order
        return out;
    }

    /** Files named directly, and the snapshot files inside named folders (sorted by name). */
    public static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> inDir = s.filter(Files::isRegularFile).filter(SnapshotInputs::isSnapshotFile).sorted().toList();
                    if (inDir.isEmpty()) {
                        throw new InputException(p, "is a folder with no snapshot files in it (.jsonl, .json)");
                    }
                    files.addAll(inDir);
                } catch (IOException e) {
                    throw new InputException(p, "cannot list the folder: " + e.getMessage(), e);
                }
            } else if (!Files.exists(p)) {
                throw new InputException(p, "no such file or folder");
            } else {
                files.add(p);
            }
        }
        return files;
    }

    static boolean isSnapshotFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".json");
    }

    /** All snapshots of one file, format chosen from its name and content. */
    public static List<Snapshot> readFile(Path p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8))) {
            return SnapshotJsonLines.read(p.toString(), r);
        } catch (NoSuchFileException e) {
            throw new InputException(p, "no such file");
        } catch (IOException e) {
            throw new InputException(p, "cannot be read: " + e.getMessage(), e);
        }
    }
}
