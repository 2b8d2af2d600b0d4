package dev.pooltags.core;

import java.util.Objects;

/**
 * What every rule says about itself, whichever analysis runs it (a lint rule, a rule of the pool model): the same
 * record, so a listing, a SARIF rule entry or a help page reads any rule the same way.
 *
 * @param id       stable id ({@code PT005}, {@code free-tag-mismatch})
 * @param name     short PascalCase name ({@code MismatchedFreeTag}, {@code FreeTagMismatch})
 * @param severity the default severity of what it finds
 * @param title    one line: what the rule finds or forbids
 * @param help     why it matters and what to do about it, a few sentences of plain text
 * @param source   the Microsoft document the rule comes from (a URL or a document's title)
 * @param example  a short example of what it finds, or empty
 */
public record RuleDescription(String id, String name, Severity severity, String title, String help, String source,
        String example) {
    public RuleDescription {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(title);
        Objects.requireNonNull(help);
        Objects.requireNonNull(source);
        example = example == null ? "" : example;
    }

    /** The PascalCase name of a rule class: {@code DoubleFreeRule} is {@code DoubleFree}. */
    public static String nameOf(Class<?> rule) {
        String n = rule.getSimpleName();
        return n.endsWith("Rule") ? n.substring(0, n.length() - 4) : n;
    }
}
