package dev.pooltags.lint;

import dev.pooltags.core.Severity;
import java.util.List;

/**
 * One mistake found: which rule, how bad, where, what (the message names the values involved), how to repair it
 * when a rule knows, and related places (the allocation a free came from, the first use of a constant).
 *
 * @param suppressed true when the source silences it ({@code // pooltags: ignore}, {@code #pragma warning(suppress)})
 * @param flow       the path a reader follows, step by step (the allocation, the calls inside wrappers, the free);
 *                   empty when there is none to show
 */
public record Finding(String ruleId, Severity severity, Location where, String message, Fix fix, List<Related> related,
        boolean suppressed, List<Related> flow) implements Comparable<Finding> {

    public Finding(String ruleId, Severity severity, Location where, String message, Fix fix, List<Related> related,
            boolean suppressed) {
        this(ruleId, severity, where, message, fix, related, suppressed, List.of());
    }

    /** Another place that explains the finding. */
    public record Related(Location where, String message) {
    }

    public Finding withSuppressed(boolean s) {
        return new Finding(ruleId, severity, where, message, fix, related, s, flow);
    }

    public Finding withMessage(String m) {
        return new Finding(ruleId, severity, where, m, fix, related, suppressed, flow);
    }

    @Override
    public int compareTo(Finding o) {
        int c = where.compareTo(o.where);
        if (c != 0) {
            return c;
        }
        c = ruleId.compareTo(o.ruleId);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
