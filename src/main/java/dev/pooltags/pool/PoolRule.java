package dev.pooltags.pool;

import dev.pooltags.core.RuleDescription;
import dev.pooltags.core.Severity;

/**
 * One documented rule of the pool. Each rule is a small class with an id, a severity, a one-line title, help text
 * that says what to do, and the Microsoft document it comes from.
 */
public interface PoolRule {
    /** The rule's id, name, severity, title, help and source, as the record every kind of rule shares. */
    RuleDescription description();

    /** Stable id, e.g. {@code free-tag-mismatch}. */
    default String id() {
        return description().id();
    }

    default Severity severity() {
        return description().severity();
    }

    /** One line: what the rule forbids. */
    default String title() {
        return description().title();
    }

    /** What to do about it. */
    default String help() {
        return description().help();
    }

    /** The Microsoft document the rule is taken from. */
    default String source() {
        return description().source();
    }
}
