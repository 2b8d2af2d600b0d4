package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of Driver Verifier's log of recent pool allocations and frees, as {@code !verifier 0x80} prints it:
 * {@code Pool block 982a8fe0, Size 00000020, Thread 9c158bc0} and the stack at the time.
 *
 * @param address   the block's address
 * @param size      its size in bytes
 * @param thread    the thread that allocated or freed it
 * @param operation allocation or free, from the pool routine on the stack; unknown when the stack names neither
 * @param frames    the stack, innermost first, as {@code module!function+offset} (or an address when unresolved)
 * @param origin    the entry's first line
 */
public record PoolLogEntry(long address, long size, long thread, Operation operation, List<String> frames, Origin origin) {
    /** Modules that allocate on a driver's behalf: the caller is the first frame outside them. */
    private static final Set<String> SYSTEM = Set.of("nt", "hal", "verifierext", "ntoskrnl", "ntkrnlmp", "ntkrnlpa", "ntkrpamp");

    /** What the entry records. */
    public enum Operation { ALLOCATE, FREE, UNKNOWN }

    public PoolLogEntry {
        Objects.requireNonNull(operation);
        frames = List.copyOf(frames);
        Objects.requireNonNull(origin);
    }

    /** The first frame outside the kernel and Driver Verifier: the code that asked for (or gave back) the block. */
    public String caller() {
        return StackFrames.firstOutside(frames, SYSTEM).orElse(frames.isEmpty() ? "" : frames.get(0));
    }

    /** True when {@code a} lies in the block. */
    public boolean contains(long a) {
        return Long.compareUnsigned(a, address) >= 0 && Long.compareUnsigned(a, address + Math.max(1, size)) < 0;
    }

    /** The operation a stack shows: the innermost frame whose function frees or allocates. */
    static Operation operationOf(List<String> frames) {
        for (String f : frames) {
            int bang = f.indexOf('!');
            String fn = (bang >= 0 ? f.substring(bang + 1) : f).toLowerCase(Locale.ROOT);
            if (fn.contains("free")) {
                return Operation.FREE;
            }
            if (fn.contains("alloc")) {
                return Operation.ALLOCATE;
            }
        }
        return Operation.UNKNOWN;
    }
}
