package dev.pooltags.leak;

import dev.pooltags.snapshot.TagCounters;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a leak analysis over a series: every tag's verdict ranked (leaks first, then by how fast bytes
 * grow), the columns they were computed from (for charts), the options, and what was noticed about the input.
 *
 * @param table    the columns
 * @param options  the thresholds used
 * @param ranked   every tag's verdict, strongest first
 * @param byKey    the same verdicts by row key
 * @param notes    things noticed about the input (gaps, duplicates dropped, restarts), in words
 */
public record LeakResult(SeriesTable table, LeakOptions options, List<TagVerdict> ranked,
        Map<TagCounters.RowKey, TagVerdict> byKey, List<String> notes) {

    public Instant start() {
        return table.instants().get(0);
    }

    public Instant end() {
        return table.instants().get(table.samples() - 1);
    }

    /** How many tags got each verdict. */
    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, 0);
        }
        for (TagVerdict t : ranked) {
            m.merge(t.verdict(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The verdicts at least as strong as {@code gate}, in rank order. */
    public List<TagVerdict> atLeast(Verdict gate) {
        return ranked.stream().filter(t -> t.verdict().atLeast(gate)).toList();
    }
}
