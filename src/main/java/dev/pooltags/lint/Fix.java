package dev.pooltags.lint;

import java.util.List;

/**
 * A change that repairs a finding: text to put in place of source ranges.
 *
 * @param description what the change does
 * @param replacements the ranges and their new text
 */
public record Fix(String description, List<Replacement> replacements) {
    /** New text for one range of a file. */
    public record Replacement(Location region, String text) {
    }

    public static Fix replace(String description, Location region, String text) {
        return new Fix(description, List.of(new Replacement(region, text)));
    }
}
