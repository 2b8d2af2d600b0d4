package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code pooltags special-pool} against the pages it cites: every command, value and message of Microsoft's "Example 14:
 * Configuring Special Pool" (gflags-commands, example-14, gflags-details, special-pool) appears as the page has it.
 */
class SpecialPoolCommandTest {
    private static final String KEY = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management";

    @Test
    @DisplayName("Example 14's Tag1: gflags /k and /r +spp Tag1, 'Special Pool set to 0x31676154', the PoolTag value, -spp")
    void example14Tag() {
        CommandLineRun r = CommandLineRun.inProcess("special-pool", "Tag1");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("gflags /k +spp Tag1").contains("gflags /r +spp Tag1").contains("Special Pool set to 0x31676154")
                .contains("/v PoolTag /t REG_DWORD /d 0x31676154").contains("/v PoolTagOverruns /t REG_DWORD /d 1")
                .contains("reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management\" /v PoolTag")
                .contains("gflags /k -spp").contains("gflags /r -spp").contains("Special Pool value has been deleted.")
                .contains("only one pool tag (or one allocation size) is in effect")
                .contains("https://learn.microsoft.com/windows-hardware/drivers/debugger/example-14---configuring-special-pool")
                .contains("https://learn.microsoft.com/windows-hardware/drivers/debugger/gflags-details")
                .contains("System Registry tab")
                .doesNotContain("verifier");
    }

    @Test
    @DisplayName("by size, as Example 14: 1 to 8 bytes on x86 is 0x10; 1025 to 1040 bytes on x64 is 0x420")
    void bySize() {
        assertThat(CommandLineRun.inProcess("special-pool", "--size", "8", "--x86").out()).contains("gflags /k +spp 0x10")
                .contains("Special Pool set to 0x10").contains("allocations of 1 to 8 bytes");
        assertThat(CommandLineRun.inProcess("special-pool", "--size", "1040").out()).contains("gflags /r +spp 0x420")
                .contains("allocations of 1025 to 1040 bytes").contains("rarely useful");
        assertThat(CommandLineRun.inProcess("special-pool", "--size", "0xFE0").out()).contains("0xFF0");
        CommandLineRun big = CommandLineRun.inProcess("special-pool", "--size", "4096");
        assertThat(big.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(big.err()).contains("special pool by size covers allocations of 1 to 0xfe0 bytes (x64), not 4096");
    }

    @Test
    @DisplayName("a tag whose value is below PAGE_SIZE is also a size; '*' is every allocation; a tag with spaces goes by its value")
    void specialValues() {
        assertThat(CommandLineRun.inProcess("special-pool", "0x00000030").out()).contains("is below PAGE_SIZE (0x1000)")
                .contains("allocations of 17 to 32 bytes go to special pool as well");
        assertThat(CommandLineRun.inProcess("special-pool", "*").out()).contains("'*' (0x2A) puts every allocation on the system in special pool")
                .contains("gflags /k +spp *");
        assertThat(CommandLineRun.inProcess("special-pool", "Io").out()).doesNotContain("gflags /k +spp")
                .contains("/d 0x20206F49").contains("type all four characters exactly");
    }

    @Test
    @DisplayName("--driver adds Driver Verifier's special pool (0x1) and pool tracking (0x8), volatile or after restart, and /reset")
    void driver() {
        CommandLineRun r = CommandLineRun.inProcess("special-pool", "amda", "--driver", "amdacpbus2.sys", "--underruns");
        assertThat(r.out()).contains("verifier /flags 0x9 /driver amdacpbus2.sys").contains("verifier /volatile /flags 0x1 /adddriver amdacpbus2.sys")
                .contains("verifier /reset").contains("GFlags cannot cancel special pool that Driver Verifier requested")
                .contains("/v PoolTagOverruns /t REG_DWORD /d 0").contains("Verify Start")
                .contains("https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool");
    }

    @Test
    @DisplayName("--format reg: the documented key and values, CR LF; --off deletes PoolTag")
    void reg() {
        String on = CommandLineRun.inProcess("special-pool", "amda", "--format", "reg").out();
        assertThat(on).startsWith("Windows Registry Editor Version 5.00\r\n").contains("[" + KEY + "]\r\n")
                .contains("\"PoolTag\"=dword:61646d61\r\n").contains("\"PoolTagOverruns\"=dword:00000001\r\n");
        assertThat(on.replace("\r\n", "")).doesNotContain("\n");
        String off = CommandLineRun.inProcess("special-pool", "--off", "--format", "reg").out();
        assertThat(off).contains("\"PoolTag\"=-\r\n").doesNotContain("dword");
    }

    @Test
    void json() throws Exception {
        JsonNode j = new ObjectMapper().readTree(CommandLineRun.inProcess("special-pool", "amda", "--format", "json").out());
        assertThat(j.get("value").asText()).isEqualTo("0x61646D61");
        assertThat(j.get("registryKey").asText()).isEqualTo(KEY);
        assertThat(j.get("steps").get(0).get("url").asText()).startsWith("https://learn.microsoft.com/");
    }

    @Test
    @DisplayName("bad arguments: no tag, tag and size, a five-character tag, a pattern too long, --off with text, --apply off Windows")
    void badArguments() {
        assertThat(CommandLineRun.inProcess("special-pool").exit()).isEqualTo(ExitCode.USAGE.code());
        CommandLineRun both = CommandLineRun.inProcess("special-pool", "amda", "--size", "16");
        assertThat(both.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(both.err()).contains("only one special-pool tag or size is in effect at a time");
        assertThat(CommandLineRun.inProcess("special-pool", "Ntfxx").err()).contains("has 5 characters");
        assertThat(CommandLineRun.inProcess("special-pool", "Fat**").err()).contains("four-character pattern");
        assertThat(CommandLineRun.inProcess("special-pool", "--off").exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(CommandLineRun.inProcess("special-pool", "amda", "--driver", "C:\\x\\y").exit()).isEqualTo(ExitCode.USAGE.code());
        if (!System.getProperty("os.name").toLowerCase().startsWith("windows")) {
            CommandLineRun apply = CommandLineRun.inProcess("special-pool", "amda", "--apply", "--yes");
            assertThat(apply.exit()).isEqualTo(ExitCode.ENVIRONMENT.code());
            assertThat(apply.err()).startsWith("pooltags: --apply writes the Windows registry and works on Windows only").doesNotContain("\tat ");
        }
    }

    @Test
    @DisplayName("trace --special-pool takes one tag, as Windows does")
    void traceOneTag() {
        CommandLineRun r = CommandLineRun.inProcess("trace", "x.csv", "--special-pool", "Ab*", "--special-pool", "Cd*");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("--special-pool");
        assertThat(CommandLineRun.inProcess("trace", "--help").out()).contains("GFlags' kernel special pool tag").doesNotContain("gflags /p");
    }
}
