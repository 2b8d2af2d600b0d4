package dev.pooltags.lint;

import dev.pooltags.core.Severity;
import dev.pooltags.project.Project;
import java.util.List;
import java.util.function.Consumer;

/** PT007: an NDIS, Storport or video port miniport calling the ExAllocatePool family directly. */
public final class MiniportKernelAllocatorRule extends Rule {
    public MiniportKernelAllocatorRule() {
        super("PT007", "MiniportUsesKernelAllocator", Severity.WARNING,
                "Miniport allocates with ExAllocatePool* instead of its port driver's allocator",
                "A driver that registers with NdisMRegisterMiniportDriver is an NDIS miniport: NDIS expects it to "
                + "allocate through NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle or NdisDriverHandle, size, "
                + "tag, priority) and to free with NdisFreeMemoryWithTagPriority(handle, block, tag), so its memory is "
                + "accounted to the miniport and follows NDIS's low-resource priorities. A driver that calls "
                + "StorPortInitialize is a Storport miniport: physical storage miniports are to call only the port "
                + "driver's support routines (StorPortAllocatePool and StorPortFreePool for pool; the SDV rule "
                + "HwStorPortProhibitedDDIs lists ExAllocatePoolWithTag and its kin), and the HLK storage imports "
                + "test fails those that import kernel routines; a virtual miniport (VIRTUAL_HW_INITIALIZATION_DATA) "
                + "may call them and is not reported. A driver that calls VideoPortInitialize is a video "
                + "miniport, which allocates with VideoPortAllocatePool and frees with VideoPortFreePool. Fix: "
                + "replace the ExAllocatePool* call with the port's allocator and the matching free. Drivers with a "
                + "real reason to call the kernel directly can suppress the finding with // pooltags: ignore PT007.");
    }

    @Override
    public Meta meta() {
        return new Meta("https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ndis/nf-ndis-ndisallocatememorywithtagpriority", "high", List.of("pool-tag", "correctness"), null);
    }

    @Override
    public void check(LintContext ctx, Consumer<Finding> out) {
        for (Call c : ctx.calls()) {
            if (!c.routine().isKernelAllocator() || ctx.reachedByExpansion(c)) {
                continue;
            }
            Project p = ctx.project(c);
            Miniport.Registration reg = ctx.miniport(p);
            if (reg == null) {
                continue;
            }
            out.accept(new Finding(id(), severity(), c.callee(), p.name() + " is " + reg.port().article() + " but calls "
                    + c.routine().routineName() + "; allocate with " + reg.port().allocate(), null,
                    List.of(new Finding.Related(reg.where(), "registers as " + reg.port().article() + " here ("
                            + reg.port().registration() + ")")), false));
        }
    }
}
