package dev.pooltags.serve;

import dev.pooltags.leak.SampleWindow;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.util.Map;
import java.util.Optional;

/**
 * Feeds the dashboard's verdict column. {@code serve} does not judge leaks itself: a leak analysis plugs in here.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #observe} is called once for every sample the server takes, in time order, from the one sampler
 *       thread, after the sample's metrics are computed. The provider keeps whatever state it needs between calls
 *       (and only that: the server runs for weeks).</li>
 *   <li>It returns the verdicts as of that sample, keyed by {@link TagCounters#key()}; rows it has no verdict for
 *       are simply absent. The map is published as is to the web threads, so it must not be changed afterwards
 *       (return an immutable map).</li>
 *   <li>It must be quick (the next sample waits for it) and must not do I/O.</li>
 *   <li>An exception it throws is caught and counted; the dashboard then shows the verdicts of the last call that
 *       succeeded, and sampling goes on.</li>
 * </ul>
 */
public interface VerdictProvider {
    /** The analysis' name, shown in the column's header and legend. */
    String title();

    /** True when this provider really judges rows; false for {@link #NONE}. */
    default boolean available() {
        return true;
    }

    /**
     * The samples this provider keeps to judge, when it keeps them: the dashboard's history then reads them there
     * instead of keeping them a second time. Empty by default.
     */
    default Optional<SampleWindow> samples() {
        return Optional.empty();
    }

    /** Takes the next sample into account and returns the verdicts as of it. */
    Map<TagCounters.RowKey, Verdict> observe(Snapshot sample);

    /** No analysis wired in: the dashboard says so instead of showing verdicts. */
    VerdictProvider NONE = new VerdictProvider() {
        @Override
        public String title() {
            return "no leak analysis in this build";
        }

        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Map<TagCounters.RowKey, Verdict> observe(Snapshot sample) {
            return Map.of();
        }
    };
}
