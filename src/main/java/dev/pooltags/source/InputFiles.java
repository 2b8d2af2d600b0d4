package dev.pooltags.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files a user names on a command line: a file as given, a folder as the files in it that the reader wants, in a
 * stable order. Every refusal is one {@link InputException} naming the path: a path that does not exist, a folder that
 * cannot be listed, a folder with none of the wanted files in it.
 *
 * @param recursive true to take the files of every folder below a named one (links to folders not followed), false
 *                  for the named folder's own files only
 * @param order     the order of a folder's files
 * @param wanted    which of a folder's regular files to take, asked in that order
 * @param noneFound what a folder without one wanted file is ({@code is a folder with no .dmp files in it}), or null
 *                  when such a folder is simply no files
 */
public record InputFiles(boolean recursive, Comparator<Path> order, Predicate<Path> wanted, String noneFound) {
    /** Files named directly, and the files a named folder holds. */
    public List<Path> expand(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                List<Path> found = inFolder(p);
                if (found.isEmpty() && noneFound != null) {
                    throw new InputException(p, noneFound);
                }
                out.addAll(found);
            } else if (!Files.exists(p)) {
                throw new InputException(p, "no such file or folder");
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** The wanted files of one folder, in order. */
    public List<Path> inFolder(Path folder) {
        try (Stream<Path> s = recursive ? Files.walk(folder) : Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted(order).filter(wanted).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(folder, "cannot list the folder: " + Reasons.of(e), e);
        }
    }
}
