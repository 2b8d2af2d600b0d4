package dev.pooltags.bench;

import dev.pooltags.cli.ExitCode;
import dev.pooltags.cli.Subcommand;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags bench lint [DIR]}. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Lint a quarter, a half and all of a source tree, each in a JVM of its own with the options "
                + "'./pooltags lint' uses: time, lines per second and peak resident memory per step, against "
                + "'grep -rn ExAllocatePool' over the same tree. Then the shapes that once made lint quadratic: "
                + "one function of 1,000 and of 8,000 allocate/free pairs, and a 50 MB file that is one line.", ""})
final class LintBench extends Subcommand {
    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "The source tree (e.g. clones of driver trees side by side); without it only the shapes run.")
    Path dir;

    @Option(names = "--rounds", description = "Lint rounds per step in its JVM, the fastest shown (default ${DEFAULT-VALUE}).")
    int rounds = 1;

    @Option(names = "--copies", paramLabel = "N",
            description = "Measure N copies of the tree's sources in a temporary folder (removed afterwards).")
    int copies = 1;

    @Option(names = "--no-shapes", description = "Skip the pairs and one-line shapes.")
    boolean noShapes;

    @Override
    protected void validate() {
        require(rounds >= 1 && copies >= 1, "--rounds and --copies take a number of 1 or more");
        require(dir != null || !noShapes, "nothing to measure: name a source tree, or leave out --no-shapes");
    }

    @Override
    protected ExitCode execute() {
        out().printf("lint runs in a JVM of its own with %s, as './pooltags lint' does%n",
                String.join(" ", LintBenchmark.JVM_OPTIONS));
        out().flush();
        double loadBefore = LintBenchmark.loadAverage();
        LintBenchmark.Result r = LintBenchmark.run(dir, rounds, copies, !noShapes);
        double loadAfter = LintBenchmark.loadAverage();
        BenchText.lint(out(), dir, r, loadBefore, loadAfter);
        return ExitCode.OK;
    }
}
