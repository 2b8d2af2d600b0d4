package dev.pooltags.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long pooltags' quick commands take from the shell prompt to the prompt again, through the checkout's real
 * launcher ({@code ./pooltags}, with the start-up archive it keeps per JDK), against a Java program that does nothing
 * ({@link TrivialMain}) on the same JDK in the same run. Every JDK asked for is measured; rounds go round-robin over
 * the programs so a busy moment of the machine hits them all alike. Wall-clock time of whole processes.
 */
public final class StartupBenchmark {
    /** One program measured on one JDK: median and fastest wall-clock time, and the exit status of its last run. */
    public record Timing(String jdk, String label, double medianMillis, double bestMillis, int exit) {}

    /** A program to run: how it is shown, and its arguments after the launcher (or the whole command for a baseline). */
    public record Program(String label, List<String> command, boolean throughLauncher) {}

    private StartupBenchmark() {}

    /** The JDKs to compare: the one running now and every JDK 17 or later in {@code /usr/lib/jvm}, by real path. */
    public static List<Path> installedJdks(Path running) {
        TreeSet<Path> homes = new TreeSet<>();
        homes.add(realHome(running));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (var s = Files.list(jvms)) {
                s.filter(h -> Files.isExecutable(h.resolve("bin").resolve("java")) && release(h) >= 17).map(StartupBenchmark::realHome)
                        .forEach(homes::add);
            } catch (IOException e) {
                // only the running JDK
            }
        }
        return new ArrayList<>(homes);
    }

    private static Path realHome(Path home) {
        try {
            return home.resolve("bin").resolve("java").toRealPath().getParent().getParent();
        } catch (IOException e) {
            return home.toAbsolutePath().normalize();
        }
    }

    /** The feature release a JDK's {@code release} file names (0 when it cannot be read). */
    public static int release(Path home) {
        try {
            Matcher m = Pattern.compile("JAVA_VERSION=\"(?:1\\.)?(\\d+)").matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The folder holding {@link TrivialMain}'s class file alone, made in {@code dir}. */
    public static Path trivialClassPath(Path dir) {
        String entry = TrivialMain.class.getName().replace('.', '/') + ".class";
        Path out = dir.resolve("trivial");
        try (InputStream in = TrivialMain.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IllegalStateException(entry + " is missing from the build");
            }
            Path f = out.resolve(entry);
            Files.createDirectories(f.getParent());
            Files.write(f, in.readAllBytes());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs every program on every JDK: {@code warmup} untimed runs each (the first records the launcher's archive for a
     * JDK that has none), then {@code rounds} timed rounds.
     */
    public static List<Timing> run(Path launcher, List<Path> jdks, Path trivialClassPath, List<Program> programs, int warmup,
            int rounds, Path workDir) {
        List<Timing> out = new ArrayList<>();
        for (Path jdk : jdks) {
            Map<Program, long[]> times = new LinkedHashMap<>();
            Map<Program, Integer> exits = new LinkedHashMap<>();
            List<Program> all = new ArrayList<>();
            all.add(new Program("trivial main (baseline)", List.of(jdk.resolve("bin").resolve("java").toString(), "-cp",
                    trivialClassPath.toString(), TrivialMain.class.getName()), false));
            all.addAll(programs);
            for (Program p : all) {
                times.put(p, new long[rounds]);
                for (int i = 0; i < warmup; i++) {
                    exits.put(p, once(launcher, jdk, p, workDir)[1] == 0 ? 0 : 1);
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (Program p : all) {
                    long[] t = once(launcher, jdk, p, workDir);
                    times.get(p)[r] = t[0];
                    exits.put(p, (int) t[1]);
                }
            }
            for (Program p : all) {
                long[] t = times.get(p).clone();
                Arrays.sort(t);
                out.add(new Timing(jdk.toString() + " (" + release(jdk) + ")", p.label(), t[rounds / 2] / 1e6, t[0] / 1e6, exits.get(p)));
            }
        }
        return out;
    }

    /** Wall-clock nanoseconds and exit status of one run. */
    private static long[] once(Path launcher, Path jdk, Program p, Path workDir) {
        List<String> cmd = new ArrayList<>();
        if (p.throughLauncher()) {
            cmd.add(launcher.toString());
        }
        cmd.addAll(p.command());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")));
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().remove("POOLTAGS_JAVA_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            long t0 = System.nanoTime();
            Process proc = pb.start();
            if (!proc.waitFor(120, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not end in 120 s");
            }
            return new long[] {System.nanoTime() - t0, proc.exitValue()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
