package dev.pooltags.lint;

import java.util.List;

/**
 * A change that repairs a finding: text to put in place of source ranges.
 *
 * @param description what the change does
 * @param replacements the ranges and their new text
 */
public record Fix(String description, List<Replacement> replacements) {
    /**
     * New text for one range of a file.
     *
     * @param original the text the range holds, when the rule knows it (a fix around it can then take this one in)
     */
    public record Replacement(Location region, String text, String original) {
        public Replacement(Location region, String text) {
            this(region, text, null);
        }
    }

    public static Fix replace(String description, Location region, String text) {
        return new Fix(description, List.of(new Replacement(region, text)));
    }

    /** A replacement of {@code original}, written at {@code region}, by {@code text}. */
    public static Fix replace(String description, Location region, String original, String text) {
        return new Fix(description, List.of(new Replacement(region, text, original)));
    }
}
