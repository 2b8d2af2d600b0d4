package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.RecordingReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** snapshot, convert and record through the real command line. */
class SnapshotCommandsTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static final String SCREEN = " Tag  Type     Allocs            Frees            Diff   Bytes       Per Alloc\n\n"
            + " Abcd Nonp         10 (   0)         5 (   0)        5     100 (     0)     20\n"
            + " Leak Paged       900 (   0)       100 (   0)      800  819200 (     0)   1024\n"
            + " Io   Nonp          3 (   0)         1 (   0)        2      64 (     0)     32\n";

    @Test
    void snapshotOfAFileSortedAndFiltered(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("poolsnap.log");
        Files.writeString(f, SCREEN);
        Run r = run("snapshot", "--source", "replay:" + f, "--sort", "bytes", "--top", "2");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[1]).startsWith("# owners: "); // where owners come from, or how to get them
        assertThat(lines[2]).startsWith("Tag");
        assertThat(lines[3]).startsWith("Leak").contains("819200");
        assertThat(lines[4]).startsWith("Abcd");
        assertThat(lines).hasSize(5);
        Run csv = run("snapshot", "--source", "replay:" + f, "--exclude", "Io", "--format", "csv");
        assertThat(csv.out()).contains(",tag,Leak,Paged,900,100,800,819200,1024").doesNotContain(",tag,Io  ,");
    }

    @Test
    void windowsSourceOnLinuxIsOneLineAndExit4() {
        Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"));
        Run r = run("snapshot", "--source", "windows");
        assertThat(r.code()).isEqualTo(ExitCode.ENVIRONMENT.code());
        assertThat(r.err().trim().lines()).hasSize(1);
        assertThat(r.err()).startsWith("pooltags: the windows source reads the Windows kernel's pool");
    }

    @Test
    void linuxSourceShowsRealSlabCaches() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/slabinfo")), "/proc/slabinfo is readable by root only");
        Run r = run("snapshot", "--source", "linux", "--include", "kmalloc-*", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"name\":\"kmalloc-").contains("\"memory.total\"");
    }

    @Test
    void badInputNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.log");
        Files.writeString(f, SCREEN + " Oops Nonp   1 (0) 2\n");
        Run r = run("convert", f.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(r.err()).startsWith("pooltags: " + f + ":6: not a PoolMon row");
        Run unknown = run("snapshot", "--source", "nowhere");
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE.code());
        Run noOut = run("convert", f.toString(), "--format", "rec");
        assertThat(noOut.code()).isEqualTo(ExitCode.USAGE.code()); // where to write is checked before minutes of reading
        Path good = dir.resolve("good.log");
        Files.writeString(good, SCREEN);
        assertThat(run("convert", good.toString(), "--format", "rec").code()).isEqualTo(ExitCode.USAGE.code());
        Path foreign = dir.resolve("x.bin");
        Files.write(foreign, new byte[] {0, 1, 2, 3});
        Run bin = run("convert", foreign.toString(), "--format", "json");
        assertThat(bin.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(bin.err()).contains("is a binary file of no kind pooltags knows, not snapshots");
    }

    @Test
    void recordReplayAndConvert(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        Files.writeString(a, SCREEN);
        Files.writeString(b, SCREEN.replace("819200", "921600").replace("900 (", "1000 (").replace("      800  ", "      900  "));
        Files.setLastModifiedTime(b, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 60_000));
        Path json = dir.resolve("series.jsonl");
        assertThat(run("convert", dir.toString(), "--format", "json", "-o", json.toString()).code()).isZero();
        Path rec = dir.resolve("r.rec");
        Run rr = run("record", "--source", "replay:" + json, "-o", rec.toString());
        assertThat(rr.code()).as(rr.err()).isZero();
        assertThat(RecordingReader.readAll(rec).samples()).hasSize(2);
        Run last = run("snapshot", "--source", "replay:" + rec, "--sample", "last", "--include", "Leak");
        assertThat(last.out()).contains("921600");
        Run back = run("convert", rec.toString(), "--format", "poolmon");
        assertThat(back.out()).contains(" 1000 ( 100)"); // the change of Leak's allocs between the two samples
    }
}
