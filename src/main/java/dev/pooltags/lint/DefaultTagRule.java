package dev.pooltags.lint;

import dev.pooltags.core.Severity;
import dev.pooltags.tag.PoolTag;
import java.util.List;
import java.util.function.Consumer;

/**
 * PT002: a tag that identifies nobody: the defaults {@code ' kdD'} and {@code ' mdW'} (Code Analysis C28147),
 * tag 0, {@code ' GIB'} (the big-pool marker) and tags with no letter or digit, which the kernel's pool checks reject
 * with BAD_POOL_CALLER.
 */
public final class DefaultTagRule extends CallRule {
    public DefaultTagRule() {
        super("PT002", LintContext::taggedAllocations);
    }

    private static final int DDK = 0x206B6444; // ' kdD', PoolMon "Ddk "
    private static final int WDM = 0x206D6457; // ' mdW', PoolMon "Wdm "
    private static final int BIG = 0x20474942; // ' GIB', PoolMon "BIG "

    @Override
    protected void judge(LintContext ctx, Call c, Consumer<Finding> out) {
        Value v = ctx.tag(c);
        if (!v.known()) {
            return;
        }
        int tag = v.tag() & ~PoolTag.PROTECTED_BIT;
        String what;
        Severity sev = Severity.ERROR;
        if (tag == 0) {
            if (c.routine().kind() == PoolRoutine.Kind.FRAMEWORK || c.routine().base() == PoolRoutine.ENG_ALLOC_MEM) {
                return; // the framework uses the driver's tag; EngAllocMem's handling of 0 is not documented
            }
            what = "tag 0: the kernel rejects it (BAD_POOL_CALLER) and PoolMon cannot attribute the memory";
        } else if (tag == DDK || tag == WDM) {
            what = "the default tag '" + PoolTag.ofValue(tag).memoryText()
                    + "', shared by every driver that uses it: PoolMon cannot tell this driver's memory apart";
            sev = Severity.WARNING;
        } else if (tag == BIG) {
            what = "the tag 'BIG ', which the pool uses to mark big-pool pages; the kernel rejects it";
        } else if (!PoolTag.ofValue(tag).hasLetterOrDigit()) {
            what = "the tag " + PoolTag.ofValue(tag).hexText() + " ('" + PoolTag.ofValue(tag).memoryText()
                    + "'), which has no letter or digit; the kernel rejects such tags (BAD_POOL_CALLER)";
        } else {
            return;
        }
        Arg a = c.arg(c.routine().tagArg());
        Location where = v.named() != null ? v.named().where() : a.where();
        String name = v.named() != null ? v.named().name() + " is " : a.text() + " is ";
        List<Finding.Related> rel = v.named() != null
                ? List.of(new Finding.Related(c.site(), "used by " + c.routine().routineName() + " here"))
                : List.of();
        out.accept(new Finding(id(), sev, where, name + what, null, rel, false));
    }
}
