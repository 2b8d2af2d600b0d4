package dev.pooltags.serve;

import dev.pooltags.leak.LiveLeaks;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.util.HashMap;
import java.util.Map;

/**
 * The dashboard's verdict column fed by pooltags' leak analysis over the server's recent samples
 * ({@link LiveLeaks}): the same statistics and verdicts as {@code pooltags leaks}, over a sliding window.
 */
public final class LeakVerdicts implements VerdictProvider {
    private final LiveLeaks leaks;
    private Map<TagCounters.RowKey, Verdict> last = Map.of();

    public LeakVerdicts(LiveLeaks leaks) {
        this.leaks = leaks;
    }

    @Override
    public String title() {
        return "leak analysis over the last " + leaks.window() + " samples";
    }

    @Override
    public Map<TagCounters.RowKey, Verdict> observe(Snapshot sample) {
        if (leaks.observe(sample)) {
            Map<TagCounters.RowKey, Verdict> out = new HashMap<>();
            leaks.verdicts().forEach((k, v) -> out.put(k, toDashboard(v)));
            last = Map.copyOf(out);
        }
        return last;
    }

    static Verdict toDashboard(TagVerdict v) {
        Verdict.Severity s = switch (v.verdict()) {
            case LEAK -> Verdict.Severity.HIGH;
            case LIKELY_LEAK -> Verdict.Severity.MEDIUM;
            case GROWING -> Verdict.Severity.LOW;
            case STABLE -> Verdict.Severity.NONE;
        };
        return new Verdict(v.verdict().label(), s, v.explanation());
    }
}
