package dev.pooltags.lint;

import dev.pooltags.project.WrapperDeclaration;
import dev.pooltags.source.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A function of the driver's own that allocates or frees pool for its callers, found from its body or declared in
 * a {@code .pooltags.yml}: {@code PVOID MyAlloc(SIZE_T n, ULONG Tag) { return ExAllocatePool2(..., n, Tag); }},
 * {@code VOID FreeBuffer(PVOID p) { ExFreePoolWithTag(p, MY_TAG); }}, or a function calling such a wrapper
 * (transitively). At its call sites it stands for a pool routine, so every rule sees through it.
 *
 * <p>Argument positions refer to the wrapper's own parameters. A tag fixed inside the wrapper has no argument at the
 * call site: {@link #tagArg()} is then {@link #params()} (one past the last parameter), where calls of the wrapper
 * carry {@link #fixedTag()} as an extra argument, evaluated in the wrapper's file.
 *
 * @param routineName the function's name
 * @param kind        ALLOCATE (returns the block), ALLOCATE_OUT (through a pointer parameter), FREE or LOOKASIDE
 * @param base        the documented routine that does the work in the end
 * @param paramNames  the function's parameter names, in order
 * @param tagArg      the parameter holding the tag, {@link #params()} for a fixed tag, -1 when untagged
 * @param fixedTag    the tag expression written inside, or null
 * @param poolTypeArg the parameter holding the POOL_TYPE, or -1
 * @param poolFlagsArg the parameter holding the POOL_FLAGS, or -1
 * @param pointerArg  the parameter receiving (ALLOCATE_OUT) or holding (FREE) the block, or -1
 * @param definedAt   the function's name where it is defined (or the declaring file for a declared wrapper)
 * @param through     the calls inside, from this wrapper's call of the next down to the documented routine, each
 *                    with a sentence saying what happens there
 * @param project     the project that defines it
 * @param declared    true when a {@code .pooltags.yml} declares it
 */
public record PoolWrapper(String routineName, PoolRoutine.Kind kind, PoolRoutine base, List<String> paramNames,
        int tagArg, Arg fixedTag, int poolTypeArg, int poolFlagsArg, int pointerArg, Location definedAt,
        List<Finding.Related> through, String project, boolean declared) implements Routine {

    /** Where a fixed tag goes at a call: past any argument a call can have. */
    static final int FIXED_TAG_SLOT = 64;

    /**
     * The wrapper a {@code .pooltags.yml} declares. Its routine must be one lint recognises in source: naming another
     * of the catalogue is an {@link InputException} at the line that names it.
     */
    static PoolWrapper declared(WrapperDeclaration d) {
        PoolRoutine routine = PoolRoutine.byName(d.routine().routineName());
        if (routine == null) {
            throw new InputException(d.file(), d.routineLine(), "routine: '" + d.routine().routineName()
                    + "' is not a pool routine pooltags knows");
        }
        int highest = Math.max(Math.max(d.tagArg(), d.poolTypeArg()), Math.max(d.poolFlagsArg(), d.pointerArg()));
        List<String> names = new ArrayList<>();
        int count = d.fixedTag() != null ? FIXED_TAG_SLOT : highest + 1;
        for (int i = 0; i < count; i++) {
            names.add("argument " + (i + 1));
        }
        Location where = Location.line(d.file(), d.line());
        Arg fixed = null;
        if (d.fixedTag() != null) {
            List<Token> ts = new ArrayList<>();
            for (Token t : Tokenizer.tokenize(d.fixedTag()).tokens()) {
                ts.add(new Token(t.kind(), t.text(), d.line(), 1, d.line(), 1, -1, -1, null));
            }
            fixed = new Arg(List.copyOf(ts), d.fixedTag(), where, true);
        }
        return new PoolWrapper(d.function(), PoolRoutine.Kind.valueOf(d.kind().name()), routine, List.copyOf(names),
                fixed != null ? FIXED_TAG_SLOT : d.tagArg(), fixed, d.poolTypeArg(), d.poolFlagsArg(), d.pointerArg(), where,
                List.of(new Finding.Related(where, d.function() + " is declared a pool routine here")), null, true);
    }

    /** The same wrapper, of the given project. */
    PoolWrapper inProject(String projectId) {
        return new PoolWrapper(routineName, kind, base, paramNames, tagArg, fixedTag, poolTypeArg, poolFlagsArg, pointerArg,
                definedAt, through, projectId, declared);
    }

    /** The number of parameters. */
    public int params() {
        return paramNames.size();
    }

    @Override
    public int lookasideFlagsArg() {
        return -1;
    }

    @Override
    public boolean isKernelAllocator() {
        return false; // the call inside is judged where it is written
    }

    /** The same summary: what a call site sees is identical. */
    boolean sameAs(PoolWrapper o) {
        return o.kind == kind && o.base == base && o.tagArg == tagArg && o.poolTypeArg == poolTypeArg
                && o.poolFlagsArg == poolFlagsArg && o.pointerArg == pointerArg && o.params() == params()
                && (fixedTag == null ? o.fixedTag == null : o.fixedTag != null && o.fixedTag.text().equals(fixedTag.text()));
    }

    /** How its tag is given, for listings: "parameter 2 (Tag)", "fixed: MY_TAG", "none". */
    public String tagDescription() {
        if (tagArg < 0) {
            return "none";
        }
        if (fixedTag != null) {
            return "fixed: " + fixedTag.text();
        }
        return "parameter " + (tagArg + 1) + " (" + paramNames.get(tagArg) + ")";
    }
}
