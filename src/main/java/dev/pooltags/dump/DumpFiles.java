package dev.pooltags.dump;

import dev.pooltags.source.InputFiles;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The dump files the user names: files as given, folders searched recursively for {@code *.dmp}, in name order. */
public final class DumpFiles {
    private static final InputFiles DUMPS = new InputFiles(true, Comparator.naturalOrder(),
            f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dmp"),
            "is a folder with no .dmp files in it");

    private DumpFiles() {}

    public static List<Path> list(List<Path> inputs) {
        return DUMPS.expand(inputs);
    }
}
