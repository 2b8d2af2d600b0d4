package dev.pooltags.leak;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Map;

/**
 * Leak verdicts over a live view's running history ({@code top}'s leak column, {@code serve}'s dashboard): the
 * same analysis as {@code pooltags leaks}, over the last {@code window} samples, redone every {@code every}
 * samples (every rows/100 samples when that is more, so a machine with 3,000 tags is judged every 30 samples) so
 * a refresh stays cheap. Memory is bounded by the window.
 *
 * <p>Not thread-safe: one thread feeds samples and reads verdicts.
 */
public final class LiveLeaks {
    private final int window;
    private final int every;
    private final LeakOptions options;
    private final ArrayDeque<Snapshot> history;
    private int sinceAnalysis;
    private Map<TagCounters.RowKey, TagVerdict> verdicts = Map.of();

    public LiveLeaks(int window, int every, LeakOptions options) {
        if (window < 3 || every < 1) {
            throw new IllegalArgumentException("the window must hold 3 or more samples and 'every' be 1 or more");
        }
        this.window = window;
        this.every = every;
        this.options = options;
        this.history = new ArrayDeque<>(window);
    }

    /** The live defaults: the last 600 samples (10 minutes at 1 s), judged every 5 samples. */
    public static LiveLeaks defaults() {
        return new LiveLeaks(600, 5, LeakOptions.live());
    }

    /** Samples kept. */
    public int window() {
        return window;
    }

    /** Samples seen and kept so far. */
    public int samples() {
        return history.size();
    }

    /** Takes a sample into account; returns true when the verdicts were recomputed. */
    public boolean observe(Snapshot sample) {
        if (!history.isEmpty() && !sample.time().isAfter(history.peekLast().time())) {
            return false; // a repeated or older time stamp adds nothing a trend can use
        }
        if (history.size() == window) {
            history.removeFirst();
        }
        history.addLast(sample);
        // a pass over 3,000 noisy tags costs about a second of CPU: with many rows, judge less often
        int due = Math.max(every, sample.rows().size() / 100);
        if (history.size() >= 3 && (++sinceAnalysis >= due || verdicts.isEmpty())) {
            sinceAnalysis = 0;
            verdicts = Map.copyOf(LeakAnalysis.verdicts(new ArrayList<>(history), options));
            return true;
        }
        return false;
    }

    /** The latest verdicts by row; empty until enough samples were seen. */
    public Map<TagCounters.RowKey, TagVerdict> verdicts() {
        return verdicts;
    }
}
