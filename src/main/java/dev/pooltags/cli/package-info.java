/**
 * The command line: picocli commands, one class per subcommand, shared options as mixins
 * ({@link dev.pooltags.cli.TagFileOptions}, {@link dev.pooltags.cli.OutputOption}, {@link dev.pooltags.cli.DebugOption}).
 * A command only wires sources, analyses and reports together; {@link dev.pooltags.cli.Main} maps failures to exit codes.
 */
package dev.pooltags.cli;
