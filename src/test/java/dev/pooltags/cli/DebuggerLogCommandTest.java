package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pooltags debugger} on several logs of one machine, and {@code leaks} over the same logs; bad input. */
class DebuggerLogCommandTest {
    @TempDir
    Path dir;

    /** A day's log: the session time, a !poolused 2 in which Zzq1 grows, symbol noise inside the table. */
    static String day(int i) {
        long allocs = 4000 + i * 1000L;
        long bytes = 1_000_000 + i * 250_000L;
        return String.format(Locale.ROOT, """
                Microsoft (R) Windows Debugger Version 10.0.26100.1 AMD64
                Debug session time: Thu Nov 14 %02d:00:00.000 2024 (UTC + 8:00)
                0: kd> !poolused 2
                ....
                 Sorting by NonPaged Pool Consumed

                               NonPaged                  Paged
                 Tag     Allocs         Used     Allocs         Used

                 Zzq1   %8d   %10d          0            0\tUNKNOWN pooltag 'Zzq1', please update pooltag.txt
                *** ERROR: Symbol file could not be found.  Defaulted to export symbols for zzdrv.sys -
                 Filx       900       400000         12         4096\tFile objects , Binary: nt!io
                0: kd> .logclose
                """, 8 + i, allocs, bytes).replace("\n", "\r\n");
    }

    private List<String> logs(int n) throws Exception {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path p = dir.resolve("day" + i + ".log");
            Files.writeString(p, day(i), StandardCharsets.ISO_8859_1);
            out.add(p.toString());
        }
        return out;
    }

    @Test
    @DisplayName("several logs: the tag's row in each !poolused, dated by the session time, and the growth between them")
    void severalLogs() throws Exception {
        List<String> args = new ArrayList<>(List.of("debugger", "--no-localtag"));
        args.addAll(logs(3));
        CommandLineRun r = CommandLineRun.inProcess(args.toArray(String[]::new));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Tag Zzq1 (0x31717A5A, in a driver's source '1qzZ'): the most bytes in !poolused (" + dir.resolve("day2.log") + ":10)")
                .contains("at 2024-11-14T00:00:00Z").contains("at 2024-11-14T02:00:00Z")
                .contains("over 3 !poolused outputs the bytes went from 1,000,000 to 1,500,000 (+500,000)")
                .contains("!poolfind Zzq1 0");
        args.add("--format");
        args.add("json");
        JsonNode j = new ObjectMapper().readTree(CommandLineRun.inProcess(args.toArray(String[]::new)).out());
        assertThat(j.get("usage")).hasSize(3);
        assertThat(j.get("usage").get(2).get("time").asText()).isEqualTo("2024-11-14T02:00:00Z");
        assertThat(j.get("usage").get(2).get("origin").get("line").asInt()).isEqualTo(10);
    }

    @Test
    @DisplayName("leaks over the same logs: their !poolused outputs are a series dated by the session time")
    void leaksOverLogs() throws Exception {
        List<String> args = new ArrayList<>(List.of("leaks"));
        args.addAll(logs(6));
        CommandLineRun r = CommandLineRun.inProcess(args.toArray(String[]::new));
        assertThat(r.out()).contains("6 samples from 2024-11-14 00:00:00Z to 2024-11-14 05:00:00Z (5h 00m)")
                // six samples are too few for a leak verdict (ten are needed): the growth is shown, too early to judge
                .containsPattern("too early\\s+Zzq1\\s+Nonp").contains("a likely leak needs 10 samples (6 so far)");
    }

    @Test
    @DisplayName("bad input: a missing log, a binary file, a log without pool commands, bad options")
    void badInput() throws Exception {
        CommandLineRun missing = CommandLineRun.inProcess("debugger", dir.resolve("nope.log").toString());
        assertThat(missing.exit()).isEqualTo(ExitCode.INPUT.code());
        assertThat(missing.err()).isEqualTo("pooltags: " + dir.resolve("nope.log") + ": no such file or folder\n");
        Path bin = dir.resolve("MEMORY.DMP");
        Files.write(bin, new byte[] {'P', 'A', 'G', 'E', 'D', 'U', '6', '4', 0, 0, 0, 0});
        CommandLineRun b = CommandLineRun.inProcess("debugger", bin.toString());
        assertThat(b.exit()).isEqualTo(ExitCode.INPUT.code());
        assertThat(b.err()).startsWith("pooltags: " + bin + ": is a Windows kernel crash dump, not a WinDbg/KD session log; read it with "
                + "pooltags dump FILE").doesNotContain("\tat ");
        Path other = dir.resolve("other.log");
        Files.writeString(other, "0: kd> !process 0 0\n**** NT ACTIVE PROCESS DUMP ****\n");
        assertThat(CommandLineRun.inProcess("debugger", other.toString()).err()).contains("no command pooltags reads was found");
        String log = logs(1).get(0);
        assertThat(CommandLineRun.inProcess("debugger", log, "--top", "0").exit()).isEqualTo(ExitCode.USAGE.code());
        CommandLineRun tag = CommandLineRun.inProcess("debugger", log, "--tag", "Zzq12");
        assertThat(tag.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(tag.err()).contains("has 5 characters");
        assertThat(CommandLineRun.inProcess("debugger").exit()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void help() {
        CommandLineRun r = CommandLineRun.inProcess("debugger", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("pooltags debugger customer.log").contains("!verifier 0x80");
        assertThat(r.err()).isEmpty();
    }
}
