package dev.pooltags.lint;

/**
 * The place a block's address is kept, as far as tokens can tell: a plain name ({@code p}, {@code g_Buffer}) or
 * the last members of a field access ({@code ctx->Name.Buffer} is {@code Name.Buffer}, whichever object).
 *
 * @param field true for a member access
 * @param key   the name, or the member names joined by '.' (at most the last two)
 * @param text  the expression as written
 * @param base  the variable the path starts from
 * @param dotBase true when the base is a structure itself ({@code s.Buffer}), not a pointer to one ({@code p->Buffer})
 */
public record PointerPath(boolean field, String key, String text, String base, boolean dotBase) {
    /** The last member name (or the plain name). */
    public String lastName() {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }
}
