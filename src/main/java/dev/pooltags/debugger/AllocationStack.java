package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import dev.pooltags.tag.PoolTag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A call stack ({@code k} and its variants) shown while a breakpoint on a pool routine that only stops for one tag was
 * hit: {@code bp nt!ExAllocatePool2 ".if (@r8d == 0x61646d61) {} .else {gc}"} then {@code k}. Its frames name the code
 * that allocates with the tag. Stacks with no such breakpoint before them are kept without a tag.
 *
 * @param tag        the tag the breakpoint's condition compares with, when there is one
 * @param breakpoint the breakpoint command, empty when none came before
 * @param frames     the frames, innermost first, as {@code module!function+offset}
 * @param origin     the {@code k} command's line
 */
public record AllocationStack(Optional<PoolTag> tag, String breakpoint, List<String> frames, Origin origin) {
    /** Modules that allocate on a driver's behalf: the kernel, the HAL, Driver Verifier, the driver frameworks. */
    private static final Set<String> ON_BEHALF = Set.of("nt", "hal", "verifierext", "ntoskrnl", "ntkrnlmp", "ntkrnlpa", "ntkrpamp",
            "wdf01000", "wdfldr", "wdf");

    public AllocationStack {
        Objects.requireNonNull(tag);
        Objects.requireNonNull(breakpoint);
        frames = List.copyOf(frames);
        Objects.requireNonNull(origin);
    }

    /** The first frame outside the kernel, Driver Verifier and the frameworks: the driver that asked. */
    public String caller() {
        return StackFrames.firstOutside(frames, ON_BEHALF).orElse("");
    }

    /** The caller's module, empty when every frame is the kernel's or a framework's. */
    public String callerModule() {
        String c = caller();
        int bang = c.indexOf('!');
        return bang > 0 ? c.substring(0, bang) : "";
    }
}
