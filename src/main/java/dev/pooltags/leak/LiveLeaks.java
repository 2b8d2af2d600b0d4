package dev.pooltags.leak;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Leak verdicts over a live view's running history ({@code top}'s leak column, {@code serve}'s dashboard and
 * metrics), the same engine as {@code pooltags leaks} ({@link LeakAnalysis#state}).
 *
 * <p>Every {@code every} samples (every rows/100 when that is more, so 3,000 tags are judged every 30 samples) the
 * last {@code window} samples are analysed: a checkpoint. The state shown for a tag changes when two checkpoints in a
 * row say so; a tag on the edge between two verdicts shows the middle one ({@link LeakAnalysis#settled}), so one
 * checkpoint on the other side of a threshold does not make it flicker. Each state remembers when it began (shown
 * as how long it has held). Memory is bounded by the window.
 *
 * <p>Not thread-safe: one thread feeds samples and reads verdicts.
 */
public final class LiveLeaks {
    private final int every;
    private final LeakOptions options;
    private final SampleWindow samples;
    private long seen;
    private final Map<TagCounters.RowKey, Track> tracks = new HashMap<>();
    private Map<TagCounters.RowKey, TagVerdict> verdicts = Map.of();
    private Map<TagCounters.RowKey, Instant> heldSince = Map.of();

    /** One row's verdicts at the last checkpoints (oldest first) and the state shown. */
    private static final class Track {
        final ArrayDeque<TagVerdict> raw = new ArrayDeque<>(LeakAnalysis.CHECKPOINTS);
        Verdict state;
        Instant since;
        long lastCheckpoint;
    }

    public LiveLeaks(int window, int every, LeakOptions options) {
        if (window < 3 || every < 1) {
            throw new IllegalArgumentException("the window must hold 3 or more samples and 'every' be 1 or more");
        }
        this.every = every;
        this.options = options;
        this.samples = new SampleWindow(window);
    }

    /** The live defaults: the last 600 samples (10 minutes at 1 s), judged every 5 samples. */
    public static LiveLeaks defaults() {
        return new LiveLeaks(600, LeakAnalysis.EVERY, LeakOptions.live());
    }

    /**
     * The samples judged (its capacity the window's length, its size the samples kept so far): the window a live view
     * may read (the dashboard's charts do) instead of keeping its own.
     */
    public SampleWindow sampleWindow() {
        return samples;
    }

    /** Takes a sample into account; returns true at a checkpoint, when the verdicts were recomputed. */
    public boolean observe(Snapshot sample) {
        if (!samples.add(sample)) {
            return false; // a repeated or older time stamp adds nothing a trend can use
        }
        seen++;
        if (!LeakAnalysis.checkpoint(seen, sample, every)) {
            return false;
        }
        Map<TagCounters.RowKey, TagVerdict> raw = LeakAnalysis.verdicts(samples.last(samples.capacity()), options);
        for (Map.Entry<TagCounters.RowKey, TagVerdict> e : raw.entrySet()) {
            Track t = tracks.computeIfAbsent(e.getKey(), k -> new Track());
            if (t.raw.size() == LeakAnalysis.CHECKPOINTS) {
                t.raw.removeFirst();
            }
            t.raw.addLast(e.getValue());
            t.lastCheckpoint = seen;
        }
        Map<TagCounters.RowKey, TagVerdict> shown = new HashMap<>(raw.size() * 2);
        Map<TagCounters.RowKey, Instant> since = new HashMap<>(raw.size() * 2);
        for (Iterator<Map.Entry<TagCounters.RowKey, Track>> it = tracks.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TagCounters.RowKey, Track> e = it.next();
            Track t = e.getValue();
            if (t.lastCheckpoint != seen) {
                it.remove(); // no longer in the window
                continue;
            }
            TagVerdict v = LeakAnalysis.settled(List.copyOf(t.raw));
            if (v.verdict() != t.state) {
                t.state = v.verdict();
                t.since = sample.time();
            }
            shown.put(e.getKey(), v);
            since.put(e.getKey(), t.since);
        }
        verdicts = Map.copyOf(shown);
        heldSince = Map.copyOf(since);
        return true;
    }

    /** The state of every row as of the last checkpoint; empty before the first. */
    public Map<TagCounters.RowKey, TagVerdict> verdicts() {
        return verdicts;
    }

    /** When each row's state began (the checkpoint at which it changed to what it is). */
    public Map<TagCounters.RowKey, Instant> heldSince() {
        return heldSince;
    }

    /** The time of the newest sample, or null before the first. */
    public Instant latest() {
        Snapshot newest = samples.newest();
        return newest == null ? null : newest.time();
    }
}
