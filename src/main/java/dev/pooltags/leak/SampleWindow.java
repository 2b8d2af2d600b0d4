package dev.pooltags.leak;

import dev.pooltags.snapshot.Snapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The last samples of a live view, oldest first, in strictly rising time, at most {@code capacity} of them: the one
 * window a live view keeps. The live leak analysis judges it ({@link LiveLeaks}) and {@code serve}'s dashboard charts
 * read the same samples rather than keeping them again.
 *
 * <p>One thread adds samples; any thread may read, and readers get copies.
 */
public final class SampleWindow {
    private final int capacity;
    private final ArrayDeque<Snapshot> samples;

    public SampleWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a sample window holds at least one sample");
        }
        this.capacity = capacity;
        this.samples = new ArrayDeque<>(Math.min(capacity, 4096));
    }

    /** The most samples held. */
    public int capacity() {
        return capacity;
    }

    /**
     * Adds {@code sample} as the newest, dropping the oldest when full. A sample whose time is not after the newest
     * is not added (a repeated or older time stamp adds nothing a trend can use): returns false then.
     */
    public synchronized boolean add(Snapshot sample) {
        if (!samples.isEmpty() && !sample.time().isAfter(samples.peekLast().time())) {
            return false;
        }
        if (samples.size() == capacity) {
            samples.removeFirst();
        }
        samples.addLast(sample);
        return true;
    }

    /** Samples held. */
    public synchronized int size() {
        return samples.size();
    }

    /** The newest sample, or null before the first. */
    public synchronized Snapshot newest() {
        return samples.peekLast();
    }

    /** A copy of the last {@code n} samples held (all of them when fewer), oldest first. */
    public synchronized List<Snapshot> last(int n) {
        if (n >= samples.size()) {
            return new ArrayList<>(samples);
        }
        List<Snapshot> tail = new ArrayList<>(Math.max(n, 0));
        Iterator<Snapshot> newestFirst = samples.descendingIterator();
        for (int i = 0; i < n; i++) {
            tail.add(newestFirst.next());
        }
        Collections.reverse(tail);
        return tail;
    }
}
