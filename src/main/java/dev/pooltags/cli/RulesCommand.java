package dev.pooltags.cli;

import dev.pooltags.serve.AlertRules;
import dev.pooltags.serve.RuleOptions;
import dev.pooltags.source.UsageException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pooltags rules}: Prometheus recording and alerting rules for the metrics of {@code pooltags serve}. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Write Prometheus recording and alerting rules for the metrics of 'pooltags serve': per-tag "
                + "growth that keeps going (PoolTagLeak), pool growth (PoolGrowing) and predicted pool exhaustion "
                + "(PoolExhaustionPredicted).", ""},
        footer = {"", "Durations as Prometheus writes them (30m, 6h, 7d); sizes as 1MiB, 512KiB or bytes.",
                "A cache that fills and levels off stays quiet if it fills in less than --for minus --recent.",
                "", "Examples:",
                "  pooltags rules -o pooltags-rules.yml && promtool check rules pooltags-rules.yml",
                "  pooltags rules --selector 'job=\"windows-pool\"' --tag-growth 4MiB --for 6h --label team=drivers",
                "", "Exit status: 0 written, 2 usage error."})
public final class RulesCommand extends Subcommand {
    @Mixin
    OutputOption output;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "6h",
            description = "Window of the growth rates and the prediction (default ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--recent", paramLabel = "DURATION", defaultValue = "1h",
            description = "Window showing the growth still goes on (default ${DEFAULT-VALUE}).")
    String recent;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = "3h",
            description = "How long a condition holds before its alert fires (default ${DEFAULT-VALUE}).")
    String holdFor;

    @Option(names = "--tag-growth", paramLabel = "SIZE", defaultValue = "1MiB",
            description = "Per-tag growth per hour that makes a leak (default ${DEFAULT-VALUE}/h).")
    String tagGrowth;

    @Option(names = "--pool-growth", paramLabel = "SIZE", defaultValue = "16MiB",
            description = "Pool growth per hour worth an alert (default ${DEFAULT-VALUE}/h).")
    String poolGrowth;

    @Option(names = "--horizon", paramLabel = "DURATION", defaultValue = "7d",
            description = "How far ahead pool exhaustion is predicted (default ${DEFAULT-VALUE}).")
    String horizon;

    @Option(names = "--exhaustion-fraction", paramLabel = "F", defaultValue = "0.8",
            description = "The pool is exhausted at this fraction of physical memory (default ${DEFAULT-VALUE}).")
    double fraction;

    @Option(names = "--pool-limit", paramLabel = "SIZE",
            description = "A fixed pool limit instead of the fraction of physical memory.")
    String poolLimit;

    @Option(names = "--selector", paramLabel = "MATCHERS", defaultValue = "",
            description = "Label matchers added to every selector, e.g. job=\"pooltags\".")
    String selector;

    @Option(names = "--label", paramLabel = "NAME=VALUE", description = "A label added to every alert (repeatable).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Override
    protected ExitCode execute() {
        RuleOptions o;
        try {
            o = new RuleOptions(d("--window", window), d("--recent", recent), d("--for", holdFor),
                    size("--tag-growth", tagGrowth), size("--pool-growth", poolGrowth), d("--horizon", horizon),
                    fraction, poolLimit == null ? 0 : size("--pool-limit", poolLimit), selector, labels);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        output.write(spec.commandLine().getOut(), w -> {
            w.print(AlertRules.yaml(o));
        });
        return ExitCode.OK;
    }

    private static Duration d(String option, String text) {
        return ServeCommand.duration(option, text);
    }

    private static long size(String option, String text) {
        try {
            long v = AlertRules.parseBytes(text);
            if (v <= 0) {
                throw new UsageException(option + " must be more than 0 bytes");
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
