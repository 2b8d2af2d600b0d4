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

    /**
     * Issue 17: {@code bench --help} printed "[picocli WARN] Could not format ..." for an unescaped % in a
     * description. Every command's and subcommand's help is rendered; picocli's warnings (which it prints on the
     * process's standard error) fail the test, and so does a description that is not rendered whole.
     */
    @Test
    void everyCommandsHelpRendersWithoutAPicocliWarning() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        java.util.List<String> rendered = new java.util.ArrayList<>();
        try {
            System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
            picocli.CommandLine root = Main.commandLine(new String[] {"--help"}, new java.io.PrintWriter(new java.io.StringWriter()),
                    new java.io.PrintWriter(new java.io.StringWriter()));
            java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(java.util.List.of(root));
            while (!todo.isEmpty()) {
                picocli.CommandLine c = todo.pop();
                String help = c.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
                assertThat(help).as(c.getCommandSpec().qualifiedName()).contains("Usage:").doesNotContain("%n");
                rendered.add(c.getCommandSpec().qualifiedName());
                todo.addAll(c.getSubcommands().values());
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).as("picocli warnings").isEmpty();
        assertThat(rendered).contains("pooltags bench snapshot", "pooltags lookup", "pooltags serve", "pooltags record")
                .hasSizeGreaterThan(20);
    }
}
