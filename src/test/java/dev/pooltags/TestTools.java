package dev.pooltags;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers for tests that use external tools as oracles or compilers. */
public final class TestTools {
    private TestTools() {}

    /** True when an executable of this name is on the PATH. */
    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
