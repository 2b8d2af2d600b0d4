package dev.pooltags.scan;

import dev.pooltags.core.PoolRoutine;
import dev.pooltags.tag.PoolTag;

/**
 * One call of a pool routine found in a driver's code, with the tag it passes or why the tag is not known.
 *
 * @param routine   the pool routine reached
 * @param status    whether the tag is known
 * @param tag       the tag (for {@link Status#TAG}), else null
 * @param evidence  how the tag was found: "immediate", "read-only data" (for {@link Status#TAG})
 * @param reason    why the tag is not known (for {@link Status#UNKNOWN}), what an untagged call is, or (for
 *                  {@link Status#TAG} through a wrapper with a global override) what may replace the tag
 * @param function  RVA of the function making the call (the caller of the wrapper, for calls through one)
 * @param site      RVA of the call (or tail jump) instruction
 * @param via       RVA of the driver's own wrapper function the call goes through, or -1
 * @param viaParameter the wrapper's parameter that carries the tag (0-based; a stack slot on x86), or -1
 * @param initial   for a tag loaded from writable data: the value the file holds there (what the variable starts
 *                  as; the driver may change it), else null
 */
public record TagUse(PoolRoutine routine, Status status, PoolTag tag, String evidence, String reason, int function,
        int site, int via, int viaParameter, PoolTag initial) {
    /** What is known about the tag. */
    public enum Status {
        /** The tag is a constant and was recovered. */
        TAG,
        /** The routine takes no tag (ExAllocatePool), or the free passes tag 0, which nothing checks. */
        UNTAGGED,
        /** The tag is computed, loaded from writable memory, or a parameter: reported as such, never guessed. */
        UNKNOWN;

        /** The word reports show: the constant's name in lower case ({@code untagged}). */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** True for calls that go through a wrapper function of the driver. */
    public boolean throughWrapper() {
        return via >= 0;
    }
}
