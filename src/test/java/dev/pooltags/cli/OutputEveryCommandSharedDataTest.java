package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.output.SmallDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, "Outputs written completely or not at all": every command's {@code -o}, on a failing input, on a full
 * disk (a small tmpfs filled to the last byte) and on a folder nobody can write to (the tmpfs remounted
 * read-only). The old file stays as it was, no temporary file is left, and the error is one line naming the file.
 * And a good run writes exactly what standard output shows.
 */
class OutputEveryCommandSharedDataTest {
    static final String POOLTAG = "../shared/data/pooltag/pooltag-2023.txt";
    static final String DRIVERS = ScanCommandTest.DRIVERS;
    static final String TRACE = "src/test/resources/dev/pooltags/trace/golden-trace.jsonl";
    /** The PoolMonX sample holds no time: give it one, so the only stderr line is the one under test. */
    static final String START = "2018-05-19T14:00:00Z";

    @TempDir
    static Path inputs;
    static Path series;

    /** A command: its arguments for a good run, and for a run whose input fails (OUT is the -o file). */
    record Case(String name, List<String> good, List<String> failing) {
        String[] args(List<String> a, Path out) {
            List<String> r = new ArrayList<>();
            for (String s : a) {
                r.add(s.equals("OUT") ? out.toString() : s);
            }
            return r.toArray(String[]::new);
        }
    }

    @BeforeAll
    static void recordADemo() throws IOException {
        CliRun r = CliRun.of("demo", "leak-fast", "--duration", "3m", "--record", inputs.resolve("demo").toString());
        assertThat(r.code()).as(r.err()).isZero();
        series = inputs.resolve("demo/snapshots.jsonl");
        Files.writeString(inputs.resolve("bad-trace.csv"), "this is not a trace\n");
        Files.writeString(inputs.resolve("bad-scenario.json"), "{\"name\": 5}\n");
    }

    static List<Case> cases() {
        String missing = inputs.resolve("missing").toString();
        String slab = "replay:../shared/data/linux/proc_slabinfo_sample.txt";
        return List.of(
                new Case("lookup", List.of("lookup", "Ntfx", "Afd1", "--no-localtag", "--tagfile", POOLTAG, "-o", "OUT"),
                        List.of("lookup", "Ntfx", "--no-localtag", "--tagfile", missing, "-o", "OUT")),
                new Case("scan", List.of("scan", DRIVERS + "/clang-x64", "--no-localtag", "-o", "OUT"),
                        List.of("scan", missing, "--no-localtag", "-o", "OUT")),
                new Case("who", List.of("who", "Pa01", "--drivers", DRIVERS, "--no-localtag", "-o", "OUT"),
                        List.of("who", "Pa01", "--drivers", missing, "--no-localtag", "-o", "OUT")),
                new Case("lint", List.of("lint", "src/test/resources/lint/cases/PT005-wrapper-macros.c", "--fail-on", "none",
                        "-o", "OUT"), List.of("lint", missing, "-o", "OUT")),
                new Case("snapshot", List.of("snapshot", "--source", "replay:../shared/data/snapshots/poolmonx-win10-2018.csv",
                        "--format", "poolmon", "--no-localtag", "--start", START, "-o", "OUT"),
                        List.of("snapshot", "--source", slab, "--format", "poolmon", "--no-localtag", "--start", START, "-o", "OUT")),
                new Case("convert", List.of("convert", "../shared/data/snapshots/poolmonx-win10-2018.csv", "--format", "json",
                        "--no-localtag", "--start", START, "-o", "OUT"),
                        List.of("convert", "../shared/data/linux/proc_slabinfo_sample.txt", "--format", "poolused", "--start", START,
                                "-o", "OUT")),
                new Case("convert rec", List.of("convert", series.toString(), "--format", "rec", "-o", "OUT"),
                        List.of("convert", missing, "--format", "rec", "-o", "OUT")),
                new Case("leaks", List.of("leaks", series.toString(), "--no-localtag", "-o", "OUT"),
                        List.of("leaks", "../shared/data/snapshots/poolmonx-win10-2018.csv", "--no-localtag", "--start", START,
                                "-o", "OUT")),
                new Case("trace", List.of("trace", TRACE, "--gate", "none", "-o", "OUT"),
                        List.of("trace", inputs.resolve("bad-trace.csv").toString(), "-o", "OUT")),
                new Case("rules", List.of("rules", "-o", "OUT"), List.of("rules", "--window", "soon", "-o", "OUT")),
                new Case("demo", List.of("demo", "healthy", "--duration", "2m", "-o", "OUT"),
                        List.of("demo", "--scenario-file", inputs.resolve("bad-scenario.json").toString(), "-o", "OUT")));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aGoodRunWritesWhatStandardOutputShows(@TempDir Path tmp) throws IOException {
        for (Case c : cases()) {
            Path out = tmp.resolve(c.name().replace(' ', '-') + ".out");
            CliRun r = CliRun.of(c.args(c.good(), out));
            assertThat(r.code()).as(c.name() + ": " + r.err()).isZero();
            assertThat(r.out()).as(c.name()).isEmpty();
            if (!c.name().equals("convert rec") && !c.name().equals("demo")) {
                List<String> toStdout = new ArrayList<>(c.good().subList(0, c.good().size() - 2));
                CliRun s = CliRun.of(c.args(toStdout, out));
                assertThat(Files.readString(out)).as(c.name()).isEqualTo(s.out());
                List<String> dash = new ArrayList<>(toStdout);
                dash.addAll(List.of("-o", "-"));
                assertThat(CliRun.of(c.args(dash, out)).out()).as(c.name() + " -o -").isEqualTo(s.out());
            } else {
                assertThat(Files.size(out)).as(c.name()).isPositive();
            }
        }
        assertThat(names(tmp)).allMatch(n -> n.endsWith(".out"));
    }

    @Test
    void aFailingInputLeavesTheOldFile(@TempDir Path tmp) throws IOException {
        for (Case c : cases()) {
            Path out = tmp.resolve("result");
            Files.writeString(out, "the old result\n");
            CliRun r = CliRun.of(c.args(c.failing(), out));
            assertThat(r.code()).as(c.name() + ": " + r.out() + r.err()).isIn(ExitCode.USAGE.code(), ExitCode.INPUT.code());
            assertThat(r.err().strip()).as(c.name()).startsWith("pooltags: ").doesNotContain("\n");
            assertThat(r.out()).as(c.name()).isEmpty();
            assertThat(Files.readString(out)).as(c.name()).isEqualTo("the old result\n");
            assertThat(names(tmp)).as(c.name()).containsExactly("result");
            if (c.name().equals("convert rec")) {
                continue; // a recording is never written to standard output
            }
            // and without -o: nothing on standard output before the error (it was PoolMon's header)
            CliRun toStdout = CliRun.of(c.args(c.failing().subList(0, c.failing().size() - 2), out));
            assertThat(toStdout.code()).as(c.name()).isEqualTo(r.code());
            assertThat(toStdout.out()).as(c.name()).isEmpty();
        }
    }

    @Test
    void aFullDiskLeavesTheOldFile(@TempDir Path tmp) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp, 256)) {
            Path out = disk.dir().resolve("result");
            Files.writeString(out, "the old result\n");
            disk.fill();
            for (Case c : cases()) {
                CliRun r = CliRun.of(c.args(c.good(), out));
                assertThat(r.code()).as(c.name() + ": " + r.err()).isEqualTo(ExitCode.INPUT.code());
                assertThat(r.err().strip()).as(c.name()).startsWith("pooltags: " + out + ": ")
                        .contains("No space left on device").doesNotContain("\n");
                assertThat(Files.readString(out)).as(c.name()).isEqualTo("the old result\n");
                assertThat(names(disk.dir())).as(c.name()).containsExactly("filler", "filler2", "result");
            }
        }
    }

    @Test
    void anUnwritableFolderIsOneLineAndLeavesTheOldFile(@TempDir Path tmp) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp, 64)) {
            Path out = disk.dir().resolve("result");
            Files.writeString(out, "the old result\n");
            disk.readOnly();
            for (Case c : cases()) {
                CliRun r = CliRun.of(c.args(c.good(), out));
                assertThat(r.code()).as(c.name() + ": " + r.err()).isEqualTo(ExitCode.INPUT.code());
                assertThat(r.err().strip()).as(c.name()).isEqualTo("pooltags: " + out + ": cannot write: read-only file system");
                assertThat(Files.readString(out)).as(c.name()).isEqualTo("the old result\n");
            }
            // found before the work: the output is checked before a missing input is even looked for
            CliRun first = CliRun.of("scan", inputs.resolve("missing").toString(), "-o", out.toString());
            assertThat(first.err().strip()).isEqualTo("pooltags: " + out + ": cannot write: read-only file system");
        }
    }
}
