package dev.pooltags.project;

import dev.pooltags.core.PoolRoutine;

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
 * @param routine   the documented routine it ends in (named, or the kind's usual one)
 * @param routineLine the line naming the routine (the entry's when it is not named), for a routine lint cannot use
 */
public record WrapperDeclaration(String root, String file, int line, String function, PoolRoutine.Kind kind, int tagArg,
        String fixedTag, int poolTypeArg, int poolFlagsArg, int pointerArg, PoolRoutine routine, int routineLine) {
}
