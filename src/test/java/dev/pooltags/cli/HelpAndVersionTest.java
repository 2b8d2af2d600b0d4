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
            picocli.CommandLine root = Main.commandLine(new String[] {"completion"}, new java.io.PrintWriter(new java.io.StringWriter()),
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

    /** Issue 15: help that is true, on every command. */
    @Test
    void everyHelpKeepsParagraphsWholeAndBangWordsTogetherAndNamesTheDemoSource() {
        picocli.CommandLine root = Main.commandLine(new String[] {"completion"}, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()));
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(java.util.List.of(root));
        int withSource = 0;
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            String name = c.getCommandSpec().qualifiedName();
            java.util.List<String> lines = c.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF).lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                String l = lines.get(i);
                String next = lines.get(i + 1);
                assertThat(l).as(name + ": a line ends with '!', its word on the next line").doesNotEndWith("!");
                boolean broken = !l.isBlank() && !l.startsWith(" ") && l.length() < 60 && !l.matches(".*[.:;)]$")
                        && next.matches("^[a-z(].*");
                assertThat(broken).as(name + ": a paragraph broken mid-sentence:\n" + l + "\n" + next).isFalse();
            }
            if (c.getCommandSpec().findOption("--source") != null && !name.startsWith("pooltags bench")) {
                withSource++;
                String help = String.join(" ", c.getCommandSpec().findOption("--source").description());
                assertThat(help).as(name).contains("demo:SCENARIO");
                for (String scenario : dev.pooltags.sim.Scenarios.NAMES) {
                    assertThat(help).as(name + " names the scenario " + scenario).contains(scenario);
                }
            }
        }
        assertThat(withSource).as("top, snapshot, record, serve").isGreaterThanOrEqualTo(4);
    }

    @Test
    void versionIsTheReleaseAndTheCommit() {
        CommandLineRun r = CommandLineRun.inProcess("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("pooltags \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{7,} \\d{4}-\\d\\d-\\d\\d|unknown)");
        assertThat(r.out()).doesNotContain("development");
    }

    @Test
    void aTypoGetsASuggestionAndHelpIsACommand() {
        CommandLineRun typo = CommandLineRun.inProcess("lokup", "Ntfx");
        assertThat(typo.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(typo.err()).contains("did you mean: lookup?");
        CommandLineRun option = CommandLineRun.inProcess("top", "--onse");
        assertThat(option.err()).contains("did you mean: --once?");
        CommandLineRun help = CommandLineRun.inProcess("help", "lookup");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: pooltags lookup");
        assertThat(CommandLineRun.inProcess("help").out()).contains("completion").contains("help");
    }

    @Test
    void completionScriptsForBashZshAndPowerShell() throws Exception {
        CommandLineRun bash = CommandLineRun.inProcess("completion", "bash");
        assertThat(bash.exit()).isZero();
        assertThat(bash.out()).contains("complete -F _complete_pooltags");
        assertThat(CommandLineRun.inProcess("completion", "zsh").out()).isEqualTo(bash.out()).contains("bashcompinit");
        CommandLineRun ps = CommandLineRun.inProcess("completion", "powershell");
        assertThat(ps.out()).contains("Register-ArgumentCompleter -Native -CommandName pooltags, pooltags.cmd")
                .contains("'top' = @(").contains("'--once'").contains("'bench snapshot' = @(");
        for (String c : PooltagsCommand.SUBCOMMANDS.keySet()) {
            assertThat(ps.out()).as(c).contains("'" + c + "'");
        }
        assertThat(CommandLineRun.inProcess("completion", "fish").exit()).isEqualTo(ExitCode.USAGE.code());

        java.nio.file.Path script = java.nio.file.Files.createTempFile("pooltags-completion", ".bash");
        java.nio.file.Files.writeString(script, bash.out());
        try {
            // bash really completes with it: "pooltags lo<Tab>" and "pooltags top --on<Tab>"
            assertThat(complete("bash", script, "COMP_WORDS=(pooltags lo); COMP_CWORD=1")).isEqualTo("lookup");
            assertThat(complete("bash", script, "COMP_WORDS=(pooltags top --on); COMP_CWORD=2")).isEqualTo("--once");
            if (dev.pooltags.TestTools.onPath("zsh")) {
                // zsh runs the function through bashcompinit, under 'emulate sh' (arrays from 0), and its compgen -W
                // returns every candidate: zsh's own matcher then keeps those that start with what was typed
                for (String[] c : new String[][] {{"COMP_WORDS=(pooltags lo); COMP_CWORD=1", "lo", "lookup"},
                        {"COMP_WORDS=(pooltags top --on); COMP_CWORD=2", "--on", "--once"}}) {
                    String all = complete("zsh", script, "emulate sh; " + c[0]);
                    assertThat(java.util.Arrays.stream(all.split(" ")).filter(w -> w.startsWith(c[1])))
                            .as("zsh: %s -> %s", c[0], all).containsExactly(c[2]);
                }
            }
        } finally {
            java.nio.file.Files.delete(script);
        }
    }

    private static String complete(String shell, java.nio.file.Path script, String words) throws Exception {
        String cmd = "source '" + script + "' 2>/dev/null; " + words + "; _complete_pooltags 2>/dev/null; echo \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder(shell, "-c", cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    /** A one-shot command builds only its own command: no class of another command is loaded. */
    @Test
    void lookupLoadsNoOtherCommand() throws Exception {
        java.nio.file.Path tags = java.nio.file.Files.createTempFile("pooltag", ".txt");
        java.nio.file.Files.writeString(tags, "Ntfx - ntfs.sys - probe\r\n");
        java.util.List<String> cmd = dev.pooltags.snapshot.ChildJvm.command("lookup", "Ntfx", "--no-localtag", "--tagfile", tags.toString());
        cmd.add(1, "-Xlog:class+load=info");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
            java.util.Set<String> commands = new java.util.TreeSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("dev\\.pooltags\\.cli\\.(\\w+Command)\\b").matcher(out);
            while (m.find()) {
                commands.add(m.group(1));
            }
            // issue 15: the plain form runs through FastPath, so neither the top command nor picocli's command line and
            // model are loaded (only the small interfaces the command implements: IFactory, ITypeConverter)
            assertThat(commands).containsExactly("LookupCommand");
            assertThat(out).doesNotContain("picocli.CommandLine ").doesNotContain("picocli.CommandLine$Model");
        } finally {
            java.nio.file.Files.delete(tags);
        }
    }

    /** The list of commands shows each command's own description, read without building the command. */
    @Test
    void theCommandListIsTheCommandsOwnDescriptions() {
        picocli.CommandLine listing = Main.commandLine(new String[] {"--help"}, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()));
        picocli.CommandLine real = Main.commandLine(new String[] {"completion"}, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(listing.getSubcommands().keySet()).containsExactlyElementsOf(real.getSubcommands().keySet());
        for (String n : real.getSubcommands().keySet()) {
            assertThat(listing.getSubcommands().get(n).getCommandSpec().usageMessage().description()).as(n)
                    .containsExactly(real.getSubcommands().get(n).getCommandSpec().usageMessage().description());
        }
        assertThat(listing.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF)).isEqualTo(real.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF));
    }
}
