package dev.pooltags.debugger;

import dev.pooltags.debugger.DebuggerAnswer.NextStep;
import dev.pooltags.debugger.DebuggerAnswer.OwnerClue;
import dev.pooltags.poolblock.PoolBlock;
import dev.pooltags.tag.PoolTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The next command to run, from what the logs already hold: each step of the path from {@code !poolused} to the owning
 * driver that is missing, in order. Debugger commands use the documented syntax ({@code !poolfind TAG 0} for nonpaged,
 * {@code 1} for paged pool; a tag with spaces or unprintable bytes as its {@code 0x} value, which {@code !poolfind}
 * requires for those).
 */
final class NextSteps {
    private NextSteps() {}

    static List<NextStep> of(DebuggerAnswer a, List<DebuggerLog> logs, List<LoadedModule> modules) {
        List<NextStep> out = new ArrayList<>();
        boolean used = logs.stream().anyMatch(l -> !l.poolUsed().isEmpty());
        boolean lm = logs.stream().anyMatch(l -> l.count(CommandKind.MODULES) > 0);
        if (!used) {
            out.add(new NextStep("debugger", "!poolused 2", "outstanding allocations and bytes per tag, most nonpaged bytes first "
                    + "(!poolused 4 sorts by paged pool): which tag holds the memory"));
        }
        if (a.tag().isEmpty()) {
            return out;
        }
        PoolTag t = a.tag().get();
        String tagArg = t.isPrintable() && t.memoryText().indexOf(' ') < 0 ? t.memoryText() : t.hexText();
        boolean paged = a.usage().stream().reduce((x, y) -> y).map(u -> u.row().poolused().pagedBytes() > u.row().poolused().nonpagedBytes()).orElse(false);
        if (a.finds().isEmpty()) {
            out.add(new NextStep("debugger", "!poolfind " + tagArg + (paged ? " 1" : " 0"), "every block with the tag in "
                    + (paged ? "paged" : "nonpaged") + " pool: how many, which sizes, on which pages"));
        }
        boolean inspected = a.pages().stream().anyMatch(DebuggerAnswer.PageView::ofTag);
        if (!inspected) {
            Optional<PoolBlock> b = LogAnalysis.typicalBlock(a.blocks());
            b.ifPresent(x -> out.add(new NextStep("debugger", "!pool " + Long.toHexString(x.address()), "the page around a typical block ("
                    + "size 0x" + Long.toHexString(x.size()) + ") and the debugger's owner line for it; dt or db on the block's data shows what it holds")));
        }
        Optional<OwnerClue> owner = a.owner();
        if (owner.isEmpty()) {
            if (!lm) {
                out.add(new NextStep("debugger", "lmv", "the loaded modules with their image paths, time stamps and versions, "
                        + "to match owners against"));
            }
            out.add(new NextStep("pooltags", "pooltags who " + tagArg + " --drivers DIR", "the drivers whose code passes the tag to a "
                    + "pool routine (DIR: a copy of the machine's System32\\drivers)"));
            out.add(new NextStep("debugger", "bp nt!ExAllocatePoolWithTag \".if (@r8d == " + t.hexText() + ") {k} .else {gc}\"",
                    "on x64 the tag is the third argument (r8); the stack of the next allocation names the caller "
                            + "(use nt!ExAllocatePool2 on Windows 10 2004 and later, where drivers call it instead)"));
        } else {
            String driver = driverName(owner.get().binary(), modules);
            boolean kernel = isKernel(owner.get().binary());
            boolean tracked = !a.outstanding().isEmpty();
            if (!kernel && !tracked) {
                out.add(new NextStep("target", "verifier /flags 0x9 /driver " + driver, "Driver Verifier's special pool (0x1) and pool "
                        + "tracking (0x8) for the driver after a reboot; then !verifier 3 " + driver + " lists what it still holds, "
                        + "with the callers"));
            }
            if (!kernel) {
                out.add(new NextStep("pooltags", "pooltags special-pool " + tagArg, "special pool for this tag alone (GFlags' PoolTag "
                        + "setting), to catch an overrun or use after free in the act"));
            }
        }
        for (DebuggerAnswer.CallerGroup g : a.outstanding()) {
            if (g.caller().indexOf('!') < 0 && !g.caller().isEmpty()) {
                out.add(new NextStep("debugger", "ln " + g.caller(), "the function and source line that allocated "
                        + g.count() + " of the outstanding blocks"));
                break;
            }
        }
        if (!a.outstanding().isEmpty() && a.history().isEmpty()) {
            TrackedAllocation x = a.outstanding().get(0).examples().get(0);
            out.add(new NextStep("debugger", "!verifier 0x80 " + Long.toHexString(x.address()), "the stack of that allocation from "
                    + "pool tracking's log of recent allocations and frees (kept while the log has not wrapped)"));
        }
        return out;
    }

    /** The driver's file name for verifier: the module's image name from lm, else the name with {@code .sys}. */
    static String driverName(String binary, List<LoadedModule> modules) {
        for (LoadedModule m : modules) {
            if (m.isBinary(binary)) {
                return m.imageName();
            }
        }
        String b = binary.strip();
        return b.toLowerCase(Locale.ROOT).matches(".*\\.(sys|dll|exe)$") ? b : b + ".sys";
    }

    /** True for the kernel's own components ({@code nt!io}, {@code ntoskrnl.exe}, {@code hal.dll}). */
    static boolean isKernel(String binary) {
        String b = binary.toLowerCase(Locale.ROOT);
        return b.startsWith("nt!") || b.equals("nt") || b.startsWith("ntoskrnl") || b.startsWith("ntkrnl") || b.startsWith("hal");
    }
}
