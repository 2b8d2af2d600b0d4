package dev.pooltags.bench;

import dev.pooltags.cli.ExitCode;
import dev.pooltags.cli.Main;
import dev.pooltags.cli.Subcommand;
import dev.pooltags.source.EnvironmentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pooltags bench startup}. */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = {"The quick commands (lookup, who on one file, rules, snapshot, top --once, --help, --version) run through "
                + "this checkout's launcher, from start to exit, against a Java program that does nothing on the same JDK; "
                + "every JDK 17 or later in /usr/lib/jvm and the running one, in the same run. The first run on a JDK "
                + "records the launcher's start-up archive (untimed)."})
final class StartupBench extends Subcommand {
    @Option(names = "--jdk", paramLabel = "HOME", description = "A JDK to measure (repeatable; default: all found).")
    List<Path> jdks = new ArrayList<>();

    @Option(names = "--rounds", description = "Timed rounds per program (default ${DEFAULT-VALUE}).")
    int rounds = 10;

    @Option(names = "--tagfile", paramLabel = "FILE", description = "The tag file for lookup (default: a generated Pooltag.txt of "
            + "5,000 entries, the size of Microsoft's).")
    Path tagfile;

    @Override
    protected ExitCode execute() throws Exception {
        // the product jar (the benchmarks themselves are beside it, in target/test-classes)
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = jar.getParent() == null ? null : jar.getParent().getParent();
        Path launcher = root == null ? null : root.resolve(System.getProperty("os.name", "").startsWith("Windows") ? "pooltags.cmd" : "pooltags");
        if (launcher == null || !Files.isRegularFile(launcher) || !jar.toString().endsWith(".jar")) {
            throw new EnvironmentException("bench startup runs the checkout's launcher: run it as ./pooltags bench startup "
                    + "from a checkout (found " + jar + ")");
        }
        Path tmp = Files.createTempDirectory("pooltags-startup");
        try {
            Path tags = tagfile != null ? tagfile : Files.writeString(tmp.resolve("pooltag.txt"), generatedTagFile());
            List<Path> homes = jdks.isEmpty() ? StartupBenchmark.installedJdks(Path.of(System.getProperty("java.home"))) : jdks;
            List<StartupBenchmark.Timing> t = StartupBenchmark.run(launcher, homes, StartupBenchmark.trivialClassPath(tmp),
                    programs(root, tags), 2, rounds, root);
            BenchText.startup(out(), t, rounds);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return ExitCode.OK;
    }

    /** A Pooltag.txt of 5,000 entries, the size of Microsoft's, with Ntfx among them. */
    private static String generatedTagFile() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append(String.format(Locale.ROOT, "T%03X - drv%d.sys - generated entry %d%n", i, i % 97, i));
        }
        return sb.append("Ntfx - ntfs.sys - General Allocation\r\n").toString();
    }

    private static List<StartupBenchmark.Program> programs(Path root, Path tags) {
        Path driver = root.resolve("src/test/resources/drivers/clang-x64/netvideo.sys");
        List<StartupBenchmark.Program> programs = new ArrayList<>();
        programs.add(new StartupBenchmark.Program("lookup Ntfx --tagfile F", List.of("lookup", "Ntfx", "--no-localtag", "--tagfile",
                tags.toString()), true));
        if (Files.isRegularFile(driver)) {
            programs.add(new StartupBenchmark.Program("who Nv05 DRIVER", List.of("who", "Nv05", "--no-localtag", "--tagfile",
                    tags.toString(), "--drivers", driver.toString()), true));
        }
        programs.add(new StartupBenchmark.Program("rules", List.of("rules"), true));
        programs.add(new StartupBenchmark.Program("snapshot --source demo:healthy", List.of("snapshot", "--source", "demo:healthy",
                "--no-localtag"), true));
        programs.add(new StartupBenchmark.Program("top --once --source demo:healthy", List.of("top", "--once", "--source",
                "demo:healthy", "--no-localtag"), true));
        programs.add(new StartupBenchmark.Program("--help", List.of("--help"), true));
        programs.add(new StartupBenchmark.Program("--version", List.of("--version"), true));
        return programs;
    }
}
