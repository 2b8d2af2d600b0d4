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
 */
public record LabelledSeries(String name, List<Snapshot> snapshots, Set<String> leaking, Set<String> healthy) {
    /** The truth for a row label: true leaks, false does not, null unknown. */
    public Boolean truth(String label) {
        if (leaking.contains(label)) {
            return true;
        }
        return healthy.contains(label) ? false : null;
    }
}
