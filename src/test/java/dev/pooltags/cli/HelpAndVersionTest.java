package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpAndVersionTest {
    @Test
    void topLevelHelpListsCommandsAndExitCodes() {
        CommandLineRun r = CommandLineRun.inProcess("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("lookup").contains("Exit status");
    }

    @Test
    void lookupHelpHasExamples() {
        CommandLineRun r = CommandLineRun.inProcess("lookup", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--tagfile").contains("--check").contains("--binary").contains("Examples");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CommandLineRun r = CommandLineRun.inProcess("frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("pooltags: ");
    }
}
