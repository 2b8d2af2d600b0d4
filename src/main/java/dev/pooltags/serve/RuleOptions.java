package dev.pooltags.serve;

import dev.pooltags.threshold.Threshold;
import dev.pooltags.threshold.Threshold.Unit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The thresholds of the generated Prometheus rules. Those with a default are declared once below as typed
 * {@link Threshold}s, from which {@code pooltags rules} makes its options ({@link #THRESHOLDS}).
 *
 * @param window             long window for growth rates ({@code deriv}) and the linear prediction
 * @param recent             short window showing the growth is still going on now
 * @param holdFor            how long a condition must hold before an alert fires ({@code for:})
 * @param tagGrowthPerHour   per-tag growth over {@code window} that makes a leak suspect, bytes per hour (and half of
 *                           it over {@code recent})
 * @param poolGrowthPerHour  pool growth over {@code window} worth an alert, bytes per hour (half over {@code recent})
 * @param horizon            how far ahead the pool is predicted
 * @param exhaustionFraction the pool is exhausted at this fraction of physical memory
 *                           ({@code pooltags_system_memory_total_bytes}), unless {@code poolLimitBytes} is set
 * @param poolLimitBytes     a fixed pool limit in bytes, or 0 to use the fraction of physical memory
 * @param selector           label matchers added to every selector ({@code job="pooltags"}), or empty
 * @param labels             labels added to every alert
 */
public record RuleOptions(Duration window, Duration recent, Duration holdFor, long tagGrowthPerHour,
        long poolGrowthPerHour, Duration horizon, double exhaustionFraction, long poolLimitBytes, String selector,
        Map<String, String> labels) {
    private static final String MATCHER = "\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*(=|!=|=~|!~)\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*";
    private static final Pattern SELECTOR = Pattern.compile("(" + MATCHER + "(," + MATCHER + ")*)?,?\\s*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public static final Threshold<Duration> WINDOW = duration("window", Duration.ofHours(6),
            "Window of the growth rates and the prediction (default ${DEFAULT-VALUE}).");
    public static final Threshold<Duration> RECENT = duration("recent", Duration.ofHours(1),
            "Window showing the growth still goes on (default ${DEFAULT-VALUE}).");
    public static final Threshold<Duration> HOLD_FOR = duration("for", Duration.ofHours(3),
            "How long a condition holds before its alert fires (default ${DEFAULT-VALUE}).");
    public static final Threshold<Long> TAG_GROWTH = size("tag-growth", 1L << 20,
            "Per-tag growth per hour that makes a leak (default ${DEFAULT-VALUE}/h).");
    public static final Threshold<Long> POOL_GROWTH = size("pool-growth", 16L << 20,
            "Pool growth per hour worth an alert (default ${DEFAULT-VALUE}/h).");
    public static final Threshold<Duration> HORIZON = duration("horizon", Duration.ofDays(7),
            "How far ahead pool exhaustion is predicted (default ${DEFAULT-VALUE}).");
    public static final Threshold<Double> EXHAUSTION_FRACTION = Threshold.of("exhaustion-fraction", "F", Unit.SHARE,
            0.8, "The pool is exhausted at this fraction of physical memory (default ${DEFAULT-VALUE}).");

    /** The thresholds with a default, in the order {@code pooltags rules --help} shows them. */
    public static final List<Threshold<?>> THRESHOLDS = List.of(WINDOW, RECENT, HOLD_FOR, TAG_GROWTH, POOL_GROWTH,
            HORIZON, EXHAUSTION_FRACTION);

    private static Threshold<Duration> duration(String name, Duration d, String help) {
        return Threshold.of(name, "DURATION", Unit.DURATION, d, PromDuration.format(d), help);
    }

    private static Threshold<Long> size(String name, long bytes, String help) {
        return Threshold.of(name, "SIZE", Unit.BYTES, bytes, AlertRules.bytes(bytes), help);
    }

    public static RuleOptions defaults() {
        return new RuleOptions(WINDOW.defaultValue(), RECENT.defaultValue(), HOLD_FOR.defaultValue(),
                TAG_GROWTH.defaultValue(), POOL_GROWTH.defaultValue(), HORIZON.defaultValue(),
                EXHAUSTION_FRACTION.defaultValue(), 0, "", Map.of());
    }

    /** Checks the options together; throws {@link IllegalArgumentException} naming the option at fault. */
    public RuleOptions {
        labels = Map.copyOf(labels);
        if (recent.compareTo(window) >= 0) {
            throw new IllegalArgumentException("--recent (" + PromDuration.format(recent)
                    + ") must be shorter than --window (" + PromDuration.format(window) + ")");
        }
        if (tagGrowthPerHour <= 0 || poolGrowthPerHour <= 0) {
            throw new IllegalArgumentException("growth thresholds must be positive");
        }
        if (!(exhaustionFraction > 0 && exhaustionFraction <= 1)) {
            throw new IllegalArgumentException("--exhaustion-fraction must be above 0 and at most 1");
        }
        if (poolLimitBytes < 0) {
            throw new IllegalArgumentException("--pool-limit must be positive");
        }
        if (!SELECTOR.matcher(selector).matches()) {
            throw new IllegalArgumentException("--selector '" + selector
                    + "' is not a list of label matchers such as job=\"pooltags\",env=~\"prod.*\"");
        }
        for (String k : labels.keySet()) {
            if (!LABEL_NAME.matcher(k).matches()) {
                throw new IllegalArgumentException("--label " + k + ": not a Prometheus label name");
            }
        }
    }
}
