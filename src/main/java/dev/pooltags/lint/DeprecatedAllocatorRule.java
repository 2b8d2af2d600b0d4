package dev.pooltags.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * PT004: ExAllocatePoolWithTag, ExAllocatePoolWithQuotaTag and ExAllocatePoolWithTagPriority, deprecated since
 * Windows 10 version 2004 (Code Analysis C28751), with the ExAllocatePool2 call written out when the pool type is
 * a known constant.
 */
public final class DeprecatedAllocatorRule extends CallRule {
    private static final Set<PoolRoutine> DEPRECATED = Set.of(PoolRoutine.EX_ALLOCATE_POOL_WITH_TAG,
            PoolRoutine.EX_ALLOCATE_POOL_WITH_QUOTA_TAG, PoolRoutine.EX_ALLOCATE_POOL_WITH_TAG_PRIORITY);

    public DeprecatedAllocatorRule() {
        super("PT004", DEPRECATED);
    }

    @Override
    protected void judge(LintContext ctx, Call c, Consumer<Finding> out) {
        Routine r = c.routine();
        Arg type = c.arg(0);
        String flags = type == null ? null : flags(type.tokens(), r == PoolRoutine.EX_ALLOCATE_POOL_WITH_QUOTA_TAG);
        Arg size = c.arg(1);
        Arg tag = c.arg(2);
        String via = c.viaMacro() != null ? " (the macro " + c.viaMacro() + " calls it)" : "";
        if (r == PoolRoutine.EX_ALLOCATE_POOL_WITH_TAG_PRIORITY) {
            out.accept(finding(c.callee(), r.routineName() + " is deprecated" + via
                    + "; use ExAllocatePool3 with a PoolExtendedParameterPriority parameter (it zeroes the block)"));
            return;
        }
        if (flags == null || size == null || tag == null) {
            out.accept(finding(c.callee(), r.routineName() + " is deprecated" + via
                    + "; use ExAllocatePool2 with the POOL_FLAGS for " + (type == null ? "the pool type" : type.text())
                    + " (it zeroes the block and returns NULL on failure)"));
            return;
        }
        String replacement = "ExAllocatePool2(" + flags + ", " + size.text() + ", " + tag.text() + ")";
        Fix fix = null;
        if (c.region() != null && sameFile(c, size, tag, type)) {
            fix = Fix.replace("Call ExAllocatePool2, which zeroes the block", c.region(), replacement);
        }
        out.accept(new Finding(id(), severity(), c.callee(), r.routineName() + " is deprecated" + via + "; write "
                + replacement + " (it zeroes the block: POOL_FLAG_UNINITIALIZED keeps the old behaviour)", fix,
                List.of(), false));
    }

    private static boolean sameFile(Call c, Arg... args) {
        for (Arg a : args) {
            if (!a.where().file().equals(c.region().file()) || a.where().start() < c.region().start()
                    || a.where().end() > c.region().end()) {
                return false;
            }
        }
        return true;
    }

    /** The POOL_FLAGS for a POOL_TYPE expression of known names, or null. */
    static String flags(List<Token> type, boolean quota) {
        List<String> out = new ArrayList<>();
        boolean failInsteadOfRaise = false;
        boolean raise = false;
        for (Token t : type) {
            if (t.is("|") || t.is("(") || t.is(")") || t.is("POOL_TYPE")) {
                continue;
            }
            if (!t.isIdent()) {
                return null;
            }
            switch (t.text()) {
                case "NonPagedPool", "NonPagedPoolNx", "NonPagedPoolMustSucceed", "NonPagedPoolExecute" -> out.add("POOL_FLAG_NON_PAGED");
                case "NonPagedPoolCacheAligned", "NonPagedPoolNxCacheAligned", "NonPagedPoolCacheAlignedMustS" -> {
                    out.add("POOL_FLAG_NON_PAGED");
                    out.add("POOL_FLAG_CACHE_ALIGNED");
                }
                case "PagedPool" -> out.add("POOL_FLAG_PAGED");
                case "PagedPoolCacheAligned" -> {
                    out.add("POOL_FLAG_PAGED");
                    out.add("POOL_FLAG_CACHE_ALIGNED");
                }
                case "NonPagedPoolSession", "NonPagedPoolSessionNx" -> {
                    out.add("POOL_FLAG_NON_PAGED");
                    out.add("POOL_FLAG_SESSION");
                }
                case "PagedPoolSession" -> {
                    out.add("POOL_FLAG_PAGED");
                    out.add("POOL_FLAG_SESSION");
                }
                case "POOL_RAISE_IF_ALLOCATION_FAILURE" -> raise = true;
                case "POOL_QUOTA_FAIL_INSTEAD_OF_RAISE" -> failInsteadOfRaise = true;
                default -> {
                    return null;
                }
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        if (quota) {
            out.add("POOL_FLAG_USE_QUOTA");
            if (!failInsteadOfRaise) {
                raise = true; // the quota routine raised by default
            }
        }
        if (raise) {
            out.add("POOL_FLAG_RAISE_ON_FAILURE");
        }
        return String.join(" | ", out);
    }
}
