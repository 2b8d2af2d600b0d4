package dev.pooltags.scan;

import dev.pooltags.source.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a scan reads: each path given that is a file, and every regular file under each folder given
 * (recursively, links to folders not followed), in a stable order: paths as given, folder contents sorted.
 */
public final class DriverFiles {
    /** One file to scan; {@code named} when the user named it rather than a folder holding it. */
    public record Target(Path path, boolean named) {
    }

    private DriverFiles() {}

    /**
     * Lists the files.
     *
     * @throws InputException when a path given does not exist or a folder cannot be listed
     */
    public static List<Target> list(List<Path> paths) {
        List<Target> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).forEach(f -> out.add(new Target(f, false)));
                } catch (IOException | UncheckedIOException e) {
                    String why = e instanceof UncheckedIOException u ? u.getCause().toString() : e.toString();
                    throw new InputException(p, "cannot list the folder: " + why, e);
                }
            } else if (Files.exists(p)) {
                out.add(new Target(p, true));
            } else {
                throw new InputException(p, "no such file or folder");
            }
        }
        return out;
    }
}
