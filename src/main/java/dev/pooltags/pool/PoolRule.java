package dev.pooltags.pool;

import dev.pooltags.core.RuleDescription;
import dev.pooltags.core.Severity;

/**
 * One documented rule of the pool. Each rule is a small class with an id, a severity, a one-line title, help text
 * that says what to do, and the Microsoft document it comes from.
 */
public interface PoolRule {
    /** Stable id, e.g. {@code free-tag-mismatch}. */
    String id();

    Severity severity();

    /** One line: what the rule forbids. */
    String title();

    /** What to do about it. */
    String help();

    /** The Microsoft document the rule is taken from. */
    String source();

    /** All of the above (and the rule's name) as the record every kind of rule shares. */
    RuleDescription description();
}
