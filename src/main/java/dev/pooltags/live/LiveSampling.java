package dev.pooltags.live;

import dev.pooltags.leak.LiveLeaks;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One step of the live loop: source, then window, then verdicts. {@link #next()} takes the next sample from the source
 * being watched and, when there is a live leak window, feeds it, so the verdicts a screen or a server shows are those
 * of every sample it was given. What the caller does with the sample (draw it, record it, publish it) and when it
 * asks for the next one is the caller's. One thread calls it.
 */
public final class LiveSampling {
    private final Supplier<SnapshotSource> source;
    private final LiveLeaks leaks;

    /** Samples {@code source}, feeding {@code leaks} (null: no leak verdicts). */
    public LiveSampling(SnapshotSource source, LiveLeaks leaks) {
        this(() -> source, leaks);
    }

    /**
     * @param source the source to sample now: it may change between samples (top's session key switches between
     *               system and session pools)
     * @param leaks  the live leak window fed with every sample, or null
     */
    public LiveSampling(Supplier<SnapshotSource> source, LiveLeaks leaks) {
        this.source = source;
        this.leaks = leaks;
    }

    /** The next sample, already in the leak window; empty when the source has ended. */
    public Optional<Snapshot> next() {
        Optional<Snapshot> s = source.get().next();
        s.ifPresent(this::observe);
        return s;
    }

    /** Takes a sample read otherwise (the first one, read before the rest is set up) into the leak window. */
    public void observe(Snapshot s) {
        if (leaks != null) {
            leaks.observe(s);
        }
    }

    /** The source sampled now. */
    public SnapshotSource source() {
        return source.get();
    }

    /** The live leak window, or null when verdicts are off. */
    public LiveLeaks leaks() {
        return leaks;
    }
}
