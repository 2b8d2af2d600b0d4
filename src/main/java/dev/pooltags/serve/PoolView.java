package dev.pooltags.serve;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the server knows after one sample, immutable, published to the web threads as a whole.
 *
 * @param sample         the latest snapshot from the source
 * @param rows           its rows, in row-key order, with owners and monotonic counters
 * @param samples        how many samples have been taken
 * @param sampleErrors   how many samples failed
 * @param sampledAt      wall-clock time the sample was taken
 * @param sampleSeconds  how long taking it from the source took
 * @param verdicts       the verdict provider's verdicts as of this sample
 * @param exhausted      true when a finite source (a replay) has no more samples: this one stays
 */
public record PoolView(Snapshot sample, List<PoolRow> rows, long samples, long sampleErrors, Instant sampledAt,
        double sampleSeconds, Map<TagCounters.RowKey, Verdict> verdicts, boolean exhausted) {
    public PoolView {
        rows = List.copyOf(rows);
        verdicts = Map.copyOf(verdicts);
    }

    /** Same view, with the error count and exhaustion flag updated. */
    PoolView with(long errors, boolean exhausted) {
        return new PoolView(sample, rows, samples, errors, sampledAt, sampleSeconds, verdicts, exhausted);
    }
}
