package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one line on stderr naming what and where, the documented exit code, no stack trace. */
class TraceCommandBadInputTest {
    private static void assertOneLine(CommandLineRun r, int exit, String... fragments) {
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err()).startsWith("pooltags: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isEqualTo(1);
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    @Test
    void missingFile() {
        assertOneLine(CommandLineRun.inProcess("trace", "/nonexistent/trace.csv"), ExitCode.INPUT.code(), "/nonexistent/trace.csv", "no such file");
    }

    @Test
    void binaryEtl(@TempDir Path dir) throws Exception {
        Path etl = dir.resolve("pool.etl");
        Files.write(etl, new byte[] {0, 0x40, 0, 0, 1, 2, 3});
        assertOneLine(CommandLineRun.inProcess("trace", etl.toString()), ExitCode.INPUT.code(), "pool.etl", "binary", "xperf -i trace.etl");
    }

    @Test
    void unknownFormat(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "Tag Type Allocs\nNtfx Nonp 1\n");
        assertOneLine(CommandLineRun.inProcess("trace", f.toString()), ExitCode.INPUT.code(), "notes.txt:1:", "cannot tell the format");
    }

    @Test
    void emptyFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("empty.csv");
        Files.writeString(f, "");
        assertOneLine(CommandLineRun.inProcess("trace", f.toString()), ExitCode.INPUT.code(), "empty.csv", "is empty");
    }

    @Test
    void headerWithoutAddressColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, "BeginHeader\nPoolAlloc, TimeStamp, Tag, Size\nEndHeader\n");
        assertOneLine(CommandLineRun.inProcess("trace", f.toString()), ExitCode.INPUT.code(), "p.csv:2:", "no address");
    }

    @Test
    void folder(@TempDir Path dir) {
        assertOneLine(CommandLineRun.inProcess("trace", dir.toString()), ExitCode.INPUT.code(), "no allocation trace in the folder: it is empty");
    }

    @Test
    void badOptions() {
        String f = "src/test/resources/dev/pooltags/trace/golden-trace.jsonl";
        assertOneLine(CommandLineRun.inProcess("trace", f, "--window", "5m"), ExitCode.USAGE.code(), "--window takes FROM,TO");
        assertOneLine(CommandLineRun.inProcess("trace", f, "--window", "soon,later"), ExitCode.USAGE.code(), "'soon' is not a time");
        assertOneLine(CommandLineRun.inProcess("trace", f, "--window", "5m,1m"), ExitCode.USAGE.code(), "ends (1m) before it starts");
        assertOneLine(CommandLineRun.inProcess("trace", f, "--verify", "x.sys:turbo"), ExitCode.USAGE.code(), "'turbo' is not a verifier option");
        assertOneLine(CommandLineRun.inProcess("trace", f, "--alignment", "middle"), ExitCode.USAGE.code(), "'middle'");
        assertOneLine(CommandLineRun.inProcess("trace", f, "--special-pool", "TooLong"), ExitCode.USAGE.code(), "TooLong");
        assertThat(CommandLineRun.inProcess("trace").exit()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void truncatedAndUnknownLinesAreReportedAndReplayContinues(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, "BeginHeader\nPoolAlloc, TimeStamp, Tag, Size, Address\nPoolFree, TimeStamp, Address\nEndHeader\n"
                + "PoolAlloc, 10, Ab12, 100\nMystery, 11, 12\nPoolFree, 12, 0x999\nPoolAlloc, 9, Ab12, 100, 0x1010\n");
        CommandLineRun r = CommandLineRun.inProcess("trace", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("p.csv:5: PoolAlloc has 4 of the 5 fields").contains("p.csv:6: event 'Mystery' is not declared")
                .contains("p.csv:7: free of 0x999, which the trace never allocated").contains("p.csv:8: event at")
                .contains("out of time order").contains("outstanding at the end: 1 allocations");
    }
}
