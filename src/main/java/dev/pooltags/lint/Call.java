package dev.pooltags.lint;

import java.util.List;

/**
 * A call of a {@link PoolRoutine}, possibly written through a macro that wraps it.
 *
 * @param routine  the routine
 * @param callee   the routine's name token (in a macro body when a macro wrote the call)
 * @param region   the whole call, name to closing parenthesis, where it is written (for a replacement)
 * @param site     where the call happens in this file: the routine name, or the macro's name at its use
 * @param viaMacro the macro used at {@code site}, or null
 * @param args     the arguments
 * @param function the enclosing function ({@code file:line name}), or null inside a macro definition
 * @param order    token position in the file, for "before" and "after" within a function
 * @param target   where the returned address is stored ({@code p = ExAllocatePool2(...)}), or null
 * @param unknowns names whose value is unknown here: the parameters of the macro a call is written in
 */
public record Call(Routine routine, Location callee, Location region, Location site, String viaMacro, List<Arg> args,
        String function, int order, PointerPath target, List<String> unknowns) {

    /** Argument {@code i}, or null when the call has fewer. */
    public Arg arg(int i) {
        return i >= 0 && i < args.size() ? args.get(i) : null;
    }

    /** True for a call found inside a {@code #define} body (its parameters are unknown there). */
    public boolean inDefinition() {
        return function == null;
    }

    /** True when a macro wrote the routine's name: the macro's own definition holds the call. */
    public boolean calleeInMacroBody() {
        return viaMacro != null && !callee.equals(site);
    }

    /** The same call with argument {@code i} replaced (padded with empty arguments when it has fewer). */
    Call withArg(int i, Arg a) {
        java.util.List<Arg> out = new java.util.ArrayList<>(args);
        while (out.size() <= i) {
            out.add(new Arg(List.of(), "", site, false));
        }
        out.set(i, a);
        return new Call(routine, callee, region, site, viaMacro, List.copyOf(out), function, order, target, unknowns);
    }

    /** The wrapper function this call goes through, or null for a documented routine. */
    public PoolWrapper wrapper() {
        return routine instanceof PoolWrapper w ? w : null;
    }

    /** The file where this call happens. */
    public String file() {
        return site.file();
    }
}
