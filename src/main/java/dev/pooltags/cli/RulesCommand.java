package dev.pooltags.cli;

import dev.pooltags.serve.AlertRules;
import dev.pooltags.serve.RuleOptions;
import dev.pooltags.source.UsageException;
import dev.pooltags.threshold.Threshold;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pooltags rules}: Prometheus recording and alerting rules for the metrics of {@code pooltags serve}. */
@Command(name = "rules", mixinStandardHelpOptions = true, modelTransformer = RulesCommand.Thresholds.class)
public final class RulesCommand extends Subcommand {
    @Mixin
    OutputOption output;

    // --window to --exhaustion-fraction: made from RuleOptions.THRESHOLDS by Thresholds below, shown here in help

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
            o = new RuleOptions(d(RuleOptions.WINDOW), d(RuleOptions.RECENT), d(RuleOptions.HOLD_FOR),
                    size(RuleOptions.TAG_GROWTH), size(RuleOptions.POOL_GROWTH), d(RuleOptions.HORIZON),
                    ThresholdOptions.values(spec).get(RuleOptions.EXHAUSTION_FRACTION),
                    poolLimit == null ? 0 : size("--pool-limit", poolLimit), selector, labels);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        output.write(spec.commandLine().getOut(), w -> {
            w.print(AlertRules.yaml(o));
        });
        return ExitCode.OK;
    }

    /** Adds the options of the rule thresholds, before --pool-limit; durations and sizes are read as text. */
    public static final class Thresholds implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return ThresholdOptions.insert(spec, RuleOptions.THRESHOLDS, "--pool-limit");
        }
    }

    private Duration d(Threshold<Duration> t) {
        return d("--" + t.name(), ThresholdOptions.text(spec, t));
    }

    private long size(Threshold<Long> t) {
        return size("--" + t.name(), ThresholdOptions.text(spec, t));
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
