package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides from one function's pool calls whether it is a wrapper, and of what: it hands a block to its caller
 * (returns what an allocation gave, directly or through a local, or stores it through a pointer parameter), or frees
 * a block its caller passed, or sets up a lookaside list; and the tag (and pool type) of that call is one of its
 * parameters or fixed inside (an expression of constants only). Anything else (a tag computed at run time, two
 * calls that disagree) is no wrapper: the analysis would otherwise guess.
 */
final class WrapperSummary {
    private WrapperSummary() {}

    /** How an argument of the inner call is given by the wrapper. */
    private record Mapping(int param, Arg fixed, boolean none) {
        static final Mapping NONE = new Mapping(-1, null, true);

        boolean sameAs(Mapping o) {
            return o.param == param && o.none == none
                    && (fixed == null ? o.fixed == null : o.fixed != null && o.fixed.text().equals(fixed.text()));
        }
    }

    static PoolWrapper of(String functionId, Token name, List<String> params, Set<String> locals, List<Call> calls,
            Set<Call> returned, Map<Call, String> storedThrough, Set<String> returnNames, Set<String> storedParams,
            String file) {
        PoolWrapper alloc = null;
        boolean conflict = false;
        for (Call c : calls) {
            if (!c.routine().allocates()) {
                continue;
            }
            PoolRoutine.Kind kind;
            int pointer = -1;
            if (returned.contains(c) || c.target() != null && !c.target().field() && returnNames.contains(c.target().base())
                    && locals.contains(c.target().base())) {
                kind = PoolRoutine.Kind.ALLOCATE;
            } else if (storedThrough.containsKey(c)) {
                kind = PoolRoutine.Kind.ALLOCATE_OUT;
                pointer = params.indexOf(storedThrough.get(c));
            } else if (c.routine().kind() == PoolRoutine.Kind.ALLOCATE_OUT) {
                Arg p = c.arg(c.routine().pointerArg());
                String single = p == null ? null : single(p.tokens());
                if (single != null && params.contains(single)) {
                    kind = PoolRoutine.Kind.ALLOCATE_OUT; // the caller's pointer passed on
                    pointer = params.indexOf(single);
                } else if (c.target() != null && !c.target().field() && returnNames.contains(c.target().base())) {
                    kind = PoolRoutine.Kind.ALLOCATE; // NdisAllocateMemoryWithTag(&p, ...); return p;
                } else {
                    continue;
                }
            } else {
                continue; // the block stays with the function (or goes where tokens cannot follow)
            }
            PoolWrapper w = make(kind, pointer, c, functionId, name, params, locals, file);
            if (w == null || alloc != null && !alloc.sameAs(w)) {
                conflict = true;
            } else if (alloc == null) {
                alloc = w;
            }
        }
        if (alloc != null || conflict) {
            return conflict ? null : alloc;
        }
        PoolWrapper other = null;
        for (PoolRoutine.Kind want : new PoolRoutine.Kind[] {PoolRoutine.Kind.FREE, PoolRoutine.Kind.LOOKASIDE}) {
            for (Call c : calls) {
                if (c.routine().kind() != want) {
                    continue;
                }
                int pointer = -1;
                if (want == PoolRoutine.Kind.LOOKASIDE) {
                    Arg list = c.arg(0);
                    String single = list == null ? null : single(PointerEventExtractor.stripCasts(list.tokens()));
                    if (single == null || !params.contains(single)) {
                        continue; // sets up a list of its own, not the caller's
                    }
                }
                if (want == PoolRoutine.Kind.FREE) {
                    Arg p = c.arg(c.routine().pointerArg());
                    String single = p == null ? null : single(PointerEventExtractor.stripCasts(p.tokens()));
                    if (single == null || !params.contains(single) || storedParams.contains(single)) {
                        continue; // frees something of its own (or the parameter holds something else by then)
                    }
                    pointer = params.indexOf(single);
                }
                PoolWrapper w = make(want, pointer, c, functionId, name, params, locals, file);
                if (w == null || other != null && !other.sameAs(w)) {
                    return null;
                }
                if (other == null) {
                    other = w;
                }
            }
            if (other != null) {
                return want == PoolRoutine.Kind.LOOKASIDE && other.tagArg() < 0 ? null : other;
            }
        }
        return null;
    }

    private static PoolWrapper make(PoolRoutine.Kind kind, int pointer, Call c, String functionId, Token name,
            List<String> params, Set<String> locals, String file) {
        Mapping tag = map(c, c.routine().tagArg(), params, locals);
        if (tag == null) {
            return null; // a tag computed at run time
        }
        Mapping type = map(c, c.routine().poolTypeArg(), params, locals);
        Mapping flags = map(c, c.routine().poolFlagsArg(), params, locals);
        int tagArg = tag.none ? -1 : tag.fixed != null ? params.size() : tag.param;
        List<Finding.Related> through = new ArrayList<>();
        String does = switch (kind) {
            case FREE -> " frees with ";
            case LOOKASIDE -> " sets up a lookaside list with ";
            default -> " allocates with ";
        };
        through.add(new Finding.Related(c.site(), name.text() + does + c.routine().routineName() + " here"));
        if (c.wrapper() != null) {
            through.addAll(c.wrapper().through());
        }
        return new PoolWrapper(name.text(), kind, c.routine().base(), List.copyOf(params), tagArg, tag.fixed,
                type == null || type.fixed != null ? -1 : type.param, flags == null || flags.fixed != null ? -1 : flags.param,
                pointer, Location.of(file, name), List.copyOf(through), null, false);
    }

    /** A parameter (its index), a fixed expression, nothing (no such argument), or null when neither. */
    private static Mapping map(Call c, int index, List<String> params, Set<String> locals) {
        if (index < 0) {
            return Mapping.NONE;
        }
        Arg a = c.arg(index);
        if (a == null || a.isEmpty()) {
            return null;
        }
        String single = single(PointerEventExtractor.stripCasts(a.tokens()));
        if (single != null && params.contains(single)) {
            return new Mapping(params.indexOf(single), null, false);
        }
        for (Token t : a.tokens()) {
            if (t.isIdent() && (params.contains(t.text()) || locals.contains(t.text()))) {
                return null;
            }
        }
        return new Mapping(-1, a.fromBody() ? a : new Arg(a.tokens(), a.text(), a.where(), true), false);
    }

    /** The one name an expression is, or null. */
    private static String single(List<Token> ts) {
        return ts.size() == 1 && ts.get(0).isIdent() ? ts.get(0).text() : null;
    }
}
