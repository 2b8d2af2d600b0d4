package dev.pooltags.lint;

import java.util.List;

/**
 * A name the source gives a value: {@code #define NAME body}, {@code #define NAME(a, b) body},
 * {@code const ULONG NAME = expr;}, or an enumerator.
 *
 * @param name   the name
 * @param params the parameters of a function-like macro, null for everything else
 * @param body   the replacement tokens or the initializer expression
 * @param where  the name's place
 * @param kind   where the definition came from
 */
public record Definition(String name, List<String> params, List<Token> body, Location where, Kind kind) {
    /** Where a definition came from. */
    public enum Kind { DEFINE, CONST, ENUM }

    public boolean functionLike() {
        return params != null;
    }

    public String file() {
        return where.file();
    }
}
