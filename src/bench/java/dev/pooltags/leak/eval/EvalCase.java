package dev.pooltags.leak.eval;

import dev.pooltags.snapshot.Snapshot;
import java.util.List;

/**
 * One series of the evaluation set with its known answer.
 *
 * @param scenario    the kind of series (e.g. {@code slow-leak-heavy-noise})
 * @param index       its number within the scenario
 * @param leak        the truth: does this tag leak?
 * @param snapshots   the samples (one row: the tag under test)
 * @param parameters  how it was made, in words (for reading a miss)
 */
public record EvalCase(String scenario, int index, boolean leak, List<Snapshot> snapshots, String parameters) {
    public String name() {
        return scenario + "#" + index;
    }
}
