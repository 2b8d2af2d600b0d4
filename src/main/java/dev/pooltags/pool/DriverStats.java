package dev.pooltags.pool;

import dev.pooltags.event.VerifierOption;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the model knows about one driver: its Driver Verifier options, its outstanding allocations, and the counters
 * {@code !verifier} shows per module ("Current Pool Allocations", "Current Pool Bytes", "Peak ..." as
 * {@code ( NonPagedPool / PagedPool )}; bytes there are the sizes requested, as the 0xC4/0x62 sample in Microsoft's
 * documentation shows: 0x20 + 0x1008 + 0x30 = 0x1058).
 */
public final class DriverStats {
    private final String name;
    EnumSet<VerifierOption> options = EnumSet.noneOf(VerifierOption.class);
    int outstanding;
    long chargedPaged;
    long chargedNonpaged;
    long currentAllocsNonpaged;
    long currentAllocsPaged;
    long currentBytesNonpaged;
    long currentBytesPaged;
    long peakAllocsNonpaged;
    long peakAllocsPaged;
    long peakBytesNonpaged;
    long peakBytesPaged;
    boolean unloaded;

    DriverStats(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Set<VerifierOption> options() {
        return Set.copyOf(options);
    }

    public boolean isVerified() {
        return !options.isEmpty();
    }

    public boolean poolTracking() {
        return options.contains(VerifierOption.POOL_TRACKING);
    }

    public int outstanding() {
        return outstanding;
    }

    public boolean isUnloaded() {
        return unloaded;
    }

    public long currentAllocations(boolean paged) {
        return paged ? currentAllocsPaged : currentAllocsNonpaged;
    }

    public long currentBytes(boolean paged) {
        return paged ? currentBytesPaged : currentBytesNonpaged;
    }

    public long peakAllocations(boolean paged) {
        return paged ? peakAllocsPaged : peakAllocsNonpaged;
    }

    public long peakBytes(boolean paged) {
        return paged ? peakBytesPaged : peakBytesNonpaged;
    }
}
