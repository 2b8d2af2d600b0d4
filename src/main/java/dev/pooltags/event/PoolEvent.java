package dev.pooltags.event;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagPattern;
import java.util.Objects;
import java.util.Set;

/**
 * One thing that happens to the pool: an allocation, a free, a driver unloading, a memory access outside or inside
 * a block, or a Driver Verifier setting coming into force. Times are microseconds since the start of the trace
 * ({@link #NO_TIME} when the source does not say), {@code line} is where the event was read (0 for generated ones).
 */
public sealed interface PoolEvent {
    /** The time of events whose source records none ({@code !verifier} listings). */
    long NO_TIME = -1;

    long time();

    long line();

    /**
     * An allocation.
     *
     * @param routine   the routine called ({@link AllocRoutine#UNKNOWN} when not recorded)
     * @param poolType  the POOL_TYPE passed, or null when the routine takes {@link PoolFlags} or the source does not say
     * @param poolFlags POOL_FLAGS for ExAllocatePool2/3, else 0
     * @param tag       the tag passed; null for ExAllocatePool (the default tag applies) and NDIS's default
     * @param size      bytes requested
     * @param address   the address returned, or 0 when the model is to choose it (simulation)
     * @param driver    the allocating driver's image name ({@code netfilt.sys}), or empty
     * @param caller    the caller as the source names it ({@code MyDriver!DeviceControlDispatch}, an address), or empty
     * @param alignment special-pool alignment requested through ExAllocatePoolWithTagPriority, or null
     */
    record Alloc(long time, AllocRoutine routine, WindowsPoolType poolType, long poolFlags, PoolTag tag, long size,
            long address, String driver, String caller, SpecialAlignment alignment, long line) implements PoolEvent {
        public Alloc {
            Objects.requireNonNull(routine);
            driver = driver == null ? "" : driver;
            caller = caller == null ? "" : caller;
        }

        /** The same allocation at another address (the one the model chose). */
        public Alloc withAddress(long a) {
            return new Alloc(time, routine, poolType, poolFlags, tag, size, a, driver, caller, alignment, line);
        }

        /** The per-tag row this allocation lands in, or null when neither the type nor the flags say. */
        public PoolType trackedType() {
            if (routine.takesPoolFlags()) {
                WindowsPoolType t = PoolFlags.poolType(poolFlags);
                return t == null ? null : t.tracked();
            }
            if (routine == AllocRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY && poolType == null) {
                return PoolType.NONPAGED;
            }
            return poolType == null ? null : poolType.tracked();
        }
    }

    /**
     * A free.
     *
     * @param tag the tag passed to the routine; null when the routine passes none (ExFreePool). For
     *            {@link FreeRoutine#UNKNOWN} it is what the source recorded for the block, if anything.
     */
    record Free(long time, FreeRoutine routine, PoolTag tag, long address, String driver, String caller, long line)
            implements PoolEvent {
        public Free {
            Objects.requireNonNull(routine);
            driver = driver == null ? "" : driver;
            caller = caller == null ? "" : caller;
        }
    }

    /** A driver unloading. */
    record Unload(long time, String driver, long line) implements PoolEvent {
        public Unload {
            Objects.requireNonNull(driver);
        }
    }

    /**
     * A read or write of {@code length} bytes at {@code offset} from the start of the block allocated at
     * {@code address} (negative offsets are before it).
     */
    record Access(long time, long address, long offset, int length, boolean write, String driver, String caller, long line)
            implements PoolEvent {
        public Access {
            driver = driver == null ? "" : driver;
            caller = caller == null ? "" : caller;
            if (length <= 0) {
                throw new IllegalArgumentException("an access of " + length + " bytes");
            }
        }
    }

    /** Driver Verifier verifying a driver with these options from now on ({@code verifier /flags ... /driver}). */
    record VerifyDriver(long time, String driver, Set<VerifierOption> options, long line) implements PoolEvent {
        public VerifyDriver {
            Objects.requireNonNull(driver);
            options = Set.copyOf(options);
        }
    }

    /** Special pool for every allocation whose tag matches ({@code gflags /p /enable ... /pooltag}). */
    record SpecialPoolTag(long time, TagPattern pattern, long line) implements PoolEvent {
        public SpecialPoolTag {
            Objects.requireNonNull(pattern);
        }
    }
}
