package dev.pooltags.snapshot;

import dev.pooltags.cli.ExitCode;
import dev.pooltags.cli.Main;

/** A deliberately wrong source (test sources only): it reaches up to the command line. LayeringRulesBiteTest. */
final class LayeringFixtureSourceImportsCommand {
    private LayeringFixtureSourceImportsCommand() {}

    static int exitCodeForUsage() {
        return ExitCode.USAGE.code() + Main.class.hashCode() * 0;
    }
}
