package dev.pooltags.lint;

/**
 * What a call does with the pool, as the rules see it: a documented routine ({@link PoolRoutine}) or a function of
 * the driver's own that wraps one ({@link PoolWrapper}). Argument positions are 0-based; -1 means there is none.
 */
public interface Routine {
    String routineName();

    PoolRoutine.Kind kind();

    /** Index of the tag argument, -1 for untagged routines. */
    int tagArg();

    /** Index of the POOL_TYPE argument, or -1. */
    int poolTypeArg();

    /** Index of the POOL_FLAGS argument, or -1. */
    int poolFlagsArg();

    /** Index of the lookaside Flags argument that carries POOL_NX_ALLOCATION, or -1. */
    int lookasideFlagsArg();

    /** Index of the pointer argument (the block freed, or {@code &p} receiving it), or -1. */
    int pointerArg();

    /** True for the ExAllocatePool family an NDIS miniport should not call directly. */
    boolean isKernelAllocator();

    /** The documented routine that does the work (itself for a {@link PoolRoutine}). */
    PoolRoutine base();

    /** True when the routine hands out a block that a later free must match. */
    default boolean allocates() {
        return kind() == PoolRoutine.Kind.ALLOCATE || kind() == PoolRoutine.Kind.ALLOCATE_OUT;
    }
}
