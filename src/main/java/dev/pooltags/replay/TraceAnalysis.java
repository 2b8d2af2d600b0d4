package dev.pooltags.replay;

import dev.pooltags.pool.Violation;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.trace.TraceProblem;
import java.util.List;
import java.util.Map;

/**
 * What a replay found in one trace file.
 *
 * @param file             the file
 * @param format           its format
 * @param info             what the file says about itself
 * @param complete         true when the trace starts from an empty pool
 * @param counts           events by kind
 * @param skipped          non-pool events passed over, by name
 * @param firstTime        first event time (microseconds), or -1
 * @param lastTime         last event time, or -1
 * @param violations       broken rules in trace order (at most the listing limit)
 * @param violationCount   all broken rules
 * @param violationsByRule broken rules by rule id
 * @param problems         input problems in line order (at most the listing limit)
 * @param problemCount     all input problems
 * @param problemsByKind   input problems by kind
 * @param outstanding      what is still allocated at the end, grouped by tag, pool, caller and driver, most bytes first
 * @param outstandingCount blocks outstanding
 * @param outstandingBytes bytes requested by them
 * @param bigPool          outstanding allocations of a page or more, and their bytes (whole pages)
 * @param lifetimes        WPA's lifetime classes for the window, or null when the trace has no times
 * @param leaks            leak suspects, most bytes first
 * @param drivers          drivers that are verified or unloaded
 * @param tags             the per-tag counters at the end
 */
public record TraceAnalysis(String file, String format, Map<String, String> info, boolean complete, Counts counts,
        Map<String, Long> skipped, long firstTime, long lastTime, List<Violation> violations, long violationCount,
        Map<String, Long> violationsByRule, List<TraceProblem> problems, long problemCount, Map<String, Long> problemsByKind,
        List<OutstandingGroup> outstanding, long outstandingCount, long outstandingBytes, BigPool bigPool, Lifetimes lifetimes,
        List<LeakSuspect> leaks, List<DriverSummary> drivers, List<TagCounters> tags) {

    /** The big-page allocator's outstanding allocations. */
    public record BigPool(long allocations, long bytes) {
    }

    /** Events read, by kind. */
    public record Counts(long events, long allocations, long frees, long unloads, long accesses, long settings) {
    }

    /**
     * Outstanding blocks that share tag, pool, caller and driver.
     *
     * @param oldest allocation time of the oldest (-1 when unknown)
     * @param newest allocation time of the newest
     */
    public record OutstandingGroup(PoolTag tag, PoolType type, String caller, String driver, long count, long bytes, long charged,
            long oldest, long newest) {
    }

    /**
     * A group whose outstanding allocations keep growing (or whose driver unloaded without freeing them).
     *
     * @param count       allocations counted as leaked
     * @param bytes       their requested bytes
     * @param first       allocation time of the first of them
     * @param last        allocation time of the last
     * @param perMinute   growth of outstanding allocations per minute over the second half of the trace
     * @param reason      why this group is suspected, for people
     */
    public record LeakSuspect(PoolTag tag, PoolType type, String caller, String driver, long count, long bytes, long first,
            long last, double perMinute, String reason) {
    }

    /**
     * WPA's lifetime classes.
     *
     * @param from   window start (microseconds since the trace began)
     * @param to     window end, or -1 for "until the end of the trace"
     * @param counts allocations per class
     * @param bytes  requested bytes per class (unknown for blocks allocated before the trace: not counted)
     */
    public record Lifetimes(long from, long to, Map<LifetimeClass, Long> counts, Map<LifetimeClass, Long> bytes) {
    }

    /** A driver the trace shows verified or unloaded. */
    public record DriverSummary(String name, List<String> verifierOptions, int outstanding, boolean unloaded) {
    }
}
