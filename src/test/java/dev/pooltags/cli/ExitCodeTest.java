package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The exit statuses a command returns are the numbers the README documents. */
class ExitCodeTest {
    @Test
    void eachStatusHasItsDocumentedNumber() {
        assertThat(ExitCode.OK.code()).isZero();
        assertThat(ExitCode.FINDINGS.code()).isEqualTo(1);
        assertThat(ExitCode.USAGE.code()).isEqualTo(2);
        assertThat(ExitCode.INPUT.code()).isEqualTo(3);
        assertThat(ExitCode.ENVIRONMENT.code()).isEqualTo(4);
        assertThat(ExitCode.INTERNAL.code()).isEqualTo(5);
        for (ExitCode e : ExitCode.values()) {
            assertThat(ExitCode.of(e.code())).isSameAs(e);
        }
        assertThatThrownBy(() -> ExitCode.of(6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExitCode.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A check in validate() is a usage error before any work: exit 2, one line. */
    @Test
    void aCheckOfTheOptionsIsAUsageErrorBeforeTheWork() {
        CommandLineRun r = CommandLineRun.inProcess("debugger", "--top", "0", "no-such-file.log");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).isEqualTo("pooltags: --top must be 1 or more" + System.lineSeparator());
        CommandLineRun lookup = CommandLineRun.inProcess("lookup", "--binary", "ntfs.sys", "Ntfx");
        assertThat(lookup.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(lookup.err()).contains("--binary lists one binary's tags and takes no tags (got 'Ntfx')");
    }
}
