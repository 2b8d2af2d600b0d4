package dev.pooltags.snapshot;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts pooltags' real command line in a separate JVM (for tests that kill it or give it a terminal). */
public final class ChildJvm {
    private ChildJvm() {}

    /** The command that runs {@code pooltags args...} with this test run's classes. */
    public static List<String> command(String... args) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(cp.replace(File.pathSeparatorChar == ':' ? ";" : ":", File.pathSeparator));
        cmd.add("dev.pooltags.cli.Main");
        cmd.addAll(List.of(args));
        return cmd;
    }
}
