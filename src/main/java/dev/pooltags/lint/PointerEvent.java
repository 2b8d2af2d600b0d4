package dev.pooltags.lint;

/**
 * Something that happens to a {@link PointerPath} inside a function: a pool block is stored there, freed from there,
 * or something else is stored there (which makes any later free's origin uncertain).
 *
 * @param type     what happened
 * @param path     the pointer
 * @param function the enclosing function's identity, {@code file:line name}
 * @param param    true when a plain name is a parameter of that function
 * @param local    true when the path starts from a name declared inside that function
 * @param order    token position in the file
 * @param block    the innermost block (braces, or the brace-less body of a control statement) it happens in; the
 *                 file's {@link FileFacts#blockParents()} link each block to the one around it
 * @param call     the allocation or free (null for {@link Type#OTHER})
 * @param where    where it happens
 */
public record PointerEvent(Type type, PointerPath path, String function, boolean param, boolean local, int order, int block, Call call,
        Location where) {
    /** What happened to the pointer. */
    public enum Type { ALLOC, FREE, OTHER }
}
