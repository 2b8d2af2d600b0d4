package dev.pooltags.pool;

import dev.pooltags.core.Severity;
import dev.pooltags.event.PoolEvent;
import java.util.Objects;

/**
 * A rule broken by an event.
 *
 * @param rule      the rule
 * @param bugCheck  the bug check the machine raises, or null when it does not stop (the call fails, memory is silently
 *                  corrupted, or the rule is advice)
 * @param callFails true when the routine returns NULL instead
 * @param message   what happened, in words, with tags and addresses
 * @param event     the event that broke the rule
 */
public record Violation(PoolRule rule, BugCheck bugCheck, boolean callFails, String message, PoolEvent event) {
    public Violation {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(message);
        Objects.requireNonNull(event);
    }

    public Severity severity() {
        return rule.severity();
    }
}
