package dev.pooltags.cli;

import dev.pooltags.bench.TagDatabaseBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pooltags bench}: measures each capability against a baseline run in the same process. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks: each measures one capability and a baseline over the same data in the same run, "
                + "and prints the ratio.", ""},
        subcommands = {BenchCommand.TagDb.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code pooltags bench tagdb FILE}. */
    @Command(name = "tagdb", mixinStandardHelpOptions = true,
            description = "Load+index a tag file vs. reading its bytes; exact lookups per second.")
    static final class TagDb implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DebugOption debug;

        @Parameters(paramLabel = "FILE", description = "The tag file (e.g. pooltag.txt).")
        Path file;

        @Option(names = "--rounds", description = "Timed rounds for load and read (default ${DEFAULT-VALUE}).")
        int rounds = 200;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            TagDatabaseBenchmark.Result r = TagDatabaseBenchmark.run(file, rounds);
            out.printf("file            %s (%,d bytes, %,d entries)%n", file, r.bytes(), r.entries());
            out.printf("read bytes      %,10.3f ms   (baseline: Files.readAllBytes; fastest of %d rounds)%n", r.readNanos() / 1e6, rounds);
            out.printf("load + index    %,10.3f ms   ratio to read: %.2fx (target <= 5x)%n", r.loadNanos() / 1e6,
                    r.loadToReadRatio());
            out.printf("exact lookups   %,.0f per second (target >= 10,000,000)%n", r.lookupsPerSecond());
            out.flush();
            return Main.OK;
        }
    }
}
