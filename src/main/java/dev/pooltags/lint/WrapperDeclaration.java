package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * A wrapper declared in a {@code .pooltags.yml}: for allocators the analysis cannot infer (called through a function
 * pointer, defined in a library whose sources are not in the tree).
 *
 * @param root      the folder the file is in ('/' terminated, as shown), whose files see the declaration
 * @param file      the {@code .pooltags.yml} as shown
 * @param line      the line of the entry
 * @param function  the name called
 * @param kind      allocate, allocate-out, free or lookaside
 * @param tagArg    the 0-based argument holding the tag, or -1
 * @param fixedTag  a tag written in the declaration (a character literal or a constant's name), or null
 * @param poolTypeArg the argument holding the POOL_TYPE, or -1
 * @param poolFlagsArg the argument holding the POOL_FLAGS, or -1
 * @param pointerArg the argument receiving (allocate-out) or holding (free) the block, or -1
 * @param routine   the documented routine it ends in
 */
public record WrapperDeclaration(String root, String file, int line, String function, PoolRoutine.Kind kind, int tagArg,
        String fixedTag, int poolTypeArg, int poolFlagsArg, int pointerArg, PoolRoutine routine) {

    /** Where a fixed tag goes at a call: past any argument a call can have. */
    static final int FIXED_TAG_SLOT = 64;

    PoolWrapper toWrapper() {
        int highest = Math.max(Math.max(tagArg, poolTypeArg), Math.max(poolFlagsArg, pointerArg));
        List<String> names = new ArrayList<>();
        int count = fixedTag != null ? FIXED_TAG_SLOT : highest + 1;
        for (int i = 0; i < count; i++) {
            names.add("argument " + (i + 1));
        }
        Location where = Location.line(file, line);
        Arg fixed = null;
        if (fixedTag != null) {
            List<Token> ts = new ArrayList<>();
            for (Token t : Tokenizer.tokenize(fixedTag).tokens()) {
                ts.add(new Token(t.kind(), t.text(), line, 1, line, 1, -1, -1, null));
            }
            fixed = new Arg(List.copyOf(ts), fixedTag, where, true);
        }
        return new PoolWrapper(function, kind, routine, List.copyOf(names), fixed != null ? FIXED_TAG_SLOT : tagArg, fixed,
                poolTypeArg, poolFlagsArg, pointerArg, where,
                List.of(new Finding.Related(where, function + " is declared a pool routine here")), null, true);
    }
}
