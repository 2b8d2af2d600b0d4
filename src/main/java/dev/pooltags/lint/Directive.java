package dev.pooltags.lint;

import java.util.List;

/**
 * A preprocessor line: {@code #define NAME(params) body}, {@code #include "x.h"}, {@code #pragma ...}, {@code #if}.
 *
 * @param name   the directive ({@code define}, {@code include}, {@code pragma}, {@code if}, {@code else} ...), empty
 *               for a lone {@code #}
 * @param tokens the tokens after the name, line continuations and comments removed
 * @param line   the line of the {@code #}
 */
public record Directive(String name, List<Token> tokens, int line) {
}
