package dev.pooltags.trace;

import dev.pooltags.event.PoolEvent;
import java.io.Closeable;
import java.util.Map;

/**
 * Allocation events read one at a time from a trace file. Problems with single lines go to the problem sink given
 * when the reader was opened; a file that cannot be read at all is an {@link dev.pooltags.source.InputException}.
 */
public interface TraceReader extends Closeable {
    /** The next event, or null at the end. */
    PoolEvent next();

    /** The format's name, e.g. {@code xperf dumper CSV}. */
    String format();

    /** What the file says about itself (scenario, seed, OS version, pointer size ...), as read so far. */
    Map<String, String> info();

    /** Events of other kinds that are not pool events, by name, counted as they were passed over. */
    default Map<String, Long> skipped() {
        return Map.of();
    }

    /**
     * True when the trace starts from an empty pool (a simulation), so a free of an address it never allocated is the
     * driver's error rather than an allocation made before the trace began.
     */
    default boolean complete() {
        return false;
    }

    @Override
    void close();
}
