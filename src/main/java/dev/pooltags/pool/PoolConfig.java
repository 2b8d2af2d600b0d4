package dev.pooltags.pool;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.SpecialAlignment;
import dev.pooltags.tag.PoolTag;
import java.util.Objects;

/**
 * How the model is set up.
 *
 * @param geometry     block layout (x64 or x86)
 * @param alignment    special-pool alignment for blocks that do not choose one (Verify End is Windows' default)
 * @param complete     true when the model sees every allocation from an empty pool on (a simulation, or a trace marked
 *                     complete): then a free of an unknown address is a violation, not a gap in the trace
 * @param freedMemory  how many freed addresses are remembered for double-free and use-after-free detection
 * @param untaggedTag  the tag ExAllocatePool's allocations get
 */
public record PoolConfig(PoolGeometry geometry, SpecialAlignment alignment, boolean complete, int freedMemory, PoolTag untaggedTag) {
    /** Freed addresses remembered by default: enough to catch double frees a few thousand frees apart. */
    public static final int DEFAULT_FREED_MEMORY = 1 << 14;

    public PoolConfig {
        Objects.requireNonNull(geometry);
        Objects.requireNonNull(alignment);
        Objects.requireNonNull(untaggedTag);
        if (freedMemory < 0) {
            throw new IllegalArgumentException("freedMemory < 0");
        }
    }

    /** x64, Verify End, not complete. */
    public static PoolConfig defaults() {
        return new PoolConfig(PoolGeometry.X64, SpecialAlignment.VERIFY_END, false, DEFAULT_FREED_MEMORY, AllocRoutine.DEFAULT_DDK_TAG);
    }

    public PoolConfig withComplete(boolean c) {
        return new PoolConfig(geometry, alignment, c, freedMemory, untaggedTag);
    }

    public PoolConfig withAlignment(SpecialAlignment a) {
        return new PoolConfig(geometry, a, complete, freedMemory, untaggedTag);
    }

    public PoolConfig withGeometry(PoolGeometry g) {
        return new PoolConfig(g, alignment, complete, freedMemory, untaggedTag);
    }
}
