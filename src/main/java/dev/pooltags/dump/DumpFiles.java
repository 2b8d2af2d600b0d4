package dev.pooltags.dump;

import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The dump files the user names: files as given, folders searched recursively for {@code *.dmp}, in name order. */
public final class DumpFiles {
    private DumpFiles() {}

    public static List<Path> list(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    List<Path> found = s.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dmp")).sorted().toList();
                    if (found.isEmpty()) {
                        throw new InputException(p, "is a folder with no .dmp files in it");
                    }
                    out.addAll(found);
                } catch (IOException e) {
                    throw new InputException(p, "cannot list the folder: " + Reasons.of(e), e);
                }
            } else if (!Files.exists(p)) {
                throw new InputException(p, "no such file or folder");
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
