package dev.pooltags.snapshot;

import java.util.Optional;

/**
 * Where snapshots come from over time: the live OS, a simulator, or a recording played back. {@code top},
 * {@code record} and {@code serve} all read one.
 */
public interface SnapshotSource extends AutoCloseable {
    /**
     * The next sample: taken now for a live source, the next one for a replay or a simulation. Empty when a
     * finite source is exhausted.
     */
    Optional<Snapshot> next();

    /** What to call this source in output: {@code windows}, {@code linux}, {@code demo:leak-fast}, a file name. */
    String name();

    /**
     * The big-pool table (allocations of a page or more, one by one) at the moment of the last sample, for a source
     * that has one: the live Windows source (SystemBigPoolInformation) and the simulator; empty for others.
     */
    default java.util.Optional<java.util.List<BigPoolAllocation>> bigPool() {
        return java.util.Optional.empty();
    }

    /** True when samples are produced as fast as asked (replay, simulation) rather than at wall-clock pace. */
    default boolean isSimulated() {
        return false;
    }

    @Override
    default void close() {}
}
