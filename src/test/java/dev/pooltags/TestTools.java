package dev.pooltags;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Test helpers for tests that use external tools as oracles or compilers. */
public final class TestTools {
    private TestTools() {}

    /** The executable of this name on the PATH, if any. */
    public static Optional<Path> find(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Optional.of(Path.of(dir, tool));
            }
        }
        return Optional.empty();
    }

    /** True when an executable of this name is on the PATH. */
    public static boolean onPath(String tool) {
        return find(tool).isPresent();
    }

    /**
     * The tool, or the test is skipped; under .ci/run ({@code POOLTAGS_CI} set), which installs every tool the tests
     * use, a missing tool fails the test instead, so CI never passes by skipping.
     */
    public static Path require(String tool) {
        Optional<Path> p = find(tool);
        if (p.isEmpty() && System.getenv("POOLTAGS_CI") != null) {
            throw new AssertionError(tool + " is not installed, and .ci/run should have installed it");
        }
        Assumptions.assumeTrue(p.isPresent(), tool + " is not installed (CI installs it)");
        return p.get();
    }
}
