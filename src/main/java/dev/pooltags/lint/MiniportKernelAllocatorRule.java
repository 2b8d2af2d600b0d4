package dev.pooltags.lint;

import dev.pooltags.project.Project;
import java.util.List;
import java.util.function.Consumer;

/** PT007: an NDIS, Storport or video port miniport calling the ExAllocatePool family directly. */
public final class MiniportKernelAllocatorRule extends CallRule {
    public MiniportKernelAllocatorRule() {
        super("PT007", LintContext::calls);
    }

    @Override
    protected void judge(LintContext ctx, Call c, Consumer<Finding> out) {
        if (!c.routine().isKernelAllocator() || ctx.reachedByExpansion(c)) {
            return;
        }
        Project p = ctx.project(c);
        Miniport.Registration reg = ctx.miniport(p);
        if (reg == null) {
            return;
        }
        out.accept(new Finding(id(), severity(), c.callee(), p.name() + " is " + reg.port().article() + " but calls "
                + c.routine().routineName() + "; allocate with " + reg.port().allocate(), null,
                List.of(new Finding.Related(reg.where(), "registers as " + reg.port().article() + " here ("
                        + reg.port().registration() + ")")), false));
    }
}
