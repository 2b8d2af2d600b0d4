package dev.pooltags.cli;

import dev.pooltags.threshold.Threshold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options made from typed thresholds ({@link Threshold}): the option's names, value label, help and default all come
 * from the threshold, so a command does not repeat them. A command adds them in its picocli model transformer, at the
 * place its help shows them, and reads the values back with {@link #values}.
 */
final class ThresholdOptions {
    private ThresholdOptions() {}

    /**
     * Adds an option for each of {@code thresholds} to {@code spec}, shown in help just before the option named
     * {@code before} (picocli shows options in the order they were added).
     */
    static CommandSpec insert(CommandSpec spec, List<? extends Threshold<?>> thresholds, String before) {
        List<OptionSpec> tail = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!tail.isEmpty() || List.of(o.names()).contains(before)) {
                tail.add(o);
            }
        }
        if (tail.isEmpty()) {
            throw new IllegalStateException("no option " + before + " in " + spec.name());
        }
        tail.forEach(spec::remove);
        thresholds.forEach(t -> spec.addOption(option(t)));
        tail.forEach(spec::addOption);
        return spec;
    }

    /** The option of one threshold: seconds are written as durations (90s, 1m), numbers as Java writes them. */
    static OptionSpec option(Threshold<?> t) {
        List<String> names = new ArrayList<>();
        names.add("--" + t.name());
        names.addAll(t.aliases());
        OptionSpec.Builder b = OptionSpec.builder(names.toArray(String[]::new)).paramLabel(t.label())
                .description(t.help()).defaultValue(t.defaultText());
        if (t.unit() == Threshold.Unit.SECONDS) {
            b.type(Duration.class).converters(new DurationConverter());
        } else if (t.unit() == Threshold.Unit.DURATION || t.unit() == Threshold.Unit.BYTES && !isNumber(t)) {
            b.type(String.class); // written as 6h or 1MiB: the command parses the text and names the option at fault
        } else {
            b.type(t.defaultValue().getClass());
        }
        return b.build();
    }

    private static boolean isNumber(Threshold<?> t) {
        return t.defaultText().equals(String.valueOf(t.defaultValue()));
    }

    /** The text given to the option of a threshold read as text (a duration such as 6h, a size such as 1MiB). */
    static String text(CommandSpec spec, Threshold<?> t) {
        return spec.findOption("--" + t.name()).getValue();
    }

    /**
     * The values the user gave the threshold options of {@code spec} (their defaults when not given); thresholds
     * without an option keep their defaults.
     */
    static Threshold.Values values(CommandSpec spec) {
        return new Threshold.Values() {
            @Override
            public <T> T get(Threshold<T> threshold) {
                OptionSpec o = spec.findOption("--" + threshold.name());
                if (o == null) {
                    return threshold.defaultValue();
                }
                Object v = o.getValue();
                if (threshold.unit() == Threshold.Unit.SECONDS) {
                    v = ((Duration) v).toMillis() / 1000.0;
                }
                @SuppressWarnings("unchecked")
                T value = (T) v;
                return value;
            }
        };
    }
}
