package dev.pooltags.lint;

import dev.pooltags.project.Project;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * PT006: executable nonpaged pool (NonPagedPool and its cache-aligned, must-succeed and session forms, or a nonpaged
 * lookaside list without POOL_NX_ALLOCATION) in a project that has not opted in to NX pool.
 */
public final class ExecutableNonPagedPoolRule extends CallRule {
    public ExecutableNonPagedPoolRule() {
        super("PT006", LintContext::calls);
    }

    private static final Map<String, String> NX = Map.of(
            "NonPagedPool", "NonPagedPoolNx",
            "NonPagedPoolExecute", "NonPagedPoolNx",
            "NonPagedPoolMustSucceed", "NonPagedPoolNx",
            "NonPagedPoolCacheAligned", "NonPagedPoolNxCacheAligned",
            "NonPagedPoolCacheAlignedMustS", "NonPagedPoolNxCacheAligned",
            "NonPagedPoolSession", "NonPagedPoolSessionNx",
            "NonPagedPoolMustSucceedSession", "NonPagedPoolSessionNx",
            "NonPagedPoolCacheAlignedSession", "NonPagedPoolNxCacheAlignedSession",
            "NonPagedPoolCacheAlignedMustSSession", "NonPagedPoolNxCacheAlignedSession");

    @Override
    protected void judge(LintContext ctx, Call c, Consumer<Finding> out) {
        Routine r = c.routine();
        if (r.poolTypeArg() < 0 && r.lookasideFlagsArg() < 0 || ctx.reachedByExpansion(c)) {
            return;
        }
        Project p = ctx.project(c);
        LintContext.NxStatus nx = ctx.nx(p);
        if (nx.optedIn()) {
            return;
        }
        String why = nx.why().isEmpty() ? "" : " (" + nx.why() + ")";
        Arg type = c.arg(r.poolTypeArg());
        if (type != null) {
            for (Token t : type.tokens()) {
                String nxName = t.isIdent() ? NX.get(t.text()) : null;
                if (nxName == null) {
                    continue;
                }
                Location where = type.where().start() <= t.start() && t.end() <= type.where().end()
                        && type.where().start() >= 0 ? Location.of(type.where().file(), t) : type.where();
                Fix fix = where != type.where() || type.tokens().size() == 1
                        ? Fix.replace("Use " + nxName, where, t.text(), nxName) : null;
                out.accept(new Finding(id(), severity(), where, r.routineName() + " allocates executable memory from "
                        + t.text() + why + "; use " + nxName, fix, List.of(), false));
            }
        }
        Arg flags = c.arg(r.lookasideFlagsArg());
        if (flags != null) {
            Value v = ctx.value(c, flags);
            if (v.known() && (v.number() & 512) == 0) {
                String fixed = v.number() == 0 && flags.tokens().size() == 1 ? "POOL_NX_ALLOCATION"
                        : "(" + flags.text() + ") | POOL_NX_ALLOCATION";
                out.accept(new Finding(id(), severity(), flags.where(), r.routineName() + " with Flags "
                        + flags.text() + " hands out executable nonpaged entries" + why + "; pass " + fixed,
                        Fix.replace("Add POOL_NX_ALLOCATION", flags.where(), fixed), List.of(), false));
            }
        }
    }
}
