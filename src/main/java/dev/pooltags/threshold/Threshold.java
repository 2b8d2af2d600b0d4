package dev.pooltags.threshold;

import java.util.List;
import java.util.Objects;

/**
 * One tunable number of an analysis, declared once: its name, how a value is written, what it means, its unit and its
 * default (the idea of JDK Mission Control's {@code TypedPreference}: a typed key carries its own default). The
 * analysis reads the value through the key; the command line makes its options from the same keys, so a default and
 * its help text live in exactly one place.
 *
 * @param name         the key, also the long option name without its dashes ({@code likely-alpha})
 * @param aliases      further option names, with their dashes (an old spelling kept working), or none
 * @param label        how a value is written in help ({@code P}, {@code DURATION}, {@code BYTES})
 * @param help         one sentence of help; {@code ${DEFAULT-VALUE}} stands where the default is shown
 * @param unit         what the value counts
 * @param defaultValue the value used when nobody sets one
 * @param defaultText  the default as a user writes it ({@code 1m}, {@code 0.001}, {@code 1MiB})
 * @param <T>          the value's type
 */
public record Threshold<T>(String name, List<String> aliases, String label, String help, Unit unit, T defaultValue,
        String defaultText) {
    /** What a threshold's value counts, which also says how it is written on a command line. */
    public enum Unit {
        /** A probability (a p-value or a confidence), between 0 and 1. */
        PROBABILITY,
        /** A share of something, between 0 and 1. */
        SHARE,
        /** A multiple of a noise or spread. */
        MULTIPLE,
        /** A number of samples, points, cycles or allocations. */
        COUNT,
        /** Bytes. */
        BYTES,
        /** Seconds, written as a duration ({@code 90s}, {@code 1m}). */
        SECONDS,
        /** A duration ({@link java.time.Duration}). */
        DURATION,
        /** A yes or no. */
        SWITCH,
        /** Free text (a selector). */
        TEXT
    }

    public Threshold {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(defaultText, "defaultText");
    }

    /** A threshold whose default is written as Java writes the number ({@code 0.001}, {@code 4.0}, {@code 10}). */
    public static <T> Threshold<T> of(String name, String label, Unit unit, T defaultValue, String help) {
        return new Threshold<>(name, List.of(), label, help, unit, defaultValue, String.valueOf(defaultValue));
    }

    /** A threshold whose default is written as {@code defaultText}. */
    public static <T> Threshold<T> of(String name, String label, Unit unit, T defaultValue, String defaultText,
            String help) {
        return new Threshold<>(name, List.of(), label, help, unit, defaultValue, defaultText);
    }

    /** A number of seconds, its default written as a duration: whole minutes as {@code 3m}, else {@code 90s}. */
    public static Threshold<Double> seconds(String name, String label, double defaultSeconds, String help) {
        return new Threshold<>(name, List.of(), label, help, Unit.SECONDS, defaultSeconds, durationText(defaultSeconds));
    }

    /** An internal constant of an analysis: not an option, but declared the same way, with what it means. */
    public static <T> Threshold<T> constant(String name, Unit unit, T value, String help) {
        return new Threshold<>(name, List.of(), "", help, unit, value, String.valueOf(value));
    }

    /** The same threshold, also known by {@code alias} (with its dashes). */
    public Threshold<T> alsoKnownAs(String alias) {
        List<String> all = new java.util.ArrayList<>(aliases);
        all.add(alias);
        return new Threshold<>(name, all, label, help, unit, defaultValue, defaultText);
    }

    /** The help sentence with the default filled in. */
    public String describe() {
        return help.replace("${DEFAULT-VALUE}", defaultText);
    }

    static String durationText(double seconds) {
        long s = Math.round(seconds);
        if (s != seconds) {
            return seconds + "s";
        }
        return s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
    }

    /** The values of a set of thresholds, by key: the defaults, or what a user set. */
    @FunctionalInterface
    public interface Values {
        <T> T get(Threshold<T> threshold);

        /** Every threshold at its default. */
        static Values defaults() {
            return new Values() {
                @Override
                public <T> T get(Threshold<T> threshold) {
                    return threshold.defaultValue();
                }
            };
        }
    }
}
