package dev.pooltags.lint;

import java.util.List;
import java.util.function.Consumer;

/** PT007: an NDIS miniport calling the ExAllocatePool family directly. */
public final class MiniportKernelAllocatorRule extends Rule {
    public MiniportKernelAllocatorRule() {
        super("PT007", "MiniportUsesKernelAllocator", Severity.WARNING,
                "NDIS miniport allocates with ExAllocatePool* instead of NdisAllocateMemoryWithTagPriority",
                "A driver that registers with NdisMRegisterMiniportDriver is an NDIS miniport: NDIS expects it to "
                + "allocate through NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle or NdisDriverHandle, size, "
                + "tag, priority) and to free with NdisFreeMemoryWithTagPriority(handle, block, tag), so its memory is "
                + "accounted to the miniport and follows NDIS's low-resource priorities. Fix: replace the "
                + "ExAllocatePool* call with NdisAllocateMemoryWithTagPriority and the matching free. NDIS-WDM "
                + "drivers with a real reason to call the kernel directly can suppress the finding with "
                + "// pooltags: ignore PT007.");
    }

    @Override
    public void check(LintContext ctx, Consumer<Finding> out) {
        for (Call c : ctx.calls()) {
            if (!c.routine().isKernelAllocator() || ctx.reachedByExpansion(c)) {
                continue;
            }
            Project p = ctx.project(c);
            Location reg = ctx.miniport(p);
            if (reg == null) {
                continue;
            }
            out.accept(new Finding(id(), severity(), c.callee(), p.name() + " is an NDIS miniport but calls "
                    + c.routine().routineName() + "; allocate with NdisAllocateMemoryWithTagPriority", null,
                    List.of(new Finding.Related(reg, "registers as a miniport here")), false));
        }
    }
}
