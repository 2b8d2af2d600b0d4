package dev.pooltags.serve;

import dev.pooltags.leak.LiveLeaks;
import dev.pooltags.leak.SampleWindow;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.report.LeakCell;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
        return "leak analysis over the last " + leaks.sampleWindow().capacity() + " samples";
    }

    /** The leak analysis' window, which the dashboard's history reads. */
    @Override
    public Optional<SampleWindow> samples() {
        return Optional.of(leaks.sampleWindow());
    }

    @Override
    public Map<TagCounters.RowKey, Verdict> observe(Snapshot sample) {
        if (leaks.observe(sample)) {
            Map<TagCounters.RowKey, Verdict> out = new HashMap<>();
            Map<TagCounters.RowKey, java.time.Instant> since = leaks.heldSince();
            leaks.verdicts().forEach((k, v) -> out.put(k, toDashboard(v, since.get(k), leaks.latest())));
            last = Map.copyOf(out);
        }
        return last;
    }

    static Verdict toDashboard(TagVerdict v, java.time.Instant since, java.time.Instant now) {
        int level = switch (v.verdict()) {
            case STABLE -> 0;
            case EARLY -> 1;
            case GROWING -> 2;
            case LIKELY_LEAK -> 3;
            case LEAK -> 4;
        };
        String label = LeakCell.text(v, since, now);
        return new Verdict(label.isEmpty() ? v.verdict().label() : label, v.verdict().severity(), v.explanation(), level, v.score(),
                v.weight());
    }
}
