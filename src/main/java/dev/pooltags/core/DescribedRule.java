package dev.pooltags.core;

/**
 * A rule that says what it is through its {@link RuleDescription}: a lint rule and a rule of the pool model are read
 * the same way by a listing, a SARIF rule entry or a help page, each part asked of the one record.
 */
public interface DescribedRule {
    /** The rule's id, name, severity, title, help and source. */
    RuleDescription description();

    /** Stable id: {@code PT005}, {@code free-tag-mismatch}. */
    default String id() {
        return description().id();
    }

    /** A short PascalCase name (SARIF's rule name). */
    default String name() {
        return description().name();
    }

    /** The default severity of what it finds. */
    default Severity severity() {
        return description().severity();
    }

    /** One line: what the rule finds or forbids. */
    default String title() {
        return description().title();
    }

    /** Why it matters and what to do about it, a few sentences of plain text. */
    default String help() {
        return description().help();
    }

    /** The Microsoft document the rule comes from. */
    default String source() {
        return description().source();
    }
}
