package dev.pooltags.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: stack traces with errors. Mixed into every command. */
public final class DebugOption {
    @Option(names = "--debug", description = "Print the stack trace with an error.")
    boolean debug;
}
