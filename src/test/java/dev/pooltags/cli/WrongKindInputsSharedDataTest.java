package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.sniff.InputKind;
import dev.pooltags.sniff.Inputs;
import dev.pooltags.sniff.Sniffer;
import dev.pooltags.snapshot.RecordingWriter;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotFormat;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command given every kind of input: the one sniffer names each file's kind, a command given a kind it does not
 * read says what the file is and which command reads it (exit 3), and a kind it reads is read. Writes the whole table
 * (command x kind: exit status and the first line on standard error) to target/wrong-kind-inputs.md.
 */
class WrongKindInputsSharedDataTest {
    @TempDir
    static Path dir;

    static final Map<InputKind, Path> SAMPLES = new LinkedHashMap<>();

    static Snapshot snapshot(int i) {
        return new Snapshot(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i), "box", "test", List.of(
                TagCounters.of(PoolTag.parse("Ntfx"), PoolType.NONPAGED, 100 + i, 50, 4000 + 100L * i),
                TagCounters.of(PoolTag.parse("Leak"), PoolType.PAGED, 10L * i, 0, 1000L * i)));
    }

    static Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    static Path writeFormat(String name, SnapshotFormat f) throws Exception {
        StringWriter w = new StringWriter();
        PrintWriter p = new PrintWriter(w);
        f.writeText(p, f == SnapshotFormat.POOLMONX ? List.of(snapshot(1)) : List.of(snapshot(0), snapshot(1), snapshot(2)), null);
        p.flush();
        return write(name, w.toString());
    }

    @BeforeAll
    static void samples() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.writeString(folder.resolve("README.txt"), "notes about nothing\n");
        SAMPLES.put(InputKind.FOLDER, folder);
        SAMPLES.put(InputKind.EMPTY, write("empty.txt", ""));
        SAMPLES.put(InputKind.PE_IMAGE, Path.of("src/test/resources/drivers/clang-x64/netvideo.sys"));
        SAMPLES.put(InputKind.KERNEL_DUMP, Path.of("../shared/data/dumps/triage-x64-19041-0x1000007E.dmp"));
        byte[] mini = new byte[4096];
        System.arraycopy("MDMP".getBytes(StandardCharsets.US_ASCII), 0, mini, 0, 4);
        SAMPLES.put(InputKind.USER_MINIDUMP, Files.write(dir.resolve("app.dmp"), mini));
        Path rec = dir.resolve("series.rec");
        try (RecordingWriter w = RecordingWriter.open(rec, false)) {
            for (int i = 0; i < 3; i++) {
                w.write(snapshot(i));
            }
        }
        SAMPLES.put(InputKind.RECORDING, rec);
        SAMPLES.put(InputKind.SNAPSHOT_JSONL, writeFormat("series.jsonl", SnapshotFormat.JSON));
        SAMPLES.put(InputKind.SNAPSHOT_CSV, writeFormat("series.csv", SnapshotFormat.CSV));
        SAMPLES.put(InputKind.POOLMONX_CSV, writeFormat("poolmonx.csv", SnapshotFormat.POOLMONX));
        SAMPLES.put(InputKind.POOLMON, writeFormat("poolsnap.log", SnapshotFormat.POOLMON));
        SAMPLES.put(InputKind.POOLUSED, writeFormat("poolused.txt", SnapshotFormat.POOLUSED));
        SAMPLES.put(InputKind.SLABINFO, Path.of("../shared/data/linux/proc_slabinfo_sample.txt"));
        CliRun demo = CliRun.of("demo", "healthy", "--record", dir.resolve("demo").toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        SAMPLES.put(InputKind.TRACE_JSONL, dir.resolve("demo/trace.jsonl"));
        SAMPLES.put(InputKind.XPERF_CSV, write("pool.csv", "BeginHeader\n PoolAlloc, TimeStamp, Entry, PoolTag, PoolType, NumberOfBytes\n"
                + " PoolFree, TimeStamp, Entry\nEndHeader\nPoolAlloc, 5, 0x1010, 0x7852664E, PagedPool, 0x40\nPoolFree, 7, 0x1010\n"));
        SAMPLES.put(InputKind.VERIFIER, write("verifier.txt", "nt!_VF_TARGET_DRIVER 0xffffcb8438730e10: zz.sys (Loaded and Unloaded)\n\n"
                + "    Current Pool Allocations: 00000001    00000000\n\n"
                + "    PoolAddress  SizeInBytes    Tag       CallersAddress\n"
                + "    0x982a8fe0  0x00000020  Zzq1  0x9a3bf6ac  zzdrv!Dispatch\n"));
        SAMPLES.put(InputKind.DEBUGGER_LOG, write("session.log", "Opened log file 'c:\\logs\\session.log'\n0: kd> lm\n"
                + "start             end                 module name\n"
                + "fffff801`2a000000 fffff801`2a0a1000   zzdrv      (deferred)\n0: kd> .logclose\n"));
        Path source = write("drv.c", "#include <ntddk.h>\nvoid f(void) {\n    void *p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'MyBf');\n"
                + "    ExFreePoolWithTag(p, 'MyBx');\n}\n");
        Path sarif = dir.resolve("lint.sarif");
        assertThat(CliRun.of("lint", source.toString(), "--format", "sarif", "-o", sarif.toString(), "--no-localtag").code()).isIn(0, 1);
        SAMPLES.put(InputKind.SARIF, sarif);
        SAMPLES.put(InputKind.TAG_FILE, write("localtag.txt", "Ntfx - ntfs.sys - General Allocation\r\nMyBf - mydrv.sys - buffers\r\n"));
        SAMPLES.put(InputKind.C_SOURCE, source);
        SAMPLES.put(InputKind.JSON_OTHER, write("settings.json", "{\"theme\": \"dark\", \"size\": 3}\n"));
        SAMPLES.put(InputKind.TEXT_OTHER, write("notes.txt", "Shopping list: milk, bread, eggs.\nCall the plumber.\n"));
        byte[] elf = new byte[256];
        System.arraycopy(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        SAMPLES.put(InputKind.BINARY_OTHER, Files.write(dir.resolve("program"), elf));
    }

    @Test
    void theSnifferNamesEveryKind() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrder(InputKind.values());
        for (Map.Entry<InputKind, Path> e : SAMPLES.entrySet()) {
            assertThat(Sniffer.sniff(e.getValue()).kind()).as(e.getValue().toString()).isEqualTo(e.getKey());
        }
        // the real tag files are tag files, and the real PoolMonX CSV is one
        for (String f : List.of("pooltag-2023.txt", "pooltag-2020.txt", "pooltag-2003.txt")) {
            assertThat(Sniffer.sniff(Path.of("../shared/data/pooltag", f)).kind()).as(f).isEqualTo(InputKind.TAG_FILE);
        }
        assertThat(Sniffer.sniff(Path.of("../shared/data/snapshots/poolmonx-win10-2018.csv")).kind()).isEqualTo(InputKind.POOLMONX_CSV);
        assertThat(Sniffer.sniff(Path.of("../shared/data/dumps/triage-arm64-22000-0x1C8.dmp")).kind()).isEqualTo(InputKind.KERNEL_DUMP);
    }

    /** A command, how it is run on a file, and the kinds it reads. */
    record Command(String name, Function<String, String[]> args, Set<InputKind> reads) {}

    static List<Command> commands(Path tags, Path out) {
        Set<InputKind> snapshots = EnumSet.copyOf(Inputs.SNAPSHOTS);
        Set<InputKind> snapshotsAndLogs = EnumSet.copyOf(snapshots);
        return List.of(
                new Command("lookup --tagfile F", f -> a("lookup", "--no-localtag", "--tagfile", f, "Ntfx"), EnumSet.of(InputKind.TAG_FILE)),
                new Command("lookup --check F", f -> a("lookup", "--check", f), EnumSet.of(InputKind.TAG_FILE)),
                new Command("lookup --tags-in F", f -> a("lookup", "--no-localtag", "--tagfile", tags.toString(), "--tags-in", f), snapshots),
                new Command("scan F", f -> a("scan", "--no-localtag", f), EnumSet.of(InputKind.PE_IMAGE)),
                new Command("who Nv05 --drivers F", f -> a("who", "Nv05", "--no-localtag", "--tagfile", tags.toString(), "--drivers", f),
                        EnumSet.of(InputKind.PE_IMAGE)),
                new Command("lint F", f -> a("lint", "--no-localtag", f), EnumSet.of(InputKind.C_SOURCE)),
                new Command("snapshot --source replay:F", f -> a("snapshot", "--no-localtag", "--source", "replay:" + f), snapshots),
                new Command("top --once --source replay:F", f -> a("top", "--once", "--no-localtag", "--source", "replay:" + f), snapshots),
                new Command("convert F --format json", f -> a("convert", "--no-localtag", f, "--format", "json", "-o", out.toString()), snapshots),
                new Command("leaks F", f -> a("leaks", "--no-localtag", f), snapshotsAndLogs),
                new Command("trace F", f -> a("trace", f), EnumSet.of(InputKind.TRACE_JSONL, InputKind.XPERF_CSV, InputKind.VERIFIER)),
                new Command("debugger F", f -> a("debugger", "--no-localtag", f),
                        EnumSet.of(InputKind.DEBUGGER_LOG, InputKind.POOLUSED, InputKind.VERIFIER)),
                new Command("dump F", f -> a("dump", "--no-localtag", f), EnumSet.of(InputKind.KERNEL_DUMP)));
    }

    static String[] a(String... s) {
        return s;
    }

    @Test
    void everyCommandGivenEveryKind() throws Exception {
        Path tags = write("known.txt", "Ntfx - ntfs.sys - General Allocation\r\n");
        Path out = dir.resolve("out.jsonl");
        StringBuilder table = new StringBuilder("| command | input | exit | what it says |\n|---|---|---|---|\n");
        List<String> failures = new ArrayList<>();
        for (Command c : commands(tags, out)) {
            for (Map.Entry<InputKind, Path> e : SAMPLES.entrySet()) {
                InputKind kind = e.getKey();
                String[] args = c.args().apply(e.getValue().toString());
                CliRun r = CliRun.of(args);
                String said = r.err().lines().filter(l -> !l.isBlank()).reduce((x, y) -> y).orElse("").replace(dir.toString() + "/", "")
                        .replace("|", "\\|");
                table.append("| ").append(c.name()).append(" | ").append(kind.name().toLowerCase(java.util.Locale.ROOT))
                        .append(" | ").append(r.code()).append(" | ").append(said).append(" |\n");
                assertThat(r.err()).as(c.name() + " on " + kind).doesNotContain("Exception").doesNotContain("\tat ");
                boolean reads = c.reads().contains(kind) || kind == InputKind.DEBUGGER_LOG && c.name().startsWith("debugger");
                String where = c.name() + " on " + kind + ": exit " + r.code() + ", " + said;
                if (reads) {
                    if (r.code() == ExitCode.INPUT.code() && said.contains(", not ")) {
                        failures.add(where + " (a kind it reads was called wrong)");
                    }
                } else if (kind == InputKind.TEXT_OTHER) {
                    // unknown text goes to the reader, whose error names the line; --check's answer is the irregular lines
                    boolean checked = c.name().equals("lookup --check F") && r.code() == ExitCode.FINDINGS.code() && r.out().contains("irregular");
                    if (r.code() != ExitCode.INPUT.code() && !checked) {
                        failures.add(where + " (unknown text must be an input error)");
                    }
                } else if (r.code() != ExitCode.INPUT.code()) {
                    failures.add(where + " (expected exit 3)");
                } else if (kind == InputKind.EMPTY) {
                    if (!said.contains("is empty")) {
                        failures.add(where + " (must say the file is empty)");
                    }
                } else if (kind == InputKind.FOLDER) {
                    if (!said.contains("in the folder") && !said.contains("folder")) {
                        failures.add(where + " (must say what the folder lacks)");
                    }
                } else if (!said.contains(kind.title()) || kind.readBy() != null && !said.contains("read it with")) {
                    failures.add(where + " (must say what the file is and which command reads it)");
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/wrong-kind-inputs.md"), table.toString());
        assertThat(failures).as("see target/wrong-kind-inputs.md").isEmpty();
    }

    @Test
    void aFolderSkipsOtherKindsWithOneWarningEachAndFailsOnlyWhenNothingIsLeft() throws Exception {
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.copy(SAMPLES.get(InputKind.SNAPSHOT_JSONL), mixed.resolve("a.jsonl"));
        Files.copy(SAMPLES.get(InputKind.POOLMON), mixed.resolve("b.log"));
        Files.copy(SAMPLES.get(InputKind.TRACE_JSONL), mixed.resolve("trace.jsonl"));
        Files.copy(SAMPLES.get(InputKind.C_SOURCE), mixed.resolve("drv.c"));
        Files.copy(SAMPLES.get(InputKind.JSON_OTHER), mixed.resolve("settings.json"));
        CliRun leaks = CliRun.of("leaks", "--no-localtag", mixed.toString());
        assertThat(leaks.code()).as(leaks.err()).isIn(0, 1);
        assertThat(leaks.err().lines().filter(l -> l.contains(": skipped, it is "))).hasSize(3);
        assertThat(leaks.err()).contains("trace.jsonl: skipped, it is a pooltags allocation trace (read it with pooltags trace FILE)")
                .contains("drv.c: skipped, it is C/C++ source (read it with pooltags lint FILE)")
                .contains("settings.json: skipped, it is JSON that is none of pooltags' formats");
        assertThat(leaks.out()).contains("samples from");

        Path none = Files.createDirectories(dir.resolve("none"));
        Files.copy(SAMPLES.get(InputKind.C_SOURCE), none.resolve("drv.c"));
        CliRun nothing = CliRun.of("leaks", "--no-localtag", none.toString());
        assertThat(nothing.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(nothing.err()).contains("none: no snapshots").contains("C/C++ source (1)");

        // a source tree with no source is an error, not "0 files"
        CliRun lint = CliRun.of("lint", "--no-localtag", SAMPLES.get(InputKind.FOLDER).toString());
        assertThat(lint.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(lint.err()).contains("no C/C++ source in the folder or its subfolders").contains("1 file (.txt 1)");
    }
}
