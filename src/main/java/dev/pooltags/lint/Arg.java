package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * One argument of a pool-routine call.
 *
 * @param tokens    its tokens (after macro expansion)
 * @param text      the source text as written (tokens joined by single spaces when it was pieced together by a macro)
 * @param where     where it is written: in the call, or in a macro body when the macro supplied it
 * @param fromBody  true when every token came from a macro body (then a finding about it belongs to the macro)
 */
public record Arg(List<Token> tokens, String text, Location where, boolean fromBody) {
    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** The tokens between a call's parentheses, split at the commas outside any nested parentheses. */
    public static List<List<Token>> split(List<Token> inner) {
        List<List<Token>> args = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        int d = 0;
        for (Token t : inner) {
            if (t.is("(")) {
                d++;
            } else if (t.is(")")) {
                d--;
            } else if (d == 0 && t.is(",")) {
                args.add(cur);
                cur = new ArrayList<>();
                continue;
            }
            cur.add(t);
        }
        args.add(cur);
        return args;
    }

    /** True when the argument is exactly one token of this kind. */
    public boolean single(Token.Kind kind) {
        return tokens.size() == 1 && tokens.get(0).kind() == kind;
    }
}
