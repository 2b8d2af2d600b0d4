/**
 * The command line: picocli commands, one class per subcommand, each a {@link dev.pooltags.cli.Subcommand} (the spec
 * and {@code --debug} declared once; options checked in {@code validate()}, the work in {@code execute()}, which
 * returns an {@link dev.pooltags.cli.ExitCode}), shared options as mixins ({@link dev.pooltags.cli.TagFileOptions},
 * {@link dev.pooltags.cli.OutputOption}, {@link dev.pooltags.cli.SourceOption}); a command that writes a report
 * declares {@link dev.pooltags.cli.ReportOptions} ({@code -o} and a {@code --format} that accepts the names of its
 * renderers, {@link dev.pooltags.report.Renderers}). A command only wires sources,
 * analyses and reports together; {@link dev.pooltags.cli.Main} maps failures to exit codes. The subcommands are
 * named in {@link dev.pooltags.cli.PooltagsCommand} by class name, so only the one that runs is loaded; {@code bench}
 * is not in the product jar (src/bench/java). What a subcommand's {@code --help} says above and below its options is
 * text, not code: {@code help/<name>.txt} beside these classes (read by {@link dev.pooltags.cli.PooltagsCommand}).
 */
package dev.pooltags.cli;
