package dev.pooltags.leak.eval;

import dev.pooltags.snapshot.Snapshot;
import java.util.List;
import java.util.Set;

/**
 * A series of snapshots of many rows with the truth for some of them: which rows leak and which do not. Rows in
 * neither set are unlabelled (a real machine's other caches, whose truth nobody knows): they are judged and counted
 * apart, never as right or wrong.
 *
 * @param name      what the series is (scenario and seed, or recording)
 * @param snapshots the samples, in time order
 * @param leaking   labels of the rows that leak ({@code Lk2x}, {@code sock_inode_cache})
 * @param healthy   labels of the rows known not to leak
 * @param onset     when the leaking rows start to leak (null: from the first sample); before it they are not judged
 * @param limit     for a series that shows a known limit rather than a target (growth that cannot be told from a
 *                  leak until it is given back), what it shows; null for the others
 */
public record LabelledSeries(String name, List<Snapshot> snapshots, Set<String> leaking, Set<String> healthy,
        java.time.Instant onset, String limit) {
    public LabelledSeries(String name, List<Snapshot> snapshots, Set<String> leaking, Set<String> healthy,
            java.time.Instant onset) {
        this(name, snapshots, leaking, healthy, onset, null);
    }

    /** One series of the synthetic evaluation set: its one row leaks or does not. */
    public static LabelledSeries of(EvalCase c) {
        String label = c.snapshots().stream().flatMap(s -> s.rows().stream()).findFirst()
                .map(dev.pooltags.snapshot.TagCounters::label).orElse("");
        return new LabelledSeries(c.name(), c.snapshots(), c.leak() ? Set.of(label) : Set.of(),
                c.leak() ? Set.of() : Set.of(label), null);
    }

    /** The truth for a row label: true leaks, false does not, null unknown. */
    public Boolean truth(String label) {
        if (leaking.contains(label)) {
            return true;
        }
        return healthy.contains(label) ? false : null;
    }
}
