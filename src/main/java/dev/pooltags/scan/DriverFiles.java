package dev.pooltags.scan;

import dev.pooltags.source.InputException;
import dev.pooltags.source.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files a scan reads: each path given that is a file, and every regular file under each folder given
 * (recursively, links to folders not followed), in a stable order: paths as given, folder contents sorted.
 */
public final class DriverFiles {
    /** One file to scan; {@code named} when the user named it rather than a folder holding it. */
    public record Target(Path path, boolean named) {
    }

    private static final InputFiles FILES = new InputFiles(true, Comparator.comparing(Path::toString), f -> true, null);

    private DriverFiles() {}

    /**
     * Lists the files.
     *
     * @throws InputException when a path given does not exist or a folder cannot be listed
     */
    public static List<Target> list(List<Path> paths) {
        List<Target> out = new ArrayList<>();
        for (Path p : paths) {
            boolean folder = Files.isDirectory(p);
            FILES.expand(List.of(p)).forEach(f -> out.add(new Target(f, !folder)));
        }
        return out;
    }
}
